/// Phase 1, load: the content folder and the templates folder, read and parsed, with every problem
/// found on the way.
struct SiteSources {
    var content: SiteContent?
    var templates: TemplateLibrary?
    var diagnostics: [Diagnostic]

    static func load(_ options: BuildOptions) -> SiteSources {
        // The templates are read on a thread of their own: while the content loads, one core is often
        // idle (site.yml, the glossaries and each family's checks run on one thread).
        let templatesDirectory = options.templatesDirectory
        let templates = Background { TemplateLibrary.load(from: templatesDirectory, pageTemplates: PageKinds.templates) }
        let (content, contentDiagnostics) = ContentLoader.load(from: options.contentDirectory, jobs: options.jobs)
        let (library, templateDiagnostics) = templates.value
        return SiteSources(content: content, templates: library, diagnostics: contentDiagnostics + templateDiagnostics)
    }
}
