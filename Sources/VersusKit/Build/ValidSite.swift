/// Phase 2, validate: content and templates that passed every check, ready to plan and render.
struct ValidSite: Sendable {
    let content: SiteContent
    let templates: TemplateLibrary
    let urls: SiteURLs
    /// What each page is made from, to skip unchanged pages on a rebuild.
    let inputs: InputFingerprints
    /// templates/assets/, read: relative path and bytes.
    let assets: [(path: String, bytes: [UInt8])]
    /// Warnings (no errors: a site with errors is not valid).
    let diagnostics: [Diagnostic]

    /// Sources with errors, and every problem found (warnings too).
    struct Invalid: Error {
        var diagnostics: [Diagnostic]
    }

    /// Checks every page template against its kind's schema, and gathers all problems at once.
    static func validate(_ sources: SiteSources, options: BuildOptions) -> Result<ValidSite, Invalid> {
        var diagnostics = sources.diagnostics
        if let templates = sources.templates {
            var list = DiagnosticList()
            for kind in PageKinds.all.sorted(by: { $0.template < $1.template }) {
                guard let template = templates.pages[kind.template] else { continue }
                TemplateChecker.check(template, schema: kind.schema, partials: templates.partials, pageKind: kind.template, diagnostics: &list)
            }
            diagnostics += list.all
        }
        var assets: [(path: String, bytes: [UInt8])] = []
        for asset in sources.templates?.assets ?? [] {
            if let bytes = FileSystem.read(asset.file) {
                assets.append((asset.path, bytes))
            } else {
                diagnostics.append(.error(SourceLocation(file: asset.file), "cannot read the asset"))
            }
        }
        diagnostics = Array(Set(diagnostics)).sorted()
        guard var content = sources.content, let templates = sources.templates, !diagnostics.contains(where: { $0.severity == .error }) else {
            return .failure(Invalid(diagnostics: diagnostics))
        }
        if let base = options.base { content.config.base = base }
        // Every page links the assets by their content-named URLs: a changed asset changes every page.
        var names: [String: String] = [:]
        var fingerprint = StableHasher()
        fingerprint.combine(templates.sourceFingerprint)
        for asset in assets {
            names[asset.path] = SiteURLs.fingerprinted(asset.path, bytes: asset.bytes)
            fingerprint.combine(asset.path)
            fingerprint.combine(names[asset.path]!)
        }
        return .success(ValidSite(content: content, templates: templates, urls: SiteURLs(content: content, assetNames: names),
                                  inputs: InputFingerprints(content: content, templatesFingerprint: fingerprint.value, jobs: options.jobs),
                                  assets: assets, diagnostics: diagnostics))
    }

    /// Phase 3, plan: every page, from the registry of page kinds.
    func plan() -> SitePlan {
        SitePlan(content: content, urls: urls, kinds: PageKinds.all, translation: inputs.translation)
    }
}
