/// A family's index ("smtp/"): its codes by class and the compare picker.
enum FamilyPage: PageKind {
    static let template = "family"
    static let scope = PageScope.family
    static let isIndexable = true

    static func url(_ page: PageAddress, locale: String, _ urls: SiteURLs) -> String { urls.family(Int(page.family), locale) }

    /// The family's code list.
    static func combineInputs(_ page: PageAddress, locale: Int, _ inputs: InputFingerprints, into hasher: inout StableHasher) {
        hasher.combine(inputs.codeLists[Int(page.family)][locale])
    }

    static let schema: TemplateSchema = .object(PageContexts.commonSchema.merging([
        "heading": .text, "intro": .text, "code_count": .text, "classes": PageContexts.classGroupsSchema, "compare_url": .text,
        "class_level": .text,
    ]) { $1 })

    static func context(_ page: SitePlan.Page, _ state: RenderState, reads: Set<String>) -> TemplateObject {
        let locale = state.locales[page.locale]
        let index = Int(page.address.family)
        let family = state.content.families[index]
        let heading = family.heading(locale.text)
        var object = PageContexts.common(state, page: page, reads: reads, title: heading,
                                         description: family.description(locale.text),
                                         breadcrumbs: [PageContexts.homeCrumb(state, locale), PageContexts.familyCrumb(state, locale, index)])
        object["heading"] = .text(heading)
        object["intro"] = .text(family.description(locale.text))
        object["code_count"] = .text(locale.codeCounts[index])
        object["classes"] = locale.classGroups[index]
        // Right under the page's h1, each class is an h2.
        object["class_level"] = .text("2")
        object["compare_url"] = .text(PageContexts.comparePattern(state, index, locale.text.code))
        return object
    }
}
