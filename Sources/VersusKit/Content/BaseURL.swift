/// The site's public URL, checked and split once into the two parts links are made of.
///
///     "https://smtp.example.org"          origin "https://smtp.example.org", path "/"
///     "https://example.org/docs/smtp"     origin "https://example.org",      path "/docs/smtp/"
public struct BaseURL: Sendable, Hashable {
    /// The URL as written in site.yml or given with --base-url.
    public let text: String
    /// Scheme and host, without a trailing slash: absolute URLs are `origin + path + page`.
    public let origin: String
    /// The path, starting and ending with "/": links are root-relative under it.
    public let path: String

    /// nil when the text is not an http:// or https:// URL.
    public init?(_ text: String) {
        guard text.hasPrefix("http://") || text.hasPrefix("https://") else { return nil }
        self.init(splitting: text)
    }

    /// Splits whatever it is given; a text without a scheme is all path ("/" for a site checked on disk
    /// without its configuration).
    init(splitting text: String) {
        self.text = text
        let afterScheme = text.range(of: "://").map { text[$0.upperBound...] } ?? text[...]
        if let slash = afterScheme.firstIndex(of: "/") {
            origin = String(text[..<slash])
            let path = String(text[slash...])
            self.path = path.hasSuffix("/") ? path : path + "/"
        } else {
            origin = text
            path = "/"
        }
    }

    /// The message for a base URL that `init` refuses.
    static func problem(with text: String) -> String {
        "must start with https:// or http://, found \"\(text)\""
    }
}
