/// Everything about one code in one locale that pages show, computed once and shared by the code's own
/// page and by all of its comparison pages: the Markdown of each section is rendered here and nowhere else.
final class CodeFragment: Sendable {
    /// The code as the content holds it, kept here so that pages read its facts without copying it.
    let entry: CodeEntry
    let code: String
    let title: String
    /// The default locale's code when the title is not translated, so the HTML can say `lang="en"`.
    let titleLang: String
    let summary: String
    let summaryLang: String
    let url: String
    /// "251-user-not-local": the code's folder name, used to build comparison URLs.
    let pathName: String
    let classKey: String
    let classLabel: String
    let statusLabel: String
    let retryLabel: String
    let commandsHTML: String
    let closesLabel: String
    let rfcsHTML: String
    /// The codes of other families it comes with, linked to their pages.
    let usedWithHTML: String
    let variantsHTML: String
    /// The comparison texts (`send_when`, `sender_action`) in this locale, else the default locale's
    /// with its language code in `...Lang`; empty when the code has none.
    let sendWhen: String
    let sendWhenLang: String
    let senderAction: String
    let senderActionLang: String
    /// The code as templates see it (`{{#code}}...{{/code}}`, `{{#a}}`, `{{#b}}`).
    let object: TemplateObject
    /// What each of its comparisons lists about it: its link with the server's side (`send_when`),
    /// with the sender's (`sender_action`), each nil when the code has no such text, and its
    /// "learn more" link. Made once here rather than on each of its comparison pages.
    let sendWhenLink: TemplateValue?
    let senderActionLink: TemplateValue?
    let learnMoreLink: TemplateValue
    /// What each of its comparisons reasons about in its key differences.
    let differenceFacts: KeyDifferences.Facts

    /// A class, so that a page holding a code's fragment (a comparison holds two) takes one reference
    /// rather than copying two dozen strings.
    init(entry: CodeEntry, title: String, titleLang: String, summary: String, summaryLang: String, url: String,
         classLabel: String, statusLabel: String, retryLabel: String, commandsHTML: String, closesLabel: String, rfcsHTML: String,
         usedWithHTML: String, variantsHTML: String, sendWhen: String, sendWhenLang: String, senderAction: String,
         senderActionLang: String, object: TemplateObject, learnMoreText: String, differenceFacts: KeyDifferences.Facts) {
        self.entry = entry
        code = entry.code
        self.title = title
        self.titleLang = titleLang
        self.summary = summary
        self.summaryLang = summaryLang
        self.url = url
        pathName = entry.pathName
        classKey = entry.classKey
        self.classLabel = classLabel
        self.statusLabel = statusLabel
        self.retryLabel = retryLabel
        self.commandsHTML = commandsHTML
        self.closesLabel = closesLabel
        self.rfcsHTML = rfcsHTML
        self.usedWithHTML = usedWithHTML
        self.variantsHTML = variantsHTML
        self.sendWhen = sendWhen
        self.sendWhenLang = sendWhenLang
        self.senderAction = senderAction
        self.senderActionLang = senderActionLang
        self.object = object
        self.differenceFacts = differenceFacts
        let link = PageContexts.codeLink(code: entry.code, title: title, titleLang: titleLang, url: url, summary: summary,
                                         summaryLang: summaryLang, classKey: entry.classKey, pathName: entry.pathName)
        func sideLink(_ text: String, _ lang: String) -> TemplateValue? {
            guard !text.isEmpty else { return nil }
            var sideLink = link
            sideLink["summary"] = .text(text)
            sideLink["summary_lang"] = .text(lang)
            return .object(sideLink)
        }
        sendWhenLink = sideLink(sendWhen, sendWhenLang)
        senderActionLink = sideLink(senderAction, senderActionLang)
        learnMoreLink = .object(["text": .text(learnMoreText), "url": .text(url), "title_lang": .text(titleLang)])
    }
}

/// One section's Markdown, rendered: per locale where translated, else the default locale's, shared.
struct RenderedSections: Sendable {
    /// [locale code: [section: html]]; the default locale holds every section the code has.
    var html: [String: [SectionID: String]]
}

