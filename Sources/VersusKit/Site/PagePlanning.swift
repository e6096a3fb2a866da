/// Which page: its kind (an index into the registry of page kinds) and up to three indexes whose meaning
/// the kind gives (for a comparison: the family, the lower code, the higher code). A plan entry stays
/// a few integers, so even 100,000 pages cost little memory.
public struct PageAddress: Sendable, Hashable {
    public var kind: Int32
    public var family: Int32 = 0
    public var first: Int32 = 0
    public var second: Int32 = 0
}

/// Whether a kind has one page per locale, or pages per family in each locale.
public enum PageScope: Sendable {
    case site
    case family
}

/// What the plan and the incremental build need to know about a kind of page. A kind's unit (in
/// `Render/Pages/`) adds its template, schema and view model to this (`PageKind`).
protocol PagePlanning: Sendable {
    static var scope: PageScope { get }
    /// Listed in sitemaps and hreflang alternates (when translated, see `isTranslated`).
    static var isIndexable: Bool { get }
    /// Whether the page's main text is in its locale's language; an untranslated page is not indexed.
    static func isTranslated(_ page: PageAddress, locale: Int, _ status: TranslationStatus) -> Bool
    /// The pages of this kind in one family (`.family` scope), as (first, second) indexes; a `.site`
    /// kind is asked with no family and gives one page.
    static func pages(in family: Family?) -> [(first: Int, second: Int)]
    /// The page's URL in a locale (the alternates of a page are the same address in other locales).
    static func url(_ page: PageAddress, locale: String, _ urls: SiteURLs) -> String
    /// Everything the page is made from beyond what every page shares (see `InputFingerprints`).
    /// Declared here, beside the view model that reads those inputs, and nowhere else.
    static func combineInputs(_ page: PageAddress, locale: Int, _ inputs: InputFingerprints, into hasher: inout StableHasher)
    /// When an article page appeared and last changed, for search engines; nil for other pages and
    /// when the content gives no dates.
    static func dates(_ page: PageAddress, locale: Int, _ dates: ContentDates) -> ContentDates.Span?
}

extension PagePlanning {
    static func pages(in family: Family?) -> [(first: Int, second: Int)] { [(0, 0)] }
    /// Pages made only of the locale's strings (home, family lists) are translated with them.
    static func isTranslated(_ page: PageAddress, locale: Int, _ status: TranslationStatus) -> Bool { true }
    static func dates(_ page: PageAddress, locale: Int, _ dates: ContentDates) -> ContentDates.Span? { nil }
}
