/// Every URL of the site, in one place. A URL here is relative to the base path and ends with "/" for
/// a directory page (served from its index.html); `href` and `absolute` put the base in front.
///
///     ""                                                          home, default locale
///     "tr/"                                                       home, Turkish
///     "smtp/"                                                     family index
///     "smtp/251-user-not-local/"                                  code page
///     "compare/smtp/251-user-not-local-vs-551-user-not-local/"    comparison (lower code first on the canonical page)
///     "404.html", "tr/404.html"                                   not-found pages
///     "sitemap.xml", "sitemap-tr.xml", "robots.txt"               for crawlers
///     "search-index.json", "tr/search-index.json"                 search and the bounce decoder
///     "search-text.json", "tr/search-text.json"                   the pages' full text, for search
///     "assets/style.3f9a1c2e.css"                                 templates/assets/, named by their content
///     "_headers", "_redirects"                                    for hosts that read them (Netlify, Cloudflare Pages)
public struct SiteURLs: Sendable {
    public let defaultLocale: String
    public let base: BaseURL
    /// [family] -> "smtp"
    let familyIDs: [String]
    /// [family][code] -> "251-user-not-local": a code's folder name, kept apart so making a URL never
    /// copies a whole code.
    let pathNames: [[String]]
    /// [family][code] -> "550", "X.7.1"
    let codes: [[String]]
    /// locale -> [family] -> "tr/compare/smtp/": nearly every URL made is a comparison's, and putting
    /// its folder together each time cost more than the rest of the URL.
    private let compareFolders: [String: [String]]

    /// "style.css" -> "style.3f9a1c2e.css": each asset is published under a name that changes with its
    /// bytes, so it can be cached for a year and a changed stylesheet is never served stale.
    let assetNames: [String: String]

    public init(content: SiteContent, assetNames: [String: String] = [:]) {
        defaultLocale = content.config.defaultLocale
        base = content.config.base
        familyIDs = content.families.map(\.id)
        pathNames = content.families.map { $0.codes.map(\.pathName) }
        codes = content.families.map { $0.codes.map(\.code) }
        self.assetNames = assetNames
        let (defaultLocale, familyIDs) = (self.defaultLocale, self.familyIDs)
        compareFolders = Dictionary(content.config.locales.map { locale in
            let prefix = Self.localePrefix(locale.code, defaultLocale: defaultLocale)
            return (locale.code, familyIDs.map { Self.compareFolder(prefix: prefix, familyID: $0) })
        }, uniquingKeysWith: { first, _ in first })
    }

    /// The published name of an asset with these bytes: its content hash before the extension.
    public static func fingerprinted(_ path: String, bytes: [UInt8]) -> String {
        let hash = String(ContentHash.of(bytes), radix: 16)
        let digits = String(repeating: "0", count: max(0, 16 - hash.count)) + hash
        let stamp = digits.prefix(8)
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        guard let dot = path[slash...].lastIndex(of: "."), dot > slash else { return path + "." + stamp }
        return path[..<dot] + "." + stamp + path[dot...]
    }

    // MARK: Pages

    public func localePrefix(_ locale: String) -> String {
        Self.localePrefix(locale, defaultLocale: defaultLocale)
    }

    private static func localePrefix(_ locale: String, defaultLocale: String) -> String {
        locale == defaultLocale ? "" : locale + "/"
    }

    public func home(_ locale: String) -> String { localePrefix(locale) }

    /// The bounce decoder of a locale ("decode/", "tr/decode/").
    public func decoder(_ locale: String) -> String { localePrefix(locale) + SiteFolders.decoder + "/" }

    public func family(_ family: Int, _ locale: String) -> String {
        localePrefix(locale) + familyIDs[family] + "/"
    }

    public func code(family: Int, code: Int, _ locale: String) -> String {
        localePrefix(locale) + familyIDs[family] + "/" + pathNames[family][code] + "/"
    }

    /// `first` comes first in the URL: the canonical page has the lower code first, its redirect the other.
    /// Nearly every page is a comparison, so the URL is put together in one buffer.
    public func comparison(family: Int, first: Int, second: Int, _ locale: String) -> String {
        comparison(folder: compareFolder(family: family, locale), pathNames[family][first], pathNames[family][second])
    }

    /// The comparison URL with `{first}` and `{second}` in place of the two codes' folder names: the
    /// compare picker in the browser fills them in, so the rule is not written a second time in JavaScript.
    public func comparisonPattern(family: Int, _ locale: String) -> String {
        comparison(folder: compareFolder(family: family, locale), "{first}", "{second}")
    }

    private func compareFolder(family: Int, _ locale: String) -> String {
        compareFolders[locale]?[family] ?? Self.compareFolder(prefix: localePrefix(locale), familyID: familyIDs[family])
    }

    private static func compareFolder(prefix: String, familyID: String) -> String {
        prefix + SiteFolders.compare + "/" + familyID + "/"
    }

    private func comparison(folder: String, _ first: String, _ second: String) -> String {
        var url = folder
        url.reserveCapacity(folder.utf8.count + first.utf8.count + second.utf8.count + 5)
        url += first
        url += "-vs-"
        url += second
        url += "/"
        return url
    }

    public func notFound(_ locale: String) -> String { localePrefix(locale) + "404.html" }

    // MARK: Files beside the pages

    public func sitemap(_ locale: String, part: Int, of parts: Int) -> String {
        parts == 1 ? "sitemap-\(locale).xml" : "sitemap-\(locale)-\(part + 1).xml"
    }

    public var sitemapIndex: String { "sitemap.xml" }
    public var robots: String { "robots.txt" }

    public func searchIndex(_ locale: String) -> String { localePrefix(locale) + "search-index.json" }
    public func searchText(_ locale: String) -> String { localePrefix(locale) + "search-text.json" }

    /// The export of a whole family, in no locale: `api/smtp.json`.
    public func apiFamily(_ family: Int) -> String { SiteFolders.api + "/" + familyIDs[family] + ".json" }

    /// The export of one code, named by the code itself: `api/smtp/550.json`, `api/enhanced/X.7.1.json`.
    public func apiCode(family: Int, code: Int) -> String { SiteFolders.api + "/" + familyIDs[family] + "/" + codes[family][code] + ".json" }

    /// A file of templates/assets/ ("style.css"), under its published name.
    public func asset(_ path: String) -> String { SiteFolders.assets + "/" + (assetNames[path] ?? path) }

    /// Whether templates/assets/ has this file (the favicon and the link-preview picture are optional).
    public func hasAsset(_ path: String) -> Bool { assetNames[path] != nil }

    /// Where browsers and crawlers ask for the favicon without reading the page.
    public static let rootFavicon = "favicon.ico"

    /// Where every asset's URL starts, for the host files that cache them.
    public var assetFolder: String { SiteFolders.assets + "/" }

    public var hostHeaders: String { "_headers" }
    public var hostRedirects: String { "_redirects" }

    // MARK: With the base

    /// The link a page writes: root-relative under the base path.
    public func href(_ url: String) -> String { base.path + url }

    /// The absolute URL, for canonical links, alternates and sitemaps.
    public func absolute(_ url: String) -> String { base.origin + base.path + url }

    /// The file that serves a URL: directories get their index.html.
    public static func file(for url: String) -> String {
        url.isEmpty || url.hasSuffix("/") ? url + "index.html" : url
    }
}
