/// The data a template sees: built by the render stage as plain values, so rendering needs no
/// reflection and no dynamic casts.
public indirect enum TemplateValue: Sendable {
    /// Plain text: HTML-escaped wherever a template prints it.
    case text(String)
    /// HTML the generator already made safe (rendered Markdown, escaped sentences): printed as is,
    /// whether the template writes `{{x}}` or `{{{x}}}`, so it is never escaped twice.
    case html(String)
    case bool(Bool)
    case list([TemplateValue])
    case object(TemplateObject)

    var isTruthy: Bool {
        switch self {
        case .text(let text), .html(let text): !text.isEmpty
        case .bool(let flag): flag
        case .list(let items): !items.isEmpty
        case .object: true
        }
    }
}

public struct TemplateObject: Sendable, ExpressibleByDictionaryLiteral {
    public var fields: [String: TemplateValue]

    public init(_ fields: [String: TemplateValue] = [:]) { self.fields = fields }

    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        fields = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }

    public subscript(key: String) -> TemplateValue? {
        get { fields[key] }
        set { fields[key] = newValue }
    }
}

/// What a page kind provides to its template: the names, and whether each is text, a flag, a list or
/// an object. Checked against the templates before anything is written, so that a template asking for
/// a name its page does not have is an error with the template's line, not an empty gap on the site.
public indirect enum TemplateSchema: Sendable {
    case text
    case html
    case flag
    case list(TemplateSchema)
    case object([String: TemplateSchema])

    var kindName: String {
        switch self {
        case .text, .html: "text"
        case .flag: "a true/false flag"
        case .list: "a list"
        case .object: "a group of values"
        }
    }
}
