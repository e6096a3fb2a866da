/// Reads a document's `## Heading` sections into the sections a kind of file has (code sections,
/// pair-note sections): one reader, so every kind of file reports its mistakes the same way.
struct SectionReader<ID: Hashable> {
    /// Lowercased heading -> section: the English heading and the file's locale label both work.
    var byName: [String: ID]
    /// The headings to suggest for a misspelt one.
    var names: [String]
    /// Added to "unknown section ..." (" in a pair note").
    var unknownSuffix = ""
    /// Added to "section ... is empty" for a section (a hint on what to do).
    var emptyHint: (ID) -> String = { _ in "" }

    /// The sections by id, and the line of each one's heading. Unknown, duplicate and empty sections
    /// are errors and left out.
    func read(_ document: MarkdownDocument, diagnostics: inout DiagnosticList) -> (sections: [ID: MarkdownSection], headingLines: [ID: Int]) {
        var sections: [ID: MarkdownSection] = [:]
        var headingLines: [ID: Int] = [:]
        for section in document.sections {
            guard let id = byName[section.heading.lowercased()] else {
                diagnostics.error(section.headingLocation,
                                  "unknown section \"\(section.heading)\"\(unknownSuffix)\(Suggestion.didYouMean(section.heading, in: names))")
                continue
            }
            if let first = headingLines[id] {
                diagnostics.error(section.headingLocation, "duplicate section \"\(section.heading)\" (already at line \(first))")
                continue
            }
            headingLines[id] = section.headingLocation.line
            if MarkdownDocument.isBlank(section.body) {
                diagnostics.error(section.headingLocation, "section \"\(section.heading)\" is empty" + emptyHint(id))
                continue
            }
            sections[id] = MarkdownSection(markdown: section.body, location: section.bodyLocation)
        }
        return (sections, headingLines)
    }
}
