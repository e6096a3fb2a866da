/// A code's page ("smtp/251-user-not-local/"): its sections, facts, related codes and every comparison.
enum CodePage: PageKind {
    static let template = "code"
    static let scope = PageScope.family
    static let isIndexable = true

    static func pages(in family: Family?) -> [(first: Int, second: Int)] {
        (family?.codes.indices ?? 0..<0).map { ($0, 0) }
    }

    static func url(_ page: PageAddress, locale: String, _ urls: SiteURLs) -> String {
        urls.code(family: Int(page.family), code: Int(page.first), locale)
    }

    static func isTranslated(_ page: PageAddress, locale: Int, _ status: TranslationStatus) -> Bool {
        status.code(family: Int(page.family), code: Int(page.first), locale: locale)
    }

    static func dates(_ page: PageAddress, locale: Int, _ dates: ContentDates) -> ContentDates.Span? {
        dates.code(family: Int(page.family), code: Int(page.first), locale: locale)
    }

    /// The code itself, the family's code list (related codes and the comparison links show it), and
    /// in which locales the page is translated (its hreflang alternates).
    static func combineInputs(_ page: PageAddress, locale: Int, _ inputs: InputFingerprints, into hasher: inout StableHasher) {
        hasher.combine(inputs.codes[Int(page.family)][Int(page.first)][locale])
        hasher.combine(inputs.codeLists[Int(page.family)][locale])
        inputs.combineTranslatedLocales(page, kind: self, into: &hasher)
    }

    static let schema: TemplateSchema = .object(PageContexts.commonSchema.merging([
        "heading": .text, "code": CodeFragmentBuilder.objectSchema, "class_sentence": .text,
        "classes": PageContexts.classGroupsSchema, "compare_url": .text,
        "related": .list(PageContexts.codeLinkSchema), "comparisons": .list(PageContexts.codeLinkSchema), "comparison_count": .text,
        "compare_with": .text,
    ]) { $1 })

    static func context(_ page: SitePlan.Page, _ state: RenderState, reads: Set<String>) -> TemplateObject {
        let locale = state.locales[page.locale]
        let familyIndex = Int(page.address.family), codeIndex = Int(page.address.first)
        let family = state.content.families[familyIndex]
        let fragments = locale.fragments[familyIndex]
        let fragment = fragments[codeIndex]
        let entry = fragment.entry
        let text = locale.text
        let config = state.content.config
        let titleValues: SentenceValues = ["family": family.name, "code": entry.code, "title": fragment.title]
        // The heading is the first, fullest pattern; the title of the page is the first that fits.
        let heading = text.text("pages.code_title", titleValues)
        let classSentence = family.sentence("code_class", text, ["code": entry.code, "class": fragment.classLabel])
        let descriptionValues = titleValues.merging([
            "summary": fragment.summary, "first_sentence": SentenceSplit.first(of: fragment.summary) ?? "",
            "class_sentence": classSentence,
        ])
        var object = PageContexts.common(
            state, page: page, reads: reads, title: text.fitting("pages.code_title", titleValues, limit: config.titleLength),
            description: text.fitting("pages.code_description", descriptionValues, limit: config.descriptionLength),
            breadcrumbs: [PageContexts.homeCrumb(state, locale), PageContexts.familyCrumb(state, locale, familyIndex),
                          (entry.code, fragment.url)], isArticle: true)
        object["heading"] = .text(heading)
        object["classes"] = locale.classGroups[familyIndex]
        object["compare_url"] = .text(PageContexts.comparePattern(state, familyIndex, text.code))
        object["code"] = .object(fragment.object)
        object["class_sentence"] = .text(classSentence)
        let codeIndexByNumber = Dictionary(uniqueKeysWithValues: family.codes.enumerated().map { ($1.code, $0) })
        object["related"] = .list(entry.related.compactMap { codeIndexByNumber[$0] }.map { .object(PageContexts.codeLink(fragments[$0])) })

        // Comparisons, most relevant first: related codes, then the same class, then the rest in code order.
        let related = Set(entry.related.compactMap { codeIndexByNumber[$0] })
        let others = family.codes.indices.filter { $0 != codeIndex }
        func rank(_ other: Int) -> Int {
            if related.contains(other) { return 0 }
            return family.codes[other].classKey == entry.classKey ? 1 : 2
        }
        let ordered = others.sorted { (rank($0), $0) < (rank($1), $1) }
        object["comparisons"] = .list(ordered.map { other in
            let (low, high) = other < codeIndex ? (other, codeIndex) : (codeIndex, other)
            var link = PageContexts.codeLink(fragments[other])
            link["url"] = .text(state.urls.href(state.urls.comparison(family: familyIndex, first: low, second: high, text.code)))
            return .object(link)
        })
        object["comparison_count"] = .text(text.plural("sentences.comparison_count", count: others.count))
        object["compare_with"] = .text(text.text("sentences.compare_with", ["code": entry.code]))
        return object
    }
}
