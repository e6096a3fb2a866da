/// The view model of each page kind: what its template can use. Each builder sits beside the schema
/// that templates are checked against; a test keeps the two in step.
enum PageContexts {
    // MARK: Shared by every page

    static func common(_ state: RenderState, page: SitePlan.Page, reads: Set<String>, title: String, description: String,
                       breadcrumbs: [(name: String, url: String)], isArticle: Bool = false) -> TemplateObject {
        let locale = state.locales[page.locale]
        let config = state.content.config
        let indexable = SitePlan.isIndexable(page.kind)
        var alternates: [TemplateValue] = []
        var languages: [TemplateValue] = []
        // The language list and the alternates are the costliest values of a page (one entry per
        // locale); a template that prints neither, like the redirect page, does not pay for them.
        let localeLists = reads.contains("languages") || reads.contains("alternates")
        for (index, info) in config.locales.enumerated() where localeLists {
            let url = state.url(of: page.kind, locale: info.code)
            if indexable {
                alternates.append(.object(["hreflang": .text(info.code), "url": .text(state.origin + state.basePath + url)]))
            }
            languages.append(.object([
                "code": .text(info.code),
                "name": .text(info.name),
                "url": .text(state.basePath + url),
                "current": .bool(index == page.locale),
                "dir": .text(info.rightToLeft ? "rtl" : "ltr"),
            ]))
        }
        let defaultURL = state.url(of: page.kind, locale: config.defaultLocale)
        let crumbs: [TemplateValue] = !reads.contains("breadcrumbs") ? [] : breadcrumbs.enumerated().map { index, crumb in
            .object(["name": .text(crumb.name), "url": .text(crumb.url), "current": .bool(index == breadcrumbs.count - 1)])
        }
        let canonical = state.origin + state.basePath + page.url
        let jsonLD = !reads.contains("json_ld") ? "" : StructuredData.jsonLD(
            breadcrumbs: breadcrumbs, origin: state.origin, article: isArticle ? (title, description, canonical, locale.text.code) : nil)
        return [
            "json_ld": .html(jsonLD),
            "search_index_url": .text(state.basePath + SearchIndex.path(paths: state.paths, locale: locale.text.code)),
            "script_url": .text(state.basePath + "assets/site.js"),
            "lang": .text(locale.text.code),
            "dir": .text(locale.text.info.rightToLeft ? "rtl" : "ltr"),
            // Text that falls back to the default locale keeps that locale's direction too.
            "default_dir": .text(config.locales[0].rightToLeft ? "rtl" : "ltr"),
            "t": locale.strings,
            "site_title": .text(locale.text.text("site.title")),
            "page_title": .text(title),
            "meta_description": .text(description),
            "canonical_url": .text(canonical),
            "indexable": .bool(indexable),
            "alternates": .list(alternates),
            "x_default_url": .text(indexable ? state.origin + state.basePath + defaultURL : ""),
            "languages": .list(languages),
            "breadcrumbs": .list(crumbs),
            "home_url": .text(state.basePath + state.paths.home(locale.text.code)),
            "stylesheet_url": .text(state.basePath + "assets/style.css"),
        ]
    }

    static let commonSchema: [String: TemplateSchema] = [
        "lang": .text, "dir": .text, "default_dir": .text, "t": LocaleText.templateStringsSchema(), "site_title": .text, "page_title": .text,
        "meta_description": .text, "canonical_url": .text, "indexable": .flag,
        "alternates": .list(.object(["hreflang": .text, "url": .text])), "x_default_url": .text,
        "languages": .list(.object(["code": .text, "name": .text, "url": .text, "current": .flag, "dir": .text])),
        "breadcrumbs": .list(.object(["name": .text, "url": .text, "current": .flag])),
        "home_url": .text, "stylesheet_url": .text, "json_ld": .html, "search_index_url": .text, "script_url": .text,
    ]

    static func codeLink(_ fragment: CodeFragment) -> TemplateObject {
        [
            "code": .text(fragment.code), "title": .text(fragment.title), "title_lang": .text(fragment.titleLang),
            "url": .text(fragment.url), "summary": .text(fragment.summary), "summary_lang": .text(fragment.summaryLang),
            "class_key": .text(fragment.classKey), "path_name": .text(fragment.pathName),
        ]
    }

    static let codeLinkSchema: TemplateSchema = .object([
        "code": .text, "title": .text, "title_lang": .text, "url": .text, "summary": .text, "summary_lang": .text,
        "class_key": .text, "path_name": .text,
    ])

    static let classGroupsSchema: TemplateSchema = .list(.object(["key": .text, "label": .text, "codes": .list(codeLinkSchema)]))

    private static func homeCrumb(_ state: RenderState, _ locale: LocaleState) -> (name: String, url: String) {
        (locale.text.text("nav.home"), state.basePath + state.paths.home(locale.text.code))
    }

    private static func familyCrumb(_ state: RenderState, _ locale: LocaleState, _ family: Family) -> (name: String, url: String) {
        (family.name, state.basePath + state.paths.family(family, locale.text.code))
    }

    // MARK: Home

    static func home(_ state: RenderState, page: SitePlan.Page, reads: Set<String>) -> TemplateObject {
        let locale = state.locales[page.locale]
        let site = locale.text.text("site.title")
        var object = common(state, page: page, reads: reads, title: locale.text.text("pages.home_title", ["site": site]),
                            description: locale.text.text("pages.home_description", ["site": site]),
                            breadcrumbs: [homeCrumb(state, locale)])
        object["heading"] = .text(site)
        object["tagline"] = .text(locale.text.text("site.tagline"))
        object["families"] = families(state, locale)
        return object
    }

