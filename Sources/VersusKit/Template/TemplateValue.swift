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
    /// One of the values above, the same on many pages (see `SharedValue`).
    case shared(SharedValue)

    var isTruthy: Bool {
        switch self {
        case .shared(let shared): shared.value.isTruthy
        case .text(let text), .html(let text): !text.isEmpty
        case .bool(let flag): flag
        case .list(let items): !items.isEmpty
        case .object: true
        }
    }
}

/// A group of named values. Kept as a short list of pairs rather than a dictionary: a page builds
/// dozens of small objects and looks each name up once or twice, and comparing a few short keys is
/// cheaper than hashing every key on the way in and again on the way out.
public struct TemplateObject: Sendable, ExpressibleByDictionaryLiteral {
    private var keys: [String]
    private var values: [TemplateValue]

    public init(_ fields: [String: TemplateValue] = [:]) {
        keys = []
        values = []
        for (key, value) in fields { self[key] = value }
    }

    /// A literal's names are taken as written, without looking each one up first: pages make
    /// thousands of small objects per second. A name written twice in one literal is a mistake that
    /// debug builds, and so the tests, stop at.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        keys = elements.map(\.0)
        values = elements.map(\.1)
        assert(Set(keys).count == keys.count, "a name given twice in one TemplateObject literal: \(keys)")
    }

    /// Lengths first: a String's UTF-8 count is stored, and most keys differ in it, so few pairs get to
    /// the full comparison (which showed in profiles, when reading and when setting a page's values).
    private func index(of key: String) -> Int? {
        let count = key.utf8.count
        return keys.indices.first { keys[$0].utf8.count == count && keys[$0] == key }
    }

    /// The names it holds, in the order they were first set.
    var names: [String] { keys }

    public subscript(key: String) -> TemplateValue? {
        get {
            guard let index = index(of: key) else { return nil }
            return values[index]
        }
        set {
            if let index = index(of: key) {
                if let newValue { values[index] = newValue } else { keys.remove(at: index); values.remove(at: index) }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
            }
        }
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
