/// Stage 3, plan: every page the site has, with its URL and locale, in a fixed order.
///
/// A plan entry is a few integers, so even 100,000 pages cost little memory; the page itself is
/// rendered from it when its turn comes.
public struct SitePlan: Sendable {
    public enum Kind: Sendable, Hashable {
        case home
        case family(family: Int)
        case code(family: Int, code: Int)
        /// The canonical comparison: `low` is the lower code.
        case comparison(family: Int, low: Int, high: Int)
        /// The reverse-order URL of a comparison, a redirect to the canonical page.
        case reverseRedirect(family: Int, low: Int, high: Int)
        case notFound
    }

    public struct Page: Sendable {
        public var kind: Kind
        public var locale: Int
        public var url: String
        public var file: String { SitePaths.file(for: url) }
    }

    public var pages: [Page] = []

    public init(content: SiteContent) {
        let paths = SitePaths(defaultLocale: content.config.defaultLocale)
        for (localeIndex, locale) in content.config.locales.enumerated() {
            let code = locale.code
            pages.append(Page(kind: .home, locale: localeIndex, url: paths.home(code)))
            pages.append(Page(kind: .notFound, locale: localeIndex, url: paths.notFound(code)))
            for (familyIndex, family) in content.families.enumerated() {
                pages.append(Page(kind: .family(family: familyIndex), locale: localeIndex, url: paths.family(family, code)))
                for (codeIndex, entry) in family.codes.enumerated() {
                    pages.append(Page(kind: .code(family: familyIndex, code: codeIndex), locale: localeIndex, url: paths.code(entry, code)))
                }
                // Comparisons are nearly all the pages: their URLs are put together from precomputed
                // parts (the same as SitePaths.comparison), without copying a CodeEntry per page.
                let names = family.codes.map(\.pathName)
                let prefix = paths.compareFolder(family: family.id, code)
                func url(_ first: Int, _ second: Int) -> String {
                    var url = prefix
                    url.reserveCapacity(prefix.utf8.count + names[first].utf8.count + names[second].utf8.count + 5)
                    url += names[first]
                    url += "-vs-"
                    url += names[second]
                    url += "/"
                    return url
                }
                for low in names.indices {
                    for high in names.indices where high > low {
                        pages.append(Page(kind: .comparison(family: familyIndex, low: low, high: high), locale: localeIndex,
                                          url: url(low, high)))
                        pages.append(Page(kind: .reverseRedirect(family: familyIndex, low: low, high: high), locale: localeIndex,
                                          url: url(high, low)))
                    }
                }
            }
        }
    }

    /// Pages a search engine should index: everything but redirects and not-found pages.
    public static func isIndexable(_ kind: Kind) -> Bool {
        switch kind {
        case .reverseRedirect, .notFound: false
        default: true
        }
    }
}
