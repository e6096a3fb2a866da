/// Stage 3, plan: every page the site has, with its URL and locale, in a fixed order: per locale, the
/// site-wide kinds, then each family's kinds, each kind in the order of the registry it is given.
public struct SitePlan: Sendable {
    public struct Page: Sendable {
        public var address: PageAddress
        public var locale: Int
        public var url: String
        public var file: String { SiteURLs.file(for: url) }
    }

    public private(set) var pages: [Page] = []
    /// [kind]: whether search engines index the kind's pages.
    private let indexable: [Bool]
    private let kinds: [any PagePlanning.Type]
    let translation: TranslationStatus

    init(content: SiteContent, urls: SiteURLs, kinds: [any PagePlanning.Type], translation: TranslationStatus) {
        indexable = kinds.map { $0.isIndexable }
        self.kinds = kinds
        self.translation = translation
        let siteKinds = kinds.indices.filter { kinds[$0].scope == .site }
        let familyKinds = kinds.indices.filter { kinds[$0].scope == .family }
        let familyPages = content.families.map { family in familyKinds.map { kinds[$0].pages(in: family) } }
        for (localeIndex, locale) in content.config.locales.enumerated() {
            func add(_ kind: Int, family: Int, _ first: Int, _ second: Int) {
                let address = PageAddress(kind: Int32(kind), family: Int32(family), first: Int32(first), second: Int32(second))
                pages.append(Page(address: address, locale: localeIndex, url: kinds[kind].url(address, locale: locale.code, urls)))
            }
            for kind in siteKinds { add(kind, family: 0, 0, 0) }
            for family in content.families.indices {
                for (position, kind) in familyKinds.enumerated() {
                    for (first, second) in familyPages[family][position] { add(kind, family: family, first, second) }
                }
            }
        }
    }

    /// Pages a search engine should index: not redirects and not-found pages, and not a page whose
    /// main text is not translated into its locale yet.
    public func isIndexable(_ page: Page) -> Bool { isIndexable(page.address, locale: page.locale) }

    func dates(_ page: Page, _ dates: ContentDates) -> ContentDates.Span? {
        kinds[Int(page.address.kind)].dates(page.address, locale: page.locale, dates)
    }

    /// The same address in another locale: whether that version is indexed (an hreflang alternate).
    func isIndexable(_ address: PageAddress, locale: Int) -> Bool {
        indexable[Int(address.kind)] && kinds[Int(address.kind)].isTranslated(address, locale: locale, translation)
    }
}
