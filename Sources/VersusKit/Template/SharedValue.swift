/// A value that many pages show alike, apart from the page's own path: the language menu (the same
/// links on every page of a locale, each ending in the page's path), a code's column on its
/// comparisons. A section over it is rendered once per thread and copied onto every later page that
/// has the same key (see `SharedParts`).
public struct SharedValue: Sendable {
    /// Pages of one locale whose values have the same key have the same value, apart from the path.
    public var key: Int
    /// This page's path, which `make` puts wherever the page's own path goes.
    public var path: String
    public var make: @Sendable (_ path: String) -> TemplateValue

    public init(key: Int, path: String = "", make: @escaping @Sendable (_ path: String) -> TemplateValue) {
        self.key = key
        self.path = path
        self.make = make
    }

    /// The value this page shows.
    var value: TemplateValue { make(path) }
}

/// The sections over shared values one thread has rendered: for each template section, locale and
/// key, the output split where the page's path goes. A thread keeps its own, so no lock is taken.
///
/// A section is kept only when what it printed came from the shared value itself or from names that
/// are the same on every page of a locale (`TemplateRenderer.localeConstantNames`, the names of `PageContexts.localeConstants`), and when its
/// output for this page, made the ordinary way, is the kept parts joined by this page's path. A
/// template that reads anything else inside such a section (an editor's `{{page_title}}` in the
/// language menu) is rendered the ordinary way on every page.
public final class SharedParts {
    struct Key: Hashable {
        var location: SourceLocation
        var locale: Int
        var key: Int
    }

    /// nil: rendered once and found not to be shareable.
    var entries: [Key: [[UInt8]]?] = [:]

    public init() {}

    /// Where the page's path goes while a section is rendered to be kept: a control character no
    /// page contains and HTML escaping leaves as it is.
    static let pathMark: UInt8 = 0x01
    static let pathMarkText = "\u{1}"

    /// A kept section for one page: its parts with the page's path between them.
    static func join(_ kept: [[UInt8]], path: String, into output: inout [UInt8]) {
        output.append(contentsOf: kept[0])
        for part in kept.dropFirst() {
            output.append(contentsOf: path.utf8)
            output.append(contentsOf: part)
        }
    }
}
