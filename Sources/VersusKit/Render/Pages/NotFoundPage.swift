/// The not-found page of a locale ("404.html", "tr/404.html"), which the web server sends for a
/// missing URL: it lists every family's codes so the reader can go on.
enum NotFoundPage: PageKind {
    static let template = "404"
    static let scope = PageScope.site
    static let isIndexable = false

    static func url(_ page: PageAddress, locale: String, _ urls: SiteURLs) -> String { urls.notFound(locale) }

    /// Every family's code list.
    static func combineInputs(_ page: PageAddress, locale: Int, _ inputs: InputFingerprints, into hasher: inout StableHasher) {
        for list in inputs.codeLists { hasher.combine(list[locale]) }
    }

    static let schema: TemplateSchema = .object(PageContexts.commonSchema.merging([
        "heading": .text, "text": .text, "families": PageContexts.familiesSchema,
    ]) { $1 })

    static func context(_ page: SitePlan.Page, _ state: RenderState, reads: Set<String>) -> TemplateObject {
        let locale = state.locales[page.locale]
        let heading = locale.text.text("pages.not_found_title")
        var object = PageContexts.common(state, page: page, reads: reads, title: heading,
                                         description: locale.text.text("pages.not_found_text"),
                                         breadcrumbs: [PageContexts.homeCrumb(state, locale)])
        object["heading"] = .text(heading)
        object["text"] = .text(locale.text.text("pages.not_found_text"))
        object["families"] = PageContexts.families(state, locale)
        return object
    }
}
