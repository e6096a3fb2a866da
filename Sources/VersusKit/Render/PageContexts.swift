/// The parts of a view model that several page kinds share; each kind's own part is in `Pages/`.
enum PageContexts {
    // MARK: Shared by every page

    static func common(_ state: RenderState, page: SitePlan.Page, reads: Set<String>, title: String, description: String,
                       breadcrumbs: [(name: String, url: String)], isArticle: Bool = false) -> TemplateObject {
        let locale = state.locales[page.locale]
        let config = state.content.config
        let kind = PageKinds.kind(of: page)
        // A page whose main text is not translated yet is not indexed, and no page names it as an alternate.
        let indexable = kind.isIndexable && kind.isTranslated(page.address, locale: page.locale, state.translation)
        // The language list and the alternates are the costliest values of a page (one entry per
        // locale); a template that prints neither, like the redirect page, does not pay for them.
        let localeLists = reads.contains("languages") || reads.contains("alternates")
        // A page's URL in any locale is that locale's prefix and the same path (slugs are English
        // everywhere), so both lists are the same on every page of a locale apart from that path:
        // shared values, rendered once per thread and locale (see `SharedValue`). Debug builds, and
        // so the tests, check the rule against the kind.
        let ownPath = String(page.url.dropFirst(state.urls.localePrefix(locale.text.code).count))
        assert(config.locales.allSatisfy { info in
            state.urls.localePrefix(info.code) + ownPath == kind.url(page.address, locale: info.code, state.urls)
        }, "\(page.url): a page's URL in another locale is not that locale's prefix and the same path")
        var languages: TemplateValue = .list([])
        var alternates: TemplateValue = .list([])
        if localeLists {
            let (locales, urls, current) = (config.locales, state.urls, page.locale)
            languages = .shared(SharedValue(key: 0, path: ownPath) { path in
                .list(locales.enumerated().map { index, info in
                    .object([
                        "code": .text(info.code),
                        "name": .text(info.name),
                        "url": .text(urls.href(urls.localePrefix(info.code) + path)),
                        "current": .bool(index == current),
                        "dir": .text(info.rightToLeft ? "rtl" : "ltr"),
                    ])
                })
            })
            // The locales in which the page is translated, as bits: pages with the same ones share the list.
            var translated = 0
            for index in config.locales.indices where indexable && kind.isTranslated(page.address, locale: index, state.translation) {
                translated |= 1 << index
            }
            if translated != 0 {
                let translated = translated
                alternates = .shared(SharedValue(key: translated, path: ownPath) { path in
                    .list(locales.indices.filter { translated & (1 << $0) != 0 }.map { index in
                        .object(["hreflang": .text(locales[index].code), "url": .text(urls.absolute(urls.localePrefix(locales[index].code) + path)),
                                 "og_locale": .text(index == current ? "" : locales[index].openGraphLocale ?? "")])
                    })
                })
            }
        }
        let defaultURL = kind.url(page.address, locale: config.defaultLocale, state.urls)
        let crumbs: [TemplateValue] = !reads.contains("breadcrumbs") ? [] : breadcrumbs.enumerated().map { index, crumb in
            .object(["name": .text(crumb.name), "url": .text(crumb.url), "current": .bool(index == breadcrumbs.count - 1)])
        }
        let canonical = state.urls.absolute(page.url)
        var jsonLD = ""
        if reads.contains("json_ld") {
            let socialImage = state.urls.hasAsset(Self.socialImage) ? state.urls.absolute(state.urls.asset(Self.socialImage)) : ""
            jsonLD = StructuredData.jsonLD(
                breadcrumbs: breadcrumbs, origin: state.urls.base.origin,
                article: isArticle ? .init(headline: title, description: description, url: canonical, language: locale.text.code,
                                           image: socialImage, publisher: locale.text.text("site.title"),
                                           publisherURL: state.urls.absolute(state.urls.home(locale.text.code)),
                                           dates: kind.dates(page.address, locale: page.locale, state.dates)) : nil)
        }
        // The locale's own values, made once per locale; then this page's.
        var object = locale.constants
        object["json_ld"] = .html(jsonLD)
        object["page_title"] = .text(title)
        object["meta_description"] = .text(description)
        object["canonical_url"] = .text(canonical)
        object["indexable"] = .bool(indexable)
        object["alternates"] = alternates
        object["x_default_url"] = .text(indexable ? state.urls.absolute(defaultURL) : "")
        object["languages"] = languages
        object["breadcrumbs"] = .list(crumbs)
        // A trail of one (the home page itself) leads nowhere: it is not shown.
        object["has_trail"] = .bool(breadcrumbs.count > 1)
        return object
    }

