/// Stage 4, render: one planned page to its HTML bytes, through the page kind's template.
struct PageRenderer: Sendable {
    var state: RenderState
    var templates: TemplateLibrary
    var renderer: TemplateRenderer
    /// The names each page template reads, so its view model can skip what the template never prints.
    let reads: [TemplateLibrary.PageTemplate: Set<String>]

    init(state: RenderState, templates: TemplateLibrary) {
        self.state = state
        self.templates = templates
        self.renderer = templates.renderer
        var reads: [TemplateLibrary.PageTemplate: Set<String>] = [:]
        for (kind, template) in templates.pages { reads[kind] = template.namesRead(partials: templates.partials) }
        self.reads = reads
    }

    /// A renderer for one worker thread, sharing no reference-counted storage with the others.
    func ownCopy() -> PageRenderer {
        var copy = self
        copy.state = state.ownCopy()
        copy.templates = templates.deepCopy()
        copy.renderer = copy.templates.renderer
        return copy
    }

    func render(_ page: SitePlan.Page) -> [UInt8] {
        let template: TemplateLibrary.PageTemplate = switch page.kind {
        case .home: .home
        case .notFound: .notFound
        case .family: .family
        case .code: .code
        case .comparison: .compare
        case .reverseRedirect: .redirect
        }
        let reads = reads[template] ?? []
        let context: TemplateObject = switch page.kind {
        case .home: PageContexts.home(state, page: page, reads: reads)
        case .notFound: PageContexts.notFound(state, page: page, reads: reads)
        case .family(let family): PageContexts.family(state, page: page, reads: reads, family: family)
        case .code(let family, let code): PageContexts.code(state, page: page, reads: reads, family: family, code: code)
        case .comparison(let family, let low, let high):
            PageContexts.comparison(state, page: page, reads: reads, family: family, low: low, high: high)
        case .reverseRedirect(let family, let low, let high):
            PageContexts.reverseRedirect(state, page: page, reads: reads, family: family, low: low, high: high)
        }
        return renderer.render(templates.pages[template]!, context)
    }
}
