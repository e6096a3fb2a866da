/// Stage 4, render: one planned page to its HTML, through the page kind's template.
struct PageRenderer: Sendable {
    let state: RenderState
    let templates: TemplateLibrary
    let renderer: TemplateRenderer

    init(state: RenderState, templates: TemplateLibrary) {
        self.state = state
        self.templates = templates
        self.renderer = templates.renderer
    }

    func render(_ page: SitePlan.Page) -> String {
        let (template, context): (TemplateLibrary.PageTemplate, TemplateObject) = switch page.kind {
        case .home: (.home, PageContexts.home(state, page: page))
        case .notFound: (.notFound, PageContexts.notFound(state, page: page))
        case .family(let family): (.family, PageContexts.family(state, page: page, family: family))
        case .code(let family, let code): (.code, PageContexts.code(state, page: page, family: family, code: code))
        case .comparison(let family, let low, let high):
            (.compare, PageContexts.comparison(state, page: page, family: family, low: low, high: high))
        case .reverseRedirect(let family, let low, let high):
            (.redirect, PageContexts.reverseRedirect(state, page: page, family: family, low: low, high: high))
        }
        return renderer.render(templates.pages[template]!, context)
    }
}
