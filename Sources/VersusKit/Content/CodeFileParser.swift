/// Reads one code file (`251.md`) or one translation of it (`251.tr.md`).
enum CodeFileParser {
    static let baseFields = ["code", "title", "slug", "status", "summary", "rfcs", "commands", "enhanced",
                             "retry", "closes_connection", "related"]
    static let translationFields = ["title", "summary"]

    /// Maps the headings a file may use to sections: the English names, and the file's own locale labels.
    struct Headings {
        var byName: [String: SectionID]
        var names: [String]

        init(localeStrings: LocaleStrings?) {
            var byName: [String: SectionID] = [:]
            var names: [String] = []
            for section in SectionID.allCases {
                byName[section.heading.lowercased()] = section
                names.append(section.heading)
                if case .text(let label)? = localeStrings?.values[section.localeKey] {
                    byName[label.source.lowercased()] = section
                    names.append(label.source)
                }
            }
            self.byName = byName
            self.names = names
        }
    }

    static func parseBase(text: String, file: String, family: String,
                          headings: Headings, diagnostics: inout DiagnosticList) -> CodeEntry? {
        let document = MarkdownDocument.parse(text, file: file, diagnostics: &diagnostics)
        let sections = readSections(document, headings: headings, required: true, file: file, diagnostics: &diagnostics)
        let fileStart = SourceLocation(file: file, line: 1)
        guard let frontMatter = document.frontMatter else {
            if document.hasFrontMatterBlock { return nil }
            diagnostics.error(fileStart, "a code file starts with front matter between \"---\" lines (code, title, summary, ...)")
            return nil
        }
        guard var reader = FieldReader(frontMatter, what: "the front matter", diagnostics: &diagnostics) else { return nil }

        let codeField = reader.string("code", required: true, diagnostics: &diagnostics)
        let code = codeField?.0 ?? ""
        let title = reader.string("title", required: true, diagnostics: &diagnostics)
        let summary = reader.string("summary", required: true, diagnostics: &diagnostics)
        var slug = title.map { Slug.make($0.0) } ?? ""
        if let (given, location) = reader.string("slug", diagnostics: &diagnostics) {
            if Slug.isValid(given) { slug = given } else {
                diagnostics.error(location, "slug \"\(given)\" may use only a-z, 0-9 and single hyphens")
            }
        } else if let (titleText, location) = title, !titleText.isEmpty, slug.isEmpty {
            diagnostics.error(location, "the title \"\(titleText)\" gives no URL slug (it has no Latin letters or digits); add a field like `slug: user-not-local`")
        }
        var status = CodeStatus.standard
        if let (value, location) = reader.string("status", required: true, diagnostics: &diagnostics) {
            if let parsed = CodeStatus(rawValue: value) { status = parsed } else {
                let names = CodeStatus.allCases.map(\.rawValue)
                diagnostics.error(location, "unknown status \"\(value)\"\(Suggestion.didYouMean(value, in: names)); use one of: \(names.joined(separator: ", "))")
            }
        }
        let classKey = String(code.prefix(1))
        var retry: RetryAdvice = switch classKey {
        case "4": .later
        case "5": .never
        default: .notNeeded
        }
        if let (value, location) = reader.string("retry", diagnostics: &diagnostics) {
            if let parsed = RetryAdvice(rawValue: value) { retry = parsed } else {
                let names = RetryAdvice.allCases.map(\.rawValue)
                diagnostics.error(location, "unknown retry advice \"\(value)\"\(Suggestion.didYouMean(value, in: names)); use one of: \(names.joined(separator: ", "))")
            }
        }
        let closes = reader.bool("closes_connection", diagnostics: &diagnostics) ?? false
        let commands = reader.strings("commands", diagnostics: &diagnostics).map { $0.0 }
        var enhanced: [String] = []
        for (value, location) in reader.strings("enhanced", diagnostics: &diagnostics) {
            if isEnhancedCode(value) { enhanced.append(value) } else {
                diagnostics.error(location, "\"\(value)\" is not an enhanced status code (class.subject.detail, like 5.1.1)")
            }
        }
        let related = reader.strings("related", diagnostics: &diagnostics)
        let rfcs = readRFCs(reader.tree("rfcs"), diagnostics: &diagnostics)
        reader.reportUnknownFields(known: baseFields, what: "a code's front matter", diagnostics: &diagnostics)

        guard let (_, codeLocation) = codeField, let (titleText, _) = title, let (summaryText, _) = summary else { return nil }
        return CodeEntry(family: family, code: code, title: titleText, slug: slug, status: status,
                         summary: summaryText, rfcs: rfcs, commands: commands, enhanced: enhanced, retry: retry,
                         closesConnection: closes, related: related.map(\.0), sections: sections, translations: [:],
                         location: codeLocation, relatedLocations: related.map(\.1))
    }

