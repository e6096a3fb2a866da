/// The comparison of two codes of a family (its URL: `SiteURLs.comparison`),
/// one canonical page per unordered pair with the lower code first. Everything here is composed from
/// the two codes' fragments; no Markdown is rendered per pair.
enum ComparisonPage: PageKind {
    static let template = "compare"
    static let scope = PageScope.family
    static let isIndexable = true

    /// Every pair, lower code first.
    static func pages(in family: Family?) -> [(first: Int, second: Int)] {
        let count = family?.codes.count ?? 0
        return (0..<count).flatMap { low in (low + 1..<count).map { (low, $0) } }
    }

    static func url(_ page: PageAddress, locale: String, _ urls: SiteURLs) -> String {
        urls.comparison(family: Int(page.family), first: Int(page.first), second: Int(page.second), locale)
    }

    static func isTranslated(_ page: PageAddress, locale: Int, _ status: TranslationStatus) -> Bool {
        status.comparison(family: Int(page.family), low: Int(page.first), high: Int(page.second), locale: locale)
    }

    static func dates(_ page: PageAddress, locale: Int, _ dates: ContentDates) -> ContentDates.Span? {
        dates.comparison(family: Int(page.family), first: Int(page.first), second: Int(page.second), locale: locale)
    }

    /// Both codes, the pair's curated note (its sections and its `confusion:` line), and in which
    /// locales the page is translated (its hreflang alternates).
    static func combineInputs(_ page: PageAddress, locale: Int, _ inputs: InputFingerprints, into hasher: inout StableHasher) {
        let family = Int(page.family), low = Int(page.first), high = Int(page.second)
        hasher.combine(inputs.codes[family][low][locale])
        hasher.combine(inputs.codes[family][high][locale])
        hasher.combine(inputs.pairNote(family: family, low: low, high: high))
        inputs.combineTranslatedLocales(page, kind: self, into: &hasher)
    }

    static let schema: TemplateSchema = .object(PageContexts.commonSchema.merging([
        "heading": .text, "summary": .text, "a": CodeFragmentBuilder.objectSchema, "b": CodeFragmentBuilder.objectSchema,
        "key_differences": .list(.object(["text": .text, "lang": .text])),
        "differences": .list(.object(["label": .text, "a_html": .html, "b_html": .html, "differs": .flag])),
        "pair_note_html": .html, "pair_note_lang": .text, "pair_note_fallback_note": .text,
        "curated_when_html": .html, "curated_when_lang": .text, "curated_when_fallback_note": .text,
        "when_to_use_intro": .text, "when_to_use": .list(PageContexts.codeLinkSchema),
        "which_you_will_see_intro": .text, "which_you_will_see": .list(PageContexts.codeLinkSchema),
        "has_sender_texts": .flag,
        "learn_more": .list(.object(["text": .text, "url": .text, "title_lang": .text])),
        "family_url": .text, "family_heading": .text,
    ]) { $1 })

