/// Phase 1, load: the content folder and the templates folder, read and parsed, with every problem
/// found on the way.
struct SiteSources {
    var content: SiteContent?
    var templates: TemplateLibrary?
    var diagnostics: [Diagnostic]

    static func load(_ options: BuildOptions) -> SiteSources {
        let (content, contentDiagnostics) = ContentLoader.load(from: options.contentDirectory, jobs: options.jobs)
        let (templates, templateDiagnostics) = TemplateLibrary.load(from: options.templatesDirectory, pageTemplates: PageKinds.templates)
        return SiteSources(content: content, templates: templates, diagnostics: contentDiagnostics + templateDiagnostics)
    }
}
