/// What every page of a locale shares, computed once before any page is rendered: the locale's
/// strings, each code's fragment (its Markdown already rendered), the code list by class, and the
/// curated pair notes rendered to HTML.
struct LocaleState: Sendable {
    var text: LocaleText
    var strings: TemplateValue
    /// [family][code], in the family's code order.
    var fragments: [[CodeFragment]]
    /// Per family: the codes grouped by class, as templates see them.
    var classGroups: [TemplateValue]
    var codeCounts: [String]
}

struct RenderState: Sendable {
    var content: SiteContent
    var paths: SitePaths
    var basePath: String
    var origin: String
    var locales: [LocaleState]
    /// [family][pair][locale code] -> rendered sections of the curated note.
    var pairNotes: [[PairKey: [String: [PairSectionID: String]]]]
    /// [family][code] -> "251-user-not-local": kept apart so building URLs never copies a whole code.
    var pathNames: [[String]]

    var defaultLocale: String { content.config.defaultLocale }

    static func make(content: SiteContent, jobs: Int) -> RenderState {
        let config = content.config
        let paths = SitePaths(defaultLocale: config.defaultLocale)
        let basePath = config.basePath
        let defaultStrings = content.locales[0]
        let defaultName = config.locales[0].name

        // Markdown first, in parallel: once per code section per locale that has its own text.
        let allCodes = content.families.flatMap { $0.codes }
        let rendered = ParallelMap.map(allCodes, jobs: jobs) { CodeFragmentBuilder.renderMarkdown($0, defaultLocale: config.defaultLocale) }
        var renderedByFamily: [[RenderedSections]] = []
        var offset = 0
        for family in content.families {
            renderedByFamily.append(Array(rendered[offset..<offset + family.codes.count]))
            offset += family.codes.count
        }

        let locales = zip(config.locales, content.locales).map { info, strings -> LocaleState in
            let text = LocaleText(info: info, strings: strings, fallback: defaultStrings)
            var fragments: [[CodeFragment]] = []
            var groups: [TemplateValue] = []
            var counts: [String] = []
            for (familyIndex, family) in content.families.enumerated() {
                let familyFragments = family.codes.enumerated().map { codeIndex, entry in
                    CodeFragmentBuilder.build(entry, family: family, rendered: renderedByFamily[familyIndex][codeIndex], text: text,
                                              paths: paths, basePath: basePath, defaultLocaleName: defaultName)
                }
                fragments.append(familyFragments)
                groups.append(classGroups(family: family, fragments: familyFragments, text: text))
                counts.append(text.plural("sentences.code_count", count: family.codes.count))
            }
            return LocaleState(text: text, strings: .object(text.templateStrings()), fragments: fragments,
                               classGroups: groups, codeCounts: counts)
        }

        let pairNotes = content.families.map { family in
            family.pairNotes.mapValues { note in
                note.sections.mapValues { sections in sections.mapValues { MarkdownRenderer.html($0.markdown) } }
            }
        }
        return RenderState(content: content, paths: paths, basePath: basePath, origin: config.origin,
                           locales: locales, pairNotes: pairNotes,
                           pathNames: content.families.map { $0.codes.map(\.pathName) })
    }

    private static func classGroups(family: Family, fragments: [CodeFragment], text: LocaleText) -> TemplateValue {
        .list(family.classes.compactMap { codeClass -> TemplateValue? in
            let members = fragments.filter { $0.classKey == codeClass.key }
            guard !members.isEmpty else { return nil }
            let name = codeClass.names[text.code] ?? codeClass.names[text.fallback.locale] ?? ""
            return .object([
                "key": .text(codeClass.key),
                "label": .text(text.text("classes.label", ["range": codeClass.key + "xx", "name": name])),
                "codes": .list(members.map { .object(PageContexts.codeLink($0)) }),
            ])
        })
    }

    /// The URL (below the base path) of the page of `kind` in `locale`.
    func url(of kind: SitePlan.Kind, locale: String) -> String {
        switch kind {
        case .home: return paths.home(locale)
        case .notFound: return paths.notFound(locale)
        case .family(let family): return paths.family(content.families[family], locale)
        case .code(let family, let code):
            return paths.code(family: content.families[family].id, pathName: pathNames[family][code], locale)
        case .comparison(let family, let low, let high):
            return paths.comparison(family: content.families[family].id, first: pathNames[family][low],
                                    second: pathNames[family][high], locale)
        case .reverseRedirect(let family, let low, let high):
            return paths.comparison(family: content.families[family].id, first: pathNames[family][high],
                                    second: pathNames[family][low], locale)
        }
    }
}
