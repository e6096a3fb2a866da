/// Stage 4, render: one planned page to its HTML bytes, through its kind's template and view model.
struct PageRenderer: Sendable {
    var state: RenderState
    var templates: TemplateLibrary
    var renderer: TemplateRenderer
    /// [kind]: the names each kind's template reads, so its view model can skip what the template never prints.
    let reads: [Set<String>]

    /// [kind][locale]: each kind's template with its locale's values in place (see `TemplateSpecializer`).
    private var specialized: [[Template]]

    /// - Parameter jobs: threads for specializing the templates (see `specialize`).
    init(state: RenderState, templates: TemplateLibrary, jobs: Int = 1) {
        self.state = state
        self.templates = templates
        self.renderer = templates.renderer
        // What a kept section may read from the page: the names every page takes from its locale.
        renderer.localeConstantNames = Set(state.locales.first?.constants.names ?? [])
        reads = PageKinds.all.map { kind in templates.pages[kind.template]?.namesRead(partials: templates.partials) ?? [] }
        specialized = Self.specialize(templates, state, constantNames: renderer.localeConstantNames, jobs: jobs)
    }

    /// One template per kind and locale, made on up to `jobs` threads: before the first page is
    /// rendered nothing else runs.
    private static func specialize(_ templates: TemplateLibrary, _ state: RenderState, constantNames: Set<String>, jobs: Int) -> [[Template]] {
        // [kind][locale]; a kind without a template gets no entries.
        let work = PageKinds.all.indices.map { kind in
            templates.pages[PageKinds.all[kind].template] == nil ? [] : state.locales.indices.map { (kind: kind, locale: $0) }
        }
        return ParallelMap.map(groups: work, jobs: jobs) { item in
            let kind = PageKinds.all[item.kind]
            return TemplateSpecializer.specialize(templates.pages[kind.template]!, schema: kind.schema,
                                                  constants: state.locales[item.locale].constants,
                                                  constantNames: constantNames, partials: templates.partials)
        }
    }

    /// A renderer for one worker thread, sharing no reference-counted storage with the others.
    func ownCopy() -> PageRenderer {
        var copy = self
        copy.state = state.ownCopy()
        copy.templates = templates.deepCopy()
        copy.renderer = copy.templates.renderer
        copy.renderer.localeConstantNames = renderer.localeConstantNames
        copy.specialized = Self.specialize(copy.templates, copy.state, constantNames: renderer.localeConstantNames, jobs: 1)
        return copy
    }

    func render(_ page: SitePlan.Page) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(24 * 1024)
        render(page, parts: nil, into: &output)
        return output
    }

    /// Appends the page's bytes to `output`. `parts` is the calling thread's own: what it keeps of
    /// sections many pages share (see `SharedParts`).
    func render(_ page: SitePlan.Page, parts: SharedParts?, into output: inout [UInt8]) {
        let index = Int(page.address.kind)
        let kind = PageKinds.all[index]
        renderer.render(specialized[index][page.locale], kind.context(page, state, reads: reads[index]),
                        locale: page.locale, parts: parts, into: &output)
    }
}
