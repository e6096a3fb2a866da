/// Stage 3, plan: every page the site has, with its URL and locale, in a fixed order: per locale, the
/// site-wide kinds, then each family's kinds, each kind in the order of the registry it is given.
public struct SitePlan: Sendable {
    public struct Page: Sendable {
        public var address: PageAddress
        public var locale: Int
        public var url: String
        /// Where the page stands in the plan (the publisher keeps its manifest line there).
        public var index: Int
        public var file: String { SiteURLs.file(for: url) }
    }

    /// The pages, each made with its URL when it is asked for. The plan itself keeps a few integers
    /// per page: a URL kept for every page of a million-page site was over 100 MB for the whole build.
    public struct Pages: RandomAccessCollection, Sendable {
        fileprivate struct Slot: Sendable {
            var address: PageAddress
            var locale: Int32
            var index: Int32
        }
        fileprivate var slots: [Slot]
        fileprivate let kinds: [any PagePlanning.Type]
        fileprivate let localeCodes: [String]
        fileprivate let urls: SiteURLs

        public var startIndex: Int { 0 }
        public var endIndex: Int { slots.count }

        public subscript(position: Int) -> Page {
            let slot = slots[position]
            let url = kinds[Int(slot.address.kind)].url(slot.address, locale: localeCodes[Int(slot.locale)], urls)
            return Page(address: slot.address, locale: Int(slot.locale), url: url, index: Int(slot.index))
        }

        /// The pages that pass `isIncluded` (a shard's), each keeping its place in the whole plan.
        public func subset(_ isIncluded: (Page) -> Bool) -> Pages {
            var subset = self
            subset.slots = indices.filter { isIncluded(self[$0]) }.map { slots[$0] }
            return subset
        }
    }

    public private(set) var pages: Pages
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
        var slots: [Pages.Slot] = []
        for localeIndex in content.config.locales.indices {
            func add(_ kind: Int, family: Int, _ first: Int, _ second: Int) {
                let address = PageAddress(kind: Int32(kind), family: Int32(family), first: Int32(first), second: Int32(second))
                slots.append(Pages.Slot(address: address, locale: Int32(localeIndex), index: Int32(slots.count)))
            }
            for kind in siteKinds { add(kind, family: 0, 0, 0) }
            for family in content.families.indices {
                for (position, kind) in familyKinds.enumerated() {
                    for (first, second) in familyPages[family][position] { add(kind, family: family, first, second) }
                }
            }
        }
        pages = Pages(slots: slots, kinds: kinds, localeCodes: content.config.locales.map(\.code), urls: urls)
    }

    /// Pages a search engine should index: not redirects and not-found pages, and not a page whose
    /// main text is not translated into its locale yet.
    public func isIndexable(_ page: Page) -> Bool { isIndexable(page.address, locale: page.locale) }

    /// The same, for the page at `index` of the plan, without making its URL.
    func isIndexable(at index: Int) -> Bool {
        let slot = pages.slots[index]
        return isIndexable(slot.address, locale: Int(slot.locale))
    }

    /// The locales' codes, in the site's order.
    var localeCodes: [String] { pages.localeCodes }

    /// The locale of the page at `index`, without making its URL.
    func locale(at index: Int) -> Int { Int(pages.slots[index].locale) }

    func dates(_ page: Page, _ dates: ContentDates) -> ContentDates.Span? {
        kinds[Int(page.address.kind)].dates(page.address, locale: page.locale, dates)
    }

    /// The same address in another locale: whether that version is indexed (an hreflang alternate).
    func isIndexable(_ address: PageAddress, locale: Int) -> Bool {
        indexable[Int(address.kind)] && kinds[Int(address.kind)].isTranslated(address, locale: locale, translation)
    }
}
