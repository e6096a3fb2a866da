/// Reads `content/glossary/LOCALE.yml`, one file per locale that has one (a glossary is optional).
enum GlossaryLoader {
    static let folder = "glossary"

    /// The scanner of each locale with a glossary, by locale code.
    static func load(config: SiteConfig, files: ContentFiles, diagnostics: inout DiagnosticList) -> [String: GlossaryScanner] {
        let known = config.locales.map(\.code)
        var scanners: [String: GlossaryScanner] = [:]
        for name in files.list(folder) where !name.hasPrefix(".") {
            let relative = folder + "/" + name
            let file = files.path(relative)
            guard name.hasSuffix(".yml") else {
                diagnostics.warning(SourceLocation(file: file), "ignored: a glossary is a file named like tr.yml")
                continue
            }
            let locale = String(name.dropLast(4))
            guard known.contains(locale) else {
                diagnostics.warning(SourceLocation(file: file),
                                    "glossary for \"\(locale)\", which site.yml does not list\(Suggestion.didYouMean(locale, in: known)); it is not used")
                continue
            }
            guard let text = files.read(relative, diagnostics: &diagnostics) else { continue }
            switch YAMLParser.parse(text, file: file) {
            case .failure(let diagnostic):
                diagnostics.append(contentsOf: [diagnostic])
            case .success(let tree):
                let glossary = Glossary.parse(tree, locale: locale, file: file, diagnostics: &diagnostics)
                scanners[locale] = GlossaryScanner(glossary)
            }
        }
        return scanners
    }
}
