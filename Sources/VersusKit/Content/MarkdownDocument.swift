/// A content file split into its YAML front matter and its `## Heading` sections, with line numbers.
struct MarkdownDocument {
    struct Section {
        var heading: String
        var headingLocation: SourceLocation
        var body: String
        var bodyLocation: SourceLocation
    }

    var frontMatter: YAMLTree?
    /// True when the file has a "---" block, even one whose YAML did not parse.
    var hasFrontMatterBlock = false
    var sections: [Section] = []

    /// True when a section holds nothing but white space and `<!-- comments -->` (as scaffolds leave them).
    static func isBlank(_ body: String) -> Bool {
        // Most sections have text: its first character says so without searching the whole body.
        guard let first = body.first(where: { !$0.isWhitespace }) else { return true }
        guard first == "<" else { return false }
        var rest = Substring(body)
        while let start = rest.range(of: "<!--") {
            guard rest[..<start.lowerBound].allSatisfy(\.isWhitespace) else { return false }
            guard let end = rest.range(of: "-->", range: start.upperBound..<rest.endIndex) else { return false }
            rest = rest[end.upperBound...]
        }
        return rest.allSatisfy(\.isWhitespace)
    }

    static func parse(_ text: String, file: String, diagnostics: inout DiagnosticList) -> MarkdownDocument {
        var document = MarkdownDocument()
        // Split on the newline byte: splitting the String walked it a grapheme cluster at a time, most
        // of the cost of reading a content file (a newline byte is always the end of a scalar).
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { bytes -> Substring in
            bytes.last == UInt8(ascii: "\r") ? Substring(bytes.dropLast()) : Substring(bytes)
        }
        var index = 0
        if lines.first?.trimmingWhitespace == "---" {
            guard let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingWhitespace == "---" }) else {
                diagnostics.error(SourceLocation(file: file, line: 1), "front matter starts with \"---\" but has no closing \"---\" line")
                return document
            }
            document.hasFrontMatterBlock = true
            let yaml = lines[1..<close].joined(separator: "\n")
            switch YAMLParser.parse(yaml, file: file, firstLine: 2) {
            case .success(let tree): document.frontMatter = tree
            case .failure(let diagnostic): diagnostics.append(contentsOf: [diagnostic])
            }
            index = close + 1
        }

        var fence: Substring?
        var current: Section?
        var bodyLines: [Substring] = []
        func finish() {
            if var section = current {
                section.body = bodyLines.joined(separator: "\n").trimmingWhitespace
                document.sections.append(section)
            }
            bodyLines = []
        }
        while index < lines.count {
            let line = lines[index]
            let lineNumber = index + 1
            index += 1
            let trimmedStart = line.drop(while: { $0 == " " })
            if let open = fence {
                if trimmedStart.hasPrefix(open) { fence = nil }
                bodyLines.append(line)
                continue
            }
            if trimmedStart.hasPrefix("```") || trimmedStart.hasPrefix("~~~") {
                fence = trimmedStart.prefix(3)
                bodyLines.append(line)
                continue
            }
            if line.hasPrefix("## ") || line == "##" {
                finish()
                let heading = String(line.dropFirst(2)).trimmingWhitespace
                current = Section(heading: heading,
                                  headingLocation: SourceLocation(file: file, line: lineNumber, column: 1),
                                  body: "",
                                  bodyLocation: SourceLocation(file: file, line: lineNumber + 1, column: 1))
                continue
            }
            if line.hasPrefix("# ") {
                diagnostics.error(SourceLocation(file: file, line: lineNumber, column: 1),
                                  "sections start with \"## \"; a \"# \" heading is reserved for the page title")
                continue
            }
            if current == nil {
                if !line.trimmingWhitespace.isEmpty {
                    diagnostics.error(SourceLocation(file: file, line: lineNumber, column: 1),
                                      "text before the first section heading (start a section with a line like \"## Description\")")
                    // Report it once, not once per line.
                    while index < lines.count, !lines[index].hasPrefix("## ") { index += 1 }
                }
                continue
            }
            bodyLines.append(line)
        }
        finish()
        return document
    }
}
