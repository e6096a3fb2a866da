/// Stage 4, render: one planned page to its HTML bytes, through its kind's template and view model.
struct PageRenderer: Sendable {
    var state: RenderState
    var templates: TemplateLibrary
    var renderer: TemplateRenderer
    /// [kind]: the names each kind's template reads, so its view model can skip what the template never prints.
    let reads: [Set<String>]

    init(state: RenderState, templates: TemplateLibrary) {
        self.state = state
        self.templates = templates
        self.renderer = templates.renderer
        reads = PageKinds.all.map { kind in templates.pages[kind.template]?.namesRead(partials: templates.partials) ?? [] }
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
        let index = Int(page.address.kind)
        let kind = PageKinds.all[index]
        return renderer.render(templates.pages[kind.template]!, kind.context(page, state, reads: reads[index]))
    }
}