    /// The values of `common` that are the same on every page of a locale, whatever its kind; a
    /// section over a shared value may read them and still be shared (see `SharedParts`).
    static func localeConstants(text: LocaleText, strings: TemplateValue, config: SiteConfig, urls: SiteURLs) -> TemplateObject {
        let code = text.code
        return [
            "search_index_url": .text(urls.href(urls.searchIndex(code))),
            "search_text_url": .text(urls.href(urls.searchText(code))),
            "script_url": .text(urls.href(urls.asset("site.js"))),
            "lang": .text(code),
            "dir": .text(text.info.rightToLeft ? "rtl" : "ltr"),
            // Text that falls back to the default locale keeps that locale's direction too.
            "default_dir": .text(config.locales[0].rightToLeft ? "rtl" : "ltr"),
            "t": strings,
            "site_title": .text(text.text("site.title")),
            "og_locale": .text(text.info.openGraphLocale ?? ""),
            "social_image_url": .text(urls.hasAsset(socialImage) ? urls.absolute(urls.asset(socialImage)) : ""),
            "icon_url": .text(urls.hasAsset(icon) ? urls.href(urls.asset(icon)) : ""),
            "favicon_url": .text(urls.hasAsset(SiteURLs.rootFavicon) ? urls.href(urls.asset(SiteURLs.rootFavicon)) : ""),
            "home_url": .text(urls.href(urls.home(code))),
            "decoder_url": .text(urls.href(urls.decoder(code))),
            "stylesheet_url": .text(urls.href(urls.asset("style.css"))),
        ]
    }

    /// templates/assets/ files the head links when they exist.
    static let icon = "icon.svg"
    static let socialImage = "social-card.png"

    static let commonSchema: [String: TemplateSchema] = [
        "lang": .text, "dir": .text, "default_dir": .text, "t": LocaleText.templateStringsSchema(), "site_title": .text, "page_title": .text,
        "meta_description": .text, "canonical_url": .text, "indexable": .flag,
        "alternates": .list(.object(["hreflang": .text, "url": .text, "og_locale": .text])), "x_default_url": .text,
        "og_locale": .text, "social_image_url": .text, "icon_url": .text, "favicon_url": .text, "decoder_url": .text,
        "languages": .list(.object(["code": .text, "name": .text, "url": .text, "current": .flag, "dir": .text])),
        "breadcrumbs": .list(.object(["name": .text, "url": .text, "current": .flag])), "has_trail": .flag,
        "home_url": .text, "stylesheet_url": .text, "json_ld": .html, "search_index_url": .text, "search_text_url": .text,
        "script_url": .text,
    ]

    static func codeLink(_ fragment: CodeFragment) -> TemplateObject {
        codeLink(code: fragment.code, title: fragment.title, titleLang: fragment.titleLang, url: fragment.url,
                 summary: fragment.summary, summaryLang: fragment.summaryLang, classKey: fragment.classKey, pathName: fragment.pathName)
    }

    static func codeLink(code: String, title: String, titleLang: String, url: String, summary: String, summaryLang: String,
                         classKey: String, pathName: String) -> TemplateObject {
        [
            "code": .text(code), "title": .text(title), "title_lang": .text(titleLang), "url": .text(url),
            "summary": .text(summary), "summary_lang": .text(summaryLang), "class_key": .text(classKey), "path_name": .text(pathName),
        ]
    }

    static let codeLinkSchema: TemplateSchema = .object([
        "code": .text, "title": .text, "title_lang": .text, "url": .text, "summary": .text, "summary_lang": .text,
        "class_key": .text, "path_name": .text,
    ])

    static let classGroupsSchema: TemplateSchema = .list(.object(["key": .text, "family": .text, "range": .text, "name": .text,
                                                                   "label": .text, "codes": .list(codeLinkSchema)]))

    static func homeCrumb(_ state: RenderState, _ locale: LocaleState) -> (name: String, url: String) {
        (locale.text.text("nav.home"), state.urls.href(state.urls.home(locale.text.code)))
    }

    static func familyCrumb(_ state: RenderState, _ locale: LocaleState, _ family: Int) -> (name: String, url: String) {
        (state.content.families[family].shortName(locale.text), state.urls.href(state.urls.family(family, locale.text.code)))
    }

    /// Every family with its codes by class: the home page and the not-found page list them.
    static func families(_ state: RenderState, _ locale: LocaleState) -> TemplateValue {
        .list(state.content.families.enumerated().map { index, family in
            .object([
                "name": .text(family.name),
                "heading": .text(family.heading(locale.text)),
                "url": .text(state.urls.href(state.urls.family(index, locale.text.code))),
                "code_count": .text(locale.codeCounts[index]),
                "classes": locale.classGroups[index],
                "compare_url": .text(comparePattern(state, index, locale.text.code)),
                // Under the family's h2 on the home page, each class is an h3.
                "class_level": .text("3"),
            ])
        })
    }

    static let familiesSchema: TemplateSchema = .list(.object([
        "name": .text, "heading": .text, "url": .text, "code_count": .text, "classes": classGroupsSchema, "compare_url": .text,
        "class_level": .text,
    ]))

    /// Where the compare picker sends the reader: the comparison URL with `{first}` and `{second}`
    /// for the two codes' folder names, which the picker fills in.
    static func comparePattern(_ state: RenderState, _ family: Int, _ locale: String) -> String {
        state.urls.href(state.urls.comparisonPattern(family: family, locale))
    }
}
