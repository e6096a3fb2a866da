/// The URL scheme, in one place. Every URL here is relative to the site's base path and ends with "/"
/// for a directory page (served from its index.html).
///
///     ""                                          home, default locale
///     "tr/"                                       home, Turkish
///     "smtp/"                                     family index
///     "smtp/251-user-not-local/"                  code page
///     "compare/smtp/251-user-not-local-vs-551-user-not-local/"   canonical comparison (lower code first)
///     "404.html", "tr/404.html"                   not-found pages
public struct SitePaths: Sendable {
    public let defaultLocale: String

    public init(defaultLocale: String) { self.defaultLocale = defaultLocale }

    public func localePrefix(_ locale: String) -> String {
        locale == defaultLocale ? "" : locale + "/"
    }

    public func home(_ locale: String) -> String { localePrefix(locale) }

    public func family(_ family: Family, _ locale: String) -> String {
        localePrefix(locale) + family.id + "/"
    }

    public func code(_ code: CodeEntry, _ locale: String) -> String {
        self.code(family: code.family, pathName: code.pathName, locale)
    }

    public func code(family: String, pathName: String, _ locale: String) -> String {
        localePrefix(locale) + family + "/" + pathName + "/"
    }

    /// `first` comes first in the URL: the canonical page has the lower code first, the redirect the other.
    public func comparison(_ first: CodeEntry, _ second: CodeEntry, _ locale: String) -> String {
        comparison(family: first.family, first: first.pathName, second: second.pathName, locale)
    }

    public func comparison(family: String, first: String, second: String, _ locale: String) -> String {
        compareFolder(family: family, locale) + first + "-vs-" + second + "/"
    }

    /// The folder that holds a family's comparisons in a locale: "tr/compare/smtp/".
    public func compareFolder(family: String, _ locale: String) -> String {
        localePrefix(locale) + "compare/" + family + "/"
    }

    public func notFound(_ locale: String) -> String { localePrefix(locale) + "404.html" }

    public func sitemap(_ locale: String, part: Int, of parts: Int) -> String {
        parts == 1 ? "sitemap-\(locale).xml" : "sitemap-\(locale)-\(part + 1).xml"
    }

    /// The file that serves a URL: directories get their index.html.
    public static func file(for url: String) -> String {
        url.isEmpty || url.hasSuffix("/") ? url + "index.html" : url
    }
}
