/// Parses the Mustache subset Versus templates use: variables (escaped and raw), sections, inverted
/// sections, comments and partials, with the spec's standalone-line rule so that tags on their own
/// line leave no blank lines behind. Lambdas and delimiter changes are not supported, and say so.
enum TemplateParser {
    private enum TagKind {
        case variable, raw, section, inverted, close, partial, comment
        var canStandAlone: Bool {
            switch self {
            case .section, .inverted, .close, .partial, .comment: true
            case .variable, .raw: false
            }
        }
    }

    private enum Token {
        case text(String)
        case tag(TagKind, String, SourceLocation)
    }

    static func parse(_ source: String, name: String, file: String) throws(TemplateSyntaxError) -> Template {
        let tokens = try tokenize(Array(source.utf8), file: file)
        var index = 0
        let nodes = try build(tokens, index: &index, open: nil, file: file)
        return Template(name: name, file: file, nodes: nodes)
    }

    // MARK: - Tokens

    private static func tokenize(_ bytes: [UInt8], file: String) throws(TemplateSyntaxError) -> [Token] {
        var tokens: [Token] = []
        var line = 1, column = 1
        var position = 0
        var textStart = 0
        let open: UInt8 = UInt8(ascii: "{"), close: UInt8 = UInt8(ascii: "}")

        func advance(to end: Int) {
            while position < end {
                if bytes[position] == UInt8(ascii: "\n") { line += 1; column = 1 }
                else if bytes[position] & 0xC0 != 0x80 { column += 1 }
                position += 1
            }
        }
        func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        func find(_ needle: [UInt8], from start: Int) -> Int? {
            var i = start
            while i + needle.count <= bytes.count {
                if bytes[i] == needle[0] && Array(bytes[i..<i + needle.count]) == needle { return i }
                i += 1
            }
            return nil
        }

        while position < bytes.count {
            guard position + 1 < bytes.count, bytes[position] == open, bytes[position + 1] == open else {
                advance(to: position + 1)
                continue
            }
            if textStart < position { tokens.append(.text(string(textStart..<position))) }
            let location = SourceLocation(file: file, line: line, column: column)
            let triple = position + 2 < bytes.count && bytes[position + 2] == open
            let contentStart = position + (triple ? 3 : 2)
            let closer: [UInt8] = triple ? [close, close, close] : [close, close]
            guard let end = find(closer, from: contentStart) else {
                throw TemplateSyntaxError(location: location, message: "tag \"{{\" is never closed with \"\(triple ? "}}}" : "}}")\"")
            }
            var content = string(contentStart..<end).trimmingWhitespace
            var kind = TagKind.variable
            if triple {
                kind = .raw
            } else if let first = content.first {
                switch first {
                case "#": kind = .section
                case "^": kind = .inverted
                case "/": kind = .close
                case ">": kind = .partial
                case "!": kind = .comment
                case "&": kind = .raw
                case "=":
                    throw TemplateSyntaxError(location: location, message: "changing the tag delimiters is not supported; keep {{ and }}")
                case "<", "$":
                    throw TemplateSyntaxError(location: location, message: "template inheritance ({{<parent}}, {{$block}}) is not supported; use partials ({{> name}})")
                default: break
                }
                if kind != .variable { content = String(content.dropFirst()).trimmingWhitespace }
            }
            if kind != .comment {
                if content.isEmpty {
                    throw TemplateSyntaxError(location: location, message: "empty tag: write a name between the braces")
                }
                let allowed = kind == .partial ? "_-/" : "_-."
                if !content.unicodeScalars.allSatisfy({ ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0) || allowed.unicodeScalars.contains($0) }) {
                    throw TemplateSyntaxError(location: location, message: "\"\(content)\" is not a valid name (letters, digits, _ and - joined by dots)")
                }
            }
            tokens.append(.tag(kind, content, location))
            advance(to: end + closer.count)
            textStart = position
        }
        if textStart < bytes.count { tokens.append(.text(string(textStart..<bytes.count))) }
        return strippingStandaloneLines(tokens)
    }

    /// A section, close, comment or partial tag alone on its line takes its line with it.
    private static func strippingStandaloneLines(_ tokens: [Token]) -> [Token] {
        var tokens = tokens
        // Whether token i begins at the start of a line: true for the first token and after a
        // standalone tag that took its line's newline with it.
        var startsLine = [Bool](repeating: false, count: tokens.count + 1)
        startsLine[0] = true
        for index in tokens.indices {
            let tokenStartsLine = startsLine[index]
            guard case .tag(let kind, _, _) = tokens[index], kind.canStandAlone else {
                if case .text(let text) = tokens[index] { startsLine[index + 1] = text.hasSuffix("\n") || (text.isEmpty && tokenStartsLine) }
                continue
            }
            // What precedes the tag on its line must be blank.
            var before: String?
            if tokenStartsLine {
                before = ""
            } else if index > 0, case .text(let text) = tokens[index - 1] {
                let lineStart = text.lastIndex(of: "\n").map { text.index(after: $0) }
                let tail = lineStart.map { text[$0...] } ?? (startsLine[index - 1] ? text[...] : nil)
                if let tail, tail.allSatisfy({ $0 == " " || $0 == "\t" }) { before = String(text[..<(lineStart ?? text.startIndex)]) }
            }
            // What follows it must be blank up to the end of the line (or of the template).
            var after: String?
            if index == tokens.count - 1 {
                after = ""
            } else if case .text(let text) = tokens[index + 1] {
                let headEnd = text.firstIndex(of: "\n")
                let head = headEnd.map { text[..<$0] } ?? (index + 1 == tokens.count - 1 ? text[...] : nil)
                if let head, head.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
                    after = headEnd.map { String(text[text.index(after: $0)...]) } ?? ""
                }
            }
            guard let before, let after else { continue }
            if !tokenStartsLine, index > 0 { tokens[index - 1] = .text(before) }
            if index < tokens.count - 1 { tokens[index + 1] = .text(after) }
            startsLine[index + 1] = true
        }
        return tokens
    }

    // MARK: - Tree

    private static func build(_ tokens: [Token], index: inout Int, open: (String, SourceLocation)?,
                              file: String) throws(TemplateSyntaxError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            switch token {
            case .text(let text):
                if !text.isEmpty { nodes.append(.text(text)) }
            case .tag(let kind, let name, let location):
                switch kind {
                case .comment:
                    break
                case .variable, .raw:
                    nodes.append(.variable(path: path(name), escaped: kind == .variable, location: location))
                case .partial:
                    nodes.append(.partial(name: name, location: location))
                case .section, .inverted:
                    let children = try build(tokens, index: &index, open: (name, location), file: file)
                    nodes.append(.section(path: path(name), inverted: kind == .inverted, children: children, location: location))
                case .close:
                    guard let (openName, _) = open else {
                        throw TemplateSyntaxError(location: location, message: "{{/\(name)}} closes a section that was never opened")
                    }
                    guard openName == name else {
                        throw TemplateSyntaxError(location: location, message: "{{/\(name)}} does not match the open section {{#\(openName)}}")
                    }
                    return nodes
                }
            }
        }
        if let (name, location) = open {
            throw TemplateSyntaxError(location: location, message: "section {{#\(name)}} is never closed with {{/\(name)}}")
        }
        return nodes
    }

    private static func path(_ name: String) -> [String] {
        name == "." ? ["."] : name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }
}
