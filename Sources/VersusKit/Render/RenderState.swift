/// What every page of a locale shares, computed once before any page is rendered: the locale's
/// strings, each code's fragment (its Markdown already rendered), the code list by class, and the
/// curated pair notes rendered to HTML.
///
/// A class: every page takes its locale's state, and one reference is cheaper than copying its parts.
final class LocaleState: Sendable {
    let text: LocaleText
    let strings: TemplateValue
    /// [family][code], in the family's code order.
    let fragments: [[CodeFragment]]
    /// Per family: the codes grouped by class, as templates see them.
    let classGroups: [TemplateValue]
    let codeCounts: [String]
    /// The page-level values that are the same on every page of the locale (`PageContexts.localeConstants`).
    let constants: TemplateObject

    init(text: LocaleText, strings: TemplateValue, fragments: [[CodeFragment]], classGroups: [TemplateValue], codeCounts: [String],
         constants: TemplateObject) {
        self.text = text
        self.strings = strings
        self.fragments = fragments
        self.classGroups = classGroups
        self.codeCounts = codeCounts
        self.constants = constants
    }
}

struct RenderState: Sendable {
    var content: SiteContent
    var urls: SiteURLs
    var locales: [LocaleState]
    var markdown: RenderedMarkdown
    /// Which pages are translated: an untranslated one is noindex and no page lists it as an alternate.
    var translation: TranslationStatus
    var dates: ContentDates

    var defaultLocale: String { content.config.defaultLocale }

    /// The same state built again for one worker thread, from a copy of the rendered Markdown: when
    /// two threads retain and release the same objects, the cache line holding each reference count
    /// bounces between the cores, and rendering took a third more CPU time on two threads than on one.
    func ownCopy() -> RenderState {
        // One thread: the copy is made on a rendering thread while the others render.
        RenderState.make(content: content, urls: urls, markdown: markdown.ownCopy(), jobs: 1)
    }

    /// - Parameter urls: the site's URLs, with the assets' published names.
    static func make(content: SiteContent, urls: SiteURLs, jobs: Int) -> RenderState {
        make(content: content, urls: urls, markdown: RenderedMarkdown.render(content, jobs: jobs), jobs: jobs)
    }

    /// Each locale's state is made on its own thread (up to `jobs`): before the first page, nothing
    /// else runs, and a small site spends a tenth of its build here.
    static func make(content: SiteContent, urls: SiteURLs, markdown: RenderedMarkdown, jobs: Int) -> RenderState {
        let config = content.config
        let defaultStrings = content.locales[0]
        let defaultName = config.locales[0].name
        let renderedByFamily = markdown.codes

        let locales = ParallelMap.map(Array(zip(config.locales, content.locales)), jobs: jobs) { info, strings -> LocaleState in
            let text = LocaleText(info: info, strings: strings, fallback: defaultStrings)
            var fragments: [[CodeFragment]] = []
            var groups: [TemplateValue] = []
            var counts: [String] = []
            for (familyIndex, family) in content.families.enumerated() {
                let familyFragments = family.codes.enumerated().map { codeIndex, entry in
                    CodeFragmentBuilder.build(entry, family: family, rendered: renderedByFamily[familyIndex][codeIndex], text: text,
                                              url: urls.href(urls.code(family: familyIndex, code: codeIndex, text.code)),
                                              linkURL: { urls.href(urls.code(family: $0.family, code: $0.code, text.code)) },
                                              defaultLocaleName: defaultName)
                }
                fragments.append(familyFragments)
                groups.append(classGroups(family: family, fragments: familyFragments, text: text))
                counts.append(text.plural("sentences.code_count", count: family.codes.count))
            }
            let strings: TemplateValue = .object(text.templateStrings())
            return LocaleState(text: text, strings: strings, fragments: fragments, classGroups: groups, codeCounts: counts,
                               constants: PageContexts.localeConstants(text: text, strings: strings, config: config, urls: urls))
        }

        return RenderState(content: content, urls: urls, locales: locales, markdown: markdown,
                           translation: TranslationStatus(content: content), dates: ContentDates(content: content))
    }

    private static func classGroups(family: Family, fragments: [CodeFragment], text: LocaleText) -> TemplateValue {
        .list(family.classes.compactMap { codeClass -> TemplateValue? in
            let members = fragments.filter { $0.classKey == codeClass.key }
            guard !members.isEmpty else { return nil }
            let name = codeClass.names[text.code] ?? codeClass.names[text.fallback.locale] ?? ""
            return .object([
                "key": .text(codeClass.key),
                "family": .text(family.id),
                "range": .text(family.classRangeLabel(codeClass.key)),
                "name": .text(name),
                "label": .text(text.text("classes.label", ["range": family.classRangeLabel(codeClass.key), "name": name])),
                "codes": .list(members.map { .object(PageContexts.codeLink($0)) }),
            ])
        })
    }
}

/// Every code section and curated pair note rendered to HTML: once per build, since Markdown is the
/// one costly input of a page (each worker's own copy of the render state reuses it).
struct RenderedMarkdown: Sendable {
    /// [family][code], in the family's code order.
    var codes: [[RenderedSections]]
    /// [family][pair][locale code] -> rendered sections of the curated note.
    var pairNotes: [[PairKey: [String: [PairSectionID: String]]]]

    static func render(_ content: SiteContent, jobs: Int) -> RenderedMarkdown {
        let defaultLocale = content.config.defaultLocale
        // In parallel: once per code section per locale that has its own text.
        let codes = ParallelMap.map(groups: content.families.map(\.codes), jobs: jobs) {
            CodeFragmentBuilder.renderMarkdown($0, defaultLocale: defaultLocale)
        }
        let pairNotes = content.families.map { family in
            family.pairNotes.mapValues { note in
                note.sections.mapValues { sections in sections.mapValues { MarkdownRenderer.html($0.markdown) } }
            }
        }
        return RenderedMarkdown(codes: codes, pairNotes: pairNotes)
    }

    /// The same HTML in storage of its own.
    func ownCopy() -> RenderedMarkdown {
        RenderedMarkdown(
            codes: codes.map { family in
                family.map { RenderedSections(html: $0.html.mapValues { sections in sections.mapValues(\.inOwnStorage) }) }
            },
            pairNotes: pairNotes.map { notes in notes.mapValues { note in note.mapValues { sections in sections.mapValues(\.inOwnStorage) } } })
    }
}