    static func context(_ page: SitePlan.Page, _ state: RenderState, reads: Set<String>) -> TemplateObject {
        let pair = Pair(page, state)
        let (familyIndex, locale, text, family, a, b) = (pair.familyIndex, pair.locale, pair.locale.text, pair.family, pair.a, pair.b)
        let entryA = a.entry, entryB = b.entry
        let (titleLength, descriptionLength) = (state.content.config.titleLength, state.content.config.descriptionLength)
        let heading = title(text, family: family, a, b)

        let summary = a.classKey == b.classKey
            ? family.sentence("compare_summary_same_class", text,
                              ["code_a": a.code, "title_a": a.title, "code_b": b.code, "title_b": b.title, "class": a.classLabel])
            : family.sentence("compare_summary_different_class", text,
                              ["code_a": a.code, "title_a": a.title, "class_a": a.classLabel,
                               "code_b": b.code, "title_b": b.title, "class_b": b.classLabel])
        var retry = ""
        if let retryA = entryA.retry, let retryB = entryB.retry {
            if retryA != retryB {
                retry = text.text("sentences.compare_retry_differs",
                                  ["code_a": a.code, "retry_a": a.retryLabel, "code_b": b.code, "retry_b": b.retryLabel])
            } else if retryA != .notNeeded {
                retry = text.text("sentences.compare_retry_same", ["code_a": a.code, "code_b": b.code, "retry": a.retryLabel])
            }
        }

        // The curated note in this locale, else in the default locale (marked with its language).
        let pairKey = PairKey(low: entryA.code, high: entryB.code)
        let notes = state.markdown.pairNotes[familyIndex][pairKey]
        let noteLocale = notes?[text.code] != nil ? text.code : state.defaultLocale
        let note = notes?[noteLocale]
        let noteLang = noteLocale == text.code ? "" : noteLocale
        let confusions = family.pairNotes[pairKey]?.confusion ?? [:]
        let confusion = confusions[text.code].map { KeyDifferences.Item(text: $0) }
            ?? confusions[state.defaultLocale].map { KeyDifferences.Item(text: $0, lang: state.defaultLocale) }
        let keyDifferences = KeyDifferences.items(a, b, text: text, confusion: confusion)

        let titleValues: SentenceValues = ["family": family.name, "code_a": a.code, "title_a": a.title, "code_b": b.code, "title_b": b.title,
                           "shared_title": a.title == b.title ? a.title : ""]
        let descriptionValues = titleValues.merging(["summary": summary, "retry": retry])
        var object = PageContexts.common(state, page: page, reads: reads,
                            title: text.fitting("pages.compare_title", titleValues, limit: titleLength),
                            description: text.fitting("pages.compare_description", descriptionValues, limit: descriptionLength),
                            breadcrumbs: [PageContexts.homeCrumb(state, locale), PageContexts.familyCrumb(state, locale, familyIndex),
                                                       (a.code + " / " + b.code, state.urls.href(page.url))], isArticle: true)
        object["heading"] = .text(heading)
        object["summary"] = .text(summary)
        // Each code's column is the same on all of its comparisons in a locale: shared, by the code's place in the site.
        let (objectA, objectB) = (a.object, b.object)
        object["a"] = .shared(SharedValue(key: familyIndex << 20 | pair.low) { _ in .object(objectA) })
        object["b"] = .shared(SharedValue(key: familyIndex << 20 | pair.high) { _ in .object(objectB) })
        object["key_differences"] = .list(keyDifferences.map { .object(["text": .text($0.text), "lang": .text($0.lang)]) })

        func row(_ key: String, _ htmlA: String, _ htmlB: String) -> TemplateValue {
            .object(["label": .text(text.text(key)), "a_html": .html(htmlA), "b_html": .html(htmlB), "differs": .bool(htmlA != htmlB)])
        }
        // Rows neither code has a value for (retry advice between two enhanced codes) are left out.
        var differences: [TemplateValue] = [
            row("facts.class", HTMLEscape.escape(a.classLabel), HTMLEscape.escape(b.classLabel)),
            row("facts.status", HTMLEscape.escape(a.statusLabel), HTMLEscape.escape(b.statusLabel)),
        ]
        if !a.variantsHTML.isEmpty || !b.variantsHTML.isEmpty {
            differences.append(row("facts.variants", a.variantsHTML, b.variantsHTML))
        }
        if entryA.retry != nil || entryB.retry != nil {
            differences.append(row("facts.retry", HTMLEscape.escape(a.retryLabel), HTMLEscape.escape(b.retryLabel)))
        }
        if entryA.closesConnection != nil || entryB.closesConnection != nil || !entryA.commands.isEmpty || !entryB.commands.isEmpty {
            differences.append(row("facts.commands", a.commandsHTML, b.commandsHTML))
        }
        if entryA.closesConnection != nil || entryB.closesConnection != nil {
            differences.append(row("facts.closes_connection", HTMLEscape.escape(a.closesLabel), HTMLEscape.escape(b.closesLabel)))
        }
        differences.append(row("facts.rfcs", a.rfcsHTML, b.rfcsHTML))
        differences.append(row("facts.used_with", a.usedWithHTML, b.usedWithHTML))
        object["differences"] = .list(differences)

        // The note above each part of the curated note: that it is shown untranslated, or that its
        // translation is older than its original.
        let defaultName = state.content.config.locales[0].name
        let outdated = noteLang.isEmpty && text.code != state.defaultLocale
            ? family.pairNotes[pairKey].map { TranslationFreshness.outdatedParts($0, locale: text.code, defaultLocale: state.defaultLocale) } ?? []
            : []
        func translationNote(_ part: PairSectionID) -> String {
            guard note?[part] != nil else { return "" }
            if !noteLang.isEmpty { return text.text("fallback.not_translated", ["language": defaultName]) }
            return outdated.contains(part.rawValue) ? text.text("fallback.outdated", ["language": defaultName]) : ""
        }
        object["pair_note_html"] = .html(note?[.difference] ?? "")
        object["pair_note_lang"] = .text(note?[.difference] != nil ? noteLang : "")
        object["pair_note_fallback_note"] = .text(translationNote(.difference))
        object["curated_when_html"] = .html(note?[.whenToUseWhich] ?? "")
        object["curated_when_lang"] = .text(note?[.whenToUseWhich] != nil ? noteLang : "")
        object["curated_when_fallback_note"] = .text(translationNote(.whenToUseWhich))

        // The server operator's side (when each is sent) and the sender's (what each asks of them), from
        // each code's own short texts; a code without them is left out of the list.
        object["when_to_use_intro"] = .text(text.text("sentences.when_to_use_which_intro", ["code_a": a.code, "code_b": b.code]))
        object["when_to_use"] = .list([a.sendWhenLink, b.sendWhenLink].compactMap { $0 })
        object["which_you_will_see_intro"] = .text(text.text("sentences.which_you_will_see_intro", ["code_a": a.code, "code_b": b.code]))
        let senderTexts = [a.senderActionLink, b.senderActionLink].compactMap { $0 }
        object["which_you_will_see"] = .list(senderTexts)
        object["has_sender_texts"] = .bool(!senderTexts.isEmpty)
        object["learn_more"] = .list([a.learnMoreLink, b.learnMoreLink])
        object["family_url"] = .text(state.urls.href(state.urls.family(familyIndex, text.code)))
        object["family_heading"] = .text(family.heading(text))
        return object
    }

    static func title(_ text: LocaleText, family: Family, _ a: CodeFragment, _ b: CodeFragment) -> String {
        text.text("sentences.compare_title", ["family": family.name, "code_a": a.code, "title_a": a.title,
                                              "code_b": b.code, "title_b": b.title])
    }

    /// What both pages of a pair (the comparison and its reverse-order redirect) start from.
    struct Pair {
        let familyIndex: Int, low: Int, high: Int
        let locale: LocaleState
        let family: Family
        /// The lower code's fragment and the higher one's, in the page's locale.
        let a: CodeFragment, b: CodeFragment

        init(_ page: SitePlan.Page, _ state: RenderState) {
            familyIndex = Int(page.address.family)
            low = Int(page.address.first)
            high = Int(page.address.second)
            locale = state.locales[page.locale]
            family = state.content.families[familyIndex]
            a = locale.fragments[familyIndex][low]
            b = locale.fragments[familyIndex][high]
        }
    }
}
