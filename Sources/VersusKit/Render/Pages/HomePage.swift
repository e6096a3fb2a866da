/// The home page of a locale ("/", "/tr/"): every family's codes by class, search and the compare picker.
enum HomePage: PageKind {
    static let template = "home"
    static let scope = PageScope.site
    static let isIndexable = true

    static func url(_ page: PageAddress, locale: String, _ urls: SiteURLs) -> String { urls.home(locale) }

    /// Every family's code list.
    static func combineInputs(_ page: PageAddress, locale: Int, _ inputs: InputFingerprints, into hasher: inout StableHasher) {
        for list in inputs.codeLists { hasher.combine(list[locale]) }
    }

    static let schema: TemplateSchema = .object(PageContexts.commonSchema.merging([
        "heading": .text, "tagline": .text,
        "families": PageContexts.familiesSchema,
    ]) { $1 })

    static func context(_ page: SitePlan.Page, _ state: RenderState, reads: Set<String>) -> TemplateObject {
        let locale = state.locales[page.locale]
        let site = locale.text.text("site.title")
        var object = PageContexts.common(state, page: page, reads: reads, title: locale.text.text("pages.home_title", ["site": site]),
                                         description: locale.text.text("pages.home_description", ["site": site]),
                                         breadcrumbs: [PageContexts.homeCrumb(state, locale)])
        object["heading"] = .text(site)
        object["tagline"] = .text(locale.text.text("site.tagline"))
        object["families"] = PageContexts.families(state, locale)
        return object
    }
}