    /// Every family with its codes by class: the home page and the not-found page list them.
    static func families(_ state: RenderState, _ locale: LocaleState) -> TemplateValue {
        .list(state.content.families.enumerated().map { index, family in
            .object([
                "name": .text(family.name),
                "heading": .text(locale.text.text("pages.family_title", ["family": family.name])),
                "url": .text(state.basePath + state.paths.family(family, locale.text.code)),
                "code_count": .text(locale.codeCounts[index]),
                "classes": locale.classGroups[index],
                "compare_base": .text(compareBase(state, family, locale.text.code)),
            ])
        })
    }

    static let familiesSchema: TemplateSchema = .list(.object([
        "name": .text, "heading": .text, "url": .text, "code_count": .text, "classes": classGroupsSchema, "compare_base": .text,
    ]))

    /// Where the compare picker sends the reader: this base + "LOW-vs-HIGH/".
    static func compareBase(_ state: RenderState, _ family: Family, _ locale: String) -> String {
        state.basePath + state.paths.compareFolder(family: family.id, locale)
    }

    static let homeSchema: TemplateSchema = .object(commonSchema.merging([
        "heading": .text, "tagline": .text,
        "families": familiesSchema,
    ]) { $1 })

    // MARK: Family index

    static func family(_ state: RenderState, page: SitePlan.Page, reads: Set<String>, family index: Int) -> TemplateObject {
        let locale = state.locales[page.locale]
        let family = state.content.families[index]
        let heading = locale.text.text("pages.family_title", ["family": family.name])
        var object = common(state, page: page, reads: reads, title: heading,
                            description: locale.text.text("pages.family_description", ["family": family.name]),
                            breadcrumbs: [homeCrumb(state, locale), familyCrumb(state, locale, family)])
        object["heading"] = .text(heading)
        object["intro"] = .text(locale.text.text("pages.family_description", ["family": family.name]))
        object["code_count"] = .text(locale.codeCounts[index])
        object["classes"] = locale.classGroups[index]
        object["compare_base"] = .text(compareBase(state, family, locale.text.code))
        return object
    }

    static let familySchema: TemplateSchema = .object(commonSchema.merging([
        "heading": .text, "intro": .text, "code_count": .text, "classes": classGroupsSchema, "compare_base": .text,
    ]) { $1 })

    // MARK: Code page

    static func code(_ state: RenderState, page: SitePlan.Page, reads: Set<String>, family familyIndex: Int, code codeIndex: Int) -> TemplateObject {
        let locale = state.locales[page.locale]
        let family = state.content.families[familyIndex]
        let entry = family.codes[codeIndex]
        let fragments = locale.fragments[familyIndex]
        let fragment = fragments[codeIndex]
        let text = locale.text
        let heading = text.text("pages.code_title", ["family": family.name, "code": entry.code, "title": fragment.title])
        var object = common(state, page: page, reads: reads, title: heading,
                            description: text.text("pages.code_description", ["family": family.name, "code": entry.code,
                                                                               "title": fragment.title, "summary": fragment.summary]),
                            breadcrumbs: [homeCrumb(state, locale), familyCrumb(state, locale, family),
                                          (entry.code, fragment.url)], isArticle: true)
        object["heading"] = .text(heading)
        object["classes"] = locale.classGroups[familyIndex]
        object["compare_base"] = .text(compareBase(state, family, text.code))
        object["code"] = .object(fragment.object)
        object["class_sentence"] = .text(text.text("sentences.code_class", ["code": entry.code, "class": fragment.classLabel]))
        let codeIndexByNumber = Dictionary(uniqueKeysWithValues: family.codes.enumerated().map { ($1.code, $0) })
        object["related"] = .list(entry.related.compactMap { codeIndexByNumber[$0] }.map { .object(codeLink(fragments[$0])) })

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
            var link = codeLink(fragments[other])
            link["url"] = .text(state.basePath + state.paths.comparison(family.codes[low], family.codes[high], text.code))
            return .object(link)
        })
        object["comparison_count"] = .text(text.plural("sentences.comparison_count", count: others.count))
        object["compare_with"] = .text(text.text("sentences.compare_with", ["code": entry.code]))
        return object
    }

    static let codeSchema: TemplateSchema = .object(commonSchema.merging([
        "heading": .text, "code": CodeFragmentBuilder.objectSchema, "class_sentence": .text,
        "classes": classGroupsSchema, "compare_base": .text,
        "related": .list(codeLinkSchema), "comparisons": .list(codeLinkSchema), "comparison_count": .text,
        "compare_with": .text,
    ]) { $1 })

    // MARK: Not found

    static func notFound(_ state: RenderState, page: SitePlan.Page, reads: Set<String>) -> TemplateObject {
        let locale = state.locales[page.locale]
        let heading = locale.text.text("pages.not_found_title")
        var object = common(state, page: page, reads: reads, title: heading, description: locale.text.text("pages.not_found_text"),
                            breadcrumbs: [homeCrumb(state, locale)])
        object["heading"] = .text(heading)
        object["text"] = .text(locale.text.text("pages.not_found_text"))
        object["families"] = families(state, locale)
        return object
    }

    static let notFoundSchema: TemplateSchema = .object(commonSchema.merging([
        "heading": .text, "text": .text, "families": familiesSchema,
    ]) { $1 })
}
