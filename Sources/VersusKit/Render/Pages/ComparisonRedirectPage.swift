/// The reverse-order URL of a comparison (the two codes swapped in `SiteURLs.comparison`): a small
/// page that redirects to the canonical one, so links in either order work without duplicate content.
enum ComparisonRedirectPage: PageKind {
    static let template = "redirect"
    static let scope = PageScope.family
    static let isIndexable = false

    /// The same pairs as `ComparisonPage`: `first` is the lower code, but comes second in the URL.
    static func pages(in family: Family?) -> [(first: Int, second: Int)] { ComparisonPage.pages(in: family) }

    static func url(_ page: PageAddress, locale: String, _ urls: SiteURLs) -> String {
        urls.comparison(family: Int(page.family), first: Int(page.second), second: Int(page.first), locale)
    }

    /// A redirect shows only the two titles.
    static func combineInputs(_ page: PageAddress, locale: Int, _ inputs: InputFingerprints, into hasher: inout StableHasher) {
        let family = Int(page.family)
        hasher.combine(inputs.titles[family][Int(page.first)][locale])
        hasher.combine(inputs.titles[family][Int(page.second)][locale])
    }

    static let schema: TemplateSchema = .object(PageContexts.commonSchema.merging([
        "target_url": .text, "heading": .text, "text": .text,
    ]) { $1 })

    static func context(_ page: SitePlan.Page, _ state: RenderState, reads: Set<String>) -> TemplateObject {
        let pair = ComparisonPage.Pair(page, state)
        let text = pair.locale.text
        let target = state.urls.comparison(family: pair.familyIndex, first: pair.low, second: pair.high, text.code)
        let title = ComparisonPage.title(text, family: pair.family, pair.a, pair.b)
        var object = PageContexts.common(state, page: page, reads: reads, title: text.text("pages.redirect_title", ["title": title]),
                            description: text.text("pages.redirect_text"), breadcrumbs: [])
        // A redirect's canonical is the page it points to, so search engines index only one order.
        object["canonical_url"] = .text(state.urls.absolute(target))
        object["target_url"] = .text(state.urls.href(target))
        object["heading"] = .text(title)
        object["text"] = .text(text.text("pages.redirect_text"))
        return object
    }
}