    static func parseTranslation(text: String, file: String, locale: String, headings: Headings,
                                 diagnostics: inout DiagnosticList) -> CodeTranslation {
        let document = MarkdownDocument.parse(text, file: file, diagnostics: &diagnostics)
        let sections = readSections(document, headings: headings, required: false, file: file, diagnostics: &diagnostics)
        var translation = CodeTranslation(locale: locale, title: nil, summary: nil, sections: sections,
                                          location: SourceLocation(file: file, line: 1))
        if let frontMatter = document.frontMatter,
           var reader = FieldReader(frontMatter, what: "the front matter", diagnostics: &diagnostics) {
            translation.title = reader.string("title", diagnostics: &diagnostics)?.0
            translation.summary = reader.string("summary", diagnostics: &diagnostics)?.0
            for entry in reader.entries where !translationFields.contains(entry.key) {
                if baseFields.contains(entry.key) {
                    diagnostics.error(entry.keyLocation, "\"\(entry.key)\" is the same in every language; set it in the code's main file, not in a translation")
                } else {
                    diagnostics.error(entry.keyLocation, "unknown field \"\(entry.key)\" in a translation\(Suggestion.didYouMean(entry.key, in: translationFields))")
                }
            }
        }
        return translation
    }

    static func readSections(_ document: MarkdownDocument, headings: Headings, required: Bool, file: String,
                             diagnostics: inout DiagnosticList) -> [SectionID: MarkdownSection] {
        let reader = SectionReader(byName: headings.byName, names: headings.names,
                                   emptyHint: { $0.isRequired ? "" : "; write it or delete the heading" })
        let (sections, firstHeadingLine) = reader.read(document, diagnostics: &diagnostics)
        if required {
            for id in SectionID.allCases where id.isRequired && firstHeadingLine[id] == nil {
                diagnostics.error(SourceLocation(file: file, line: 1), "missing required section \"\(id.heading)\"")
            }
        }
        return sections
    }

    /// Accepts `- 5321 4.2.2`, `- RFC 5321 section 4.2.2`, `- 5321` or `- {rfc: 5321, section: 4.2.2}`.
    static func readRFCs(_ tree: YAMLTree?, diagnostics: inout DiagnosticList) -> [RFCReference] {
        guard let tree else { return [] }
        let items: [YAMLTree]
        switch tree {
        case .sequence(let list, _): items = list
        default: items = [tree]
        }
        var references: [RFCReference] = []
        for item in items {
            switch item {
            case .scalar(let text, let location):
                let words = text.split(whereSeparator: { $0 == " " || $0 == "#" || $0 == "§" })
                    .filter { !["rfc", "section", "sec", "s"].contains($0.lowercased()) }
                var wordsIterator = words.makeIterator()
                guard let first = wordsIterator.next(), let number = Int(first.lowercased().replacingOccurrences(of: "rfc", with: "")) else {
                    diagnostics.error(location, "\"\(text)\" is not an RFC reference (write it like \"5321 4.2.2\")")
                    continue
                }
                references.append(RFCReference(number: number, section: wordsIterator.next().map(String.init)))
            case .mapping:
                guard var reader = FieldReader(item, what: "an RFC reference", diagnostics: &diagnostics) else { continue }
                let number = reader.string("rfc", required: true, diagnostics: &diagnostics)
                let section = reader.string("section", diagnostics: &diagnostics)?.0
                reader.reportUnknownFields(known: ["rfc", "section"], what: "an RFC reference", diagnostics: &diagnostics)
                if let (text, location) = number {
                    if let value = Int(text) { references.append(RFCReference(number: value, section: section)) }
                    else { diagnostics.error(location, "RFC number must be a number, found \"\(text)\"") }
                }
            case .sequence(_, let location):
                diagnostics.error(location, "an RFC reference must be a single value or a set of fields")
            }
        }
        return references
    }

    static func isEnhancedCode(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, ["2", "4", "5"].contains(parts[0]) else { return false }
        return parts[1...].allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isNumber) }
    }
}
