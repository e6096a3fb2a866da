/// A locale string with named placeholders, such as "{code_a} and {code_b} are both {class} replies."
/// Parsed once at load time so that a misspelt placeholder is an error with its line, not a
/// mystery gap in the published page.
public struct Sentence: Sendable, Hashable {
    enum Part: Sendable, Hashable {
        case literal(String)
        case placeholder(String)
    }

    let parts: [Part]
    public let source: String

    /// The placeholder names in order, kept: pages ask for them when choosing a pattern that fits.
    public let placeholders: [String]

    /// `{{` and `}}` stand for literal braces.
    public init(parsing text: String) throws(SentenceError) {
        var parts: [Part] = []
        var literal = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "{" {
                if next < text.endIndex, text[next] == "{" {
                    literal.append("{")
                    index = text.index(after: next)
                    continue
                }
                guard let close = text[next...].firstIndex(of: "}") else { throw .unclosedPlaceholder }
                let name = String(text[next..<close])
                guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                    throw .badPlaceholderName(name)
                }
                if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
                parts.append(.placeholder(name))
                index = text.index(after: close)
            } else if character == "}" {
                if next < text.endIndex, text[next] == "}" {
                    literal.append("}")
                    index = text.index(after: next)
                    continue
                }
                throw .strayBrace
            } else {
                literal.append(character)
                index = next
            }
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        self.parts = parts
        self.placeholders = parts.compactMap { if case .placeholder(let name) = $0 { name } else { nil } }
        self.source = text
    }

    /// Fills the placeholders. Values are plain text; escaping happens where the text meets HTML.
    public func format(_ values: SentenceValues) -> String {
        var result = ""
        result.reserveCapacity(source.utf8.count + 32)
        for part in parts {
            switch part {
            case .literal(let text): result += text
            case .placeholder(let name): result += values[name] ?? ""
            }
        }
        return result
    }
}

public enum SentenceError: Error, Sendable, CustomStringConvertible {
    case unclosedPlaceholder
    case badPlaceholderName(String)
    case strayBrace

    public var description: String {
        switch self {
        case .unclosedPlaceholder: "a placeholder \"{\" is never closed with \"}\""
        case .badPlaceholderName(let name): "\"{\(name)}\" is not a valid placeholder name (letters, digits and _ only)"
        case .strayBrace: "a \"}\" without its \"{\" (write \"}}\" for a literal brace)"
        }
    }
}
