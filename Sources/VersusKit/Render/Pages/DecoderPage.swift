/// The bounce decoder of a locale ("decode/", "tr/decode/"): the reader pastes a bounce message, a DSN
/// or an SMTP log, and `site.js` lists every code in it with its title, summary and page, from the
/// locale's search index, in the browser (the text is sent nowhere).
enum DecoderPage: PageKind {
    static let template = "decoder"
    static let scope = PageScope.site
    static let isIndexable = true

    static func url(_ page: PageAddress, locale: String, _ urls: SiteURLs) -> String { urls.decoder(locale) }

    /// Only the locale's words and the templates, which every page depends on anyway.
    static func combineInputs(_ page: PageAddress, locale: Int, _ inputs: InputFingerprints, into hasher: inout StableHasher) {}

    static let schema: TemplateSchema = .object(PageContexts.commonSchema.merging([
        "heading": .text, "intro": .text,
        "compare_urls": .list(.object(["family": .text, "url": .text])),
    ]) { $1 })

    static func context(_ page: SitePlan.Page, _ state: RenderState, reads: Set<String>) -> TemplateObject {
        let locale = state.locales[page.locale]
        let heading = locale.text.text("decoder.title")
        var object = PageContexts.common(state, page: page, reads: reads, title: heading,
                                         description: locale.text.text("decoder.description"),
                                         breadcrumbs: [PageContexts.homeCrumb(state, locale),
                                                       (name: heading, url: state.urls.href(page.url))])
        object["heading"] = .text(heading)
        object["intro"] = .text(locale.text.text("decoder.intro"))
        // Per family, the comparison URL with {first} and {second} for the two codes' path names, as the
        // compare picker has it: the script links a comparison when two codes of one family appear.
        object["compare_urls"] = .list(state.content.families.indices.map { family in
            .object(["family": .text(state.content.families[family].id),
                     "url": .text(PageContexts.comparePattern(state, family, locale.text.code))])
        })
        return object
    }
}
