/// A kind of page, as one unit: where its pages are and what they depend on (`PagePlanning`), the
/// template that draws it, the schema that template is checked against, and its view model.
/// Each kind lives in one file of `Render/Pages/`; adding one means writing that file, its template,
/// and one line in `PageKinds.all`.
protocol PageKind: PagePlanning, Sendable {
    /// templates/NAME.mustache
    static var template: String { get }
    /// Every name the template may use, with its type: a template that uses anything else is an error
    /// with its file and line before the build writes anything.
    static var schema: TemplateSchema { get }
    /// The view model. `reads` holds the names the template uses, so costly values it never prints
    /// (the language list on a redirect) can be skipped.
    static func context(_ page: SitePlan.Page, _ state: RenderState, reads: Set<String>) -> TemplateObject
}

/// The registry of page kinds. Its order is the plan's order within a locale (site-wide kinds first,
/// then each family's), and so the order of the sitemaps.
enum PageKinds {
    static let all: [any PageKind.Type] = [
        HomePage.self,
        NotFoundPage.self,
        DecoderPage.self,
        FamilyPage.self,
        CodePage.self,
        ComparisonPage.self,
        ComparisonRedirectPage.self,
    ]

    static func kind(of page: SitePlan.Page) -> any PageKind.Type { all[Int(page.address.kind)] }

    /// The template files the registry needs, in the registry's order.
    static var templates: [String] { all.map { $0.template } }
}