enum CodeFragmentBuilder {
    static func renderMarkdown(_ entry: CodeEntry, defaultLocale: String) -> RenderedSections {
        var html: [String: [SectionID: String]] = [:]
        for (id, section) in entry.sections { html[defaultLocale, default: [:]][id] = MarkdownRenderer.html(section.markdown) }
        for (locale, translation) in entry.translations {
            for (id, section) in translation.sections where entry.sections[id] != nil {
                html[locale, default: [:]][id] = MarkdownRenderer.html(section.markdown)
            }
        }
        return RenderedSections(html: html)
    }

    /// - Parameter linkURL: the page of a code of another family, in this locale.
    static func build(_ entry: CodeEntry, family: Family, rendered: RenderedSections, text: LocaleText,
                      url: String, linkURL: (CodeLink.Target) -> String, defaultLocaleName: String) -> CodeFragment {
        let locale = text.code
        let defaultLocale = text.fallback.locale
        let translation = entry.translations[locale]
        let title = translation?.title ?? entry.title
        let titleLang = locale == defaultLocale || translation?.title != nil ? "" : defaultLocale
        let summary = translation?.summary ?? entry.summary
        let summaryLang = locale == defaultLocale || translation?.summary != nil ? "" : defaultLocale
        let className = family.codeClass(entry.classKey).flatMap { $0.names[locale] ?? $0.names[defaultLocale] } ?? ""
        let classLabel = text.text("classes.label", ["range": family.classRangeLabel(entry.classKey), "name": className])

        /// A comparison text in this locale, else the default locale's marked with its language; empty
        /// (and unmarked) when the code has none.
        func localized(_ own: String?, _ base: String?) -> (text: String, lang: String) {
            if let own { return (own, "") }
            guard let base else { return ("", "") }
            return (base, locale == defaultLocale ? "" : defaultLocale)
        }
        let (sendWhen, sendWhenLang) = localized(translation?.sendWhen, entry.sendWhen)
        let (senderAction, senderActionLang) = localized(translation?.senderAction, entry.senderAction)

        var sections: [TemplateValue] = []
        // A comparison shows each code's summary and how to fix it; the rest stays on the code's page,
        // so that the comparison is mostly text of its own.
        var compareSections: [TemplateValue] = []
        let note = text.text("fallback.not_translated", ["language": defaultLocaleName])
        let outdatedNote = text.text("fallback.outdated", ["language": defaultLocaleName])
        let outdated = translation.map { TranslationFreshness.outdatedSections(entry, $0) } ?? []
        for id in SectionID.allCases {
            guard entry.sections[id] != nil else { continue }
            let translated = rendered.html[locale]?[id]
            let html = translated ?? rendered.html[defaultLocale]?[id] ?? ""
            let isFallback = translated == nil && locale != defaultLocale
            let section: TemplateValue = .object([
                "id": .text(id.anchor),
                "label": .text(text.text(id.localeKey)),
                "html": .html(html),
                "fallback": .bool(isFallback),
                "fallback_lang": .text(isFallback ? defaultLocale : ""),
                "fallback_note": .text(isFallback ? note : ""),
                "outdated_note": .text(translated != nil && outdated.contains(id) ? outdatedNote : ""),
            ])
            sections.append(section)
            if id == .howToFix { compareSections.append(section) }
        }

        let none = HTMLEscape.escape(text.text("values.none"))
        let commands = entry.commands.isEmpty ? none
            : text.list(entry.commands.map { $0 == "greeting" ? HTMLEscape.escape(text.command($0)) : "<code>\(HTMLEscape.escape($0))</code>" })
        let usedWith = entry.links.isEmpty ? none : text.list(entry.links.map { link -> String in
            let code = "<code dir=\"ltr\">\(HTMLEscape.escape(link.shown))</code>"
            guard let target = link.target else { return code }
            return "<a href=\"\(HTMLEscape.escape(linkURL(target)))\">\(code)</a>"
        })
        let variants = text.list(entry.variants.map { "<code dir=\"ltr\">\(HTMLEscape.escape($0))</code>" })
        // Sources are named in the language of the file that cites them, the default locale's.
        let sourceLang = locale == defaultLocale ? "" : " lang=\"\(defaultLocale)\""
        let sources = entry.sources.map {
            "<a href=\"\(HTMLEscape.escape($0.url))\"\(sourceLang)>\(HTMLEscape.escape($0.name))</a>"
        }.joined(separator: "<br>")
        let rfcs = entry.rfcs.isEmpty ? none : text.list(entry.rfcs.map { reference -> String in
            "<a href=\"\(HTMLEscape.escape(reference.url))\">\(HTMLEscape.escape(text.rfcName(reference)))</a>"
        })
        let statusLabel = text.text(entry.status.localeKey)
        let retryLabel = entry.retry.map { text.text($0.localeKey) } ?? ""
        let closesLabel = entry.closesConnection.map { text.text($0 ? "values.yes" : "values.no") } ?? ""

        // Facts a code of this kind does not have (an enhanced code's retry advice, which depends on
        // the class it is sent in) are left out rather than shown as "None".
        var facts: [TemplateValue] = [
            fact(text.text("facts.class"), HTMLEscape.escape(classLabel)),
            fact(text.text("facts.status"), HTMLEscape.escape(statusLabel)),
        ]
        if !variants.isEmpty { facts.append(fact(text.text("facts.variants"), variants)) }
        if entry.retry != nil { facts.append(fact(text.text("facts.retry"), HTMLEscape.escape(retryLabel))) }
        if entry.closesConnection != nil || !entry.commands.isEmpty { facts.append(fact(text.text("facts.commands"), commands)) }
        if entry.closesConnection != nil { facts.append(fact(text.text("facts.closes_connection"), HTMLEscape.escape(closesLabel))) }
        facts.append(fact(text.text("facts.rfcs"), rfcs))
        facts.append(fact(text.text("facts.used_with"), usedWith))
        if !sources.isEmpty { facts.append(fact(text.text("facts.sources"), sources)) }
        let object: TemplateObject = [
            "code": .text(entry.code),
            "title": .text(title),
            "title_lang": .text(titleLang),
            "summary": .text(summary),
            "summary_lang": .text(summaryLang),
            "url": .text(url),
            "path_name": .text(entry.pathName),
            "class_key": .text(entry.classKey),
            "class_range": .text(family.classRangeLabel(entry.classKey)),
            "family": .text(family.id),
            "class_label": .text(classLabel),
            "status": .text(entry.status.rawValue),
            "status_label": .text(statusLabel),
            "standard": .bool(entry.status == .standard || entry.status == .extension),
            "sections": .list(sections),
            "compare_sections": .list(compareSections),
            "full_page_link": .text(text.text("sentences.read_full_page", ["code": entry.code, "title": title])),
            "send_when": .text(sendWhen),
            "send_when_lang": .text(sendWhenLang),
            "sender_action": .text(senderAction),
            "sender_action_lang": .text(senderActionLang),
            "facts": .list(facts),
        ]
        return CodeFragment(entry: entry, title: title, titleLang: titleLang, summary: summary, summaryLang: summaryLang, url: url,
                            classLabel: classLabel, statusLabel: statusLabel, retryLabel: retryLabel, commandsHTML: commands,
                            closesLabel: closesLabel, rfcsHTML: rfcs, usedWithHTML: usedWith, variantsHTML: variants,
                            sendWhen: sendWhen, sendWhenLang: sendWhenLang, senderAction: senderAction,
                            senderActionLang: senderActionLang, object: object,
                            learnMoreText: text.text("sentences.learn_more_link", ["family": family.name, "code": entry.code, "title": title]),
                            differenceFacts: KeyDifferences.Facts(entry, text: text))
    }

    private static func fact(_ label: String, _ html: String) -> TemplateValue {
        .object(["label": .text(label), "html": .html(html)])
    }

    private static let sectionSchema: TemplateSchema = .object([
        "id": .text, "label": .text, "html": .html, "fallback": .flag, "fallback_lang": .text, "fallback_note": .text,
        "outdated_note": .text,
    ])

    static let objectSchema: TemplateSchema = .object([
        "code": .text, "title": .text, "title_lang": .text, "summary": .text, "summary_lang": .text, "url": .text, "path_name": .text,
        "class_key": .text, "class_range": .text, "family": .text, "class_label": .text, "status": .text, "status_label": .text, "standard": .flag,
        "sections": .list(sectionSchema), "compare_sections": .list(sectionSchema), "full_page_link": .text,
        "send_when": .text, "send_when_lang": .text, "sender_action": .text, "sender_action_lang": .text,
        "facts": .list(.object(["label": .text, "html": .html])),
    ])
}
