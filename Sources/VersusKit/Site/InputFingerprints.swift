/// Fingerprints of what pages are made from, so a rebuild can skip a page without rendering it when
/// none of its inputs changed. They hash the loaded values (not file bytes), so editing one code's
/// description changes the pages that show that description and nothing else.
///
/// Every page depends on `global` (templates, site.yml, family files, the generator's version), on its
/// locale's strings and the default locale's (fallbacks), and on its URL. What else it shows, each
/// page kind says beside its view model (`PagePlanning.combineInputs`), from the parts below.
struct InputFingerprints: Sendable {
    static let generatorVersion = "versus-3"

    let global: UInt64
    /// [locale]: the locale's strings and the default locale's.
    let locales: [UInt64]
    /// [family][code][locale]: everything about a code as its page shows it.
    let codes: [[[UInt64]]]
    /// [family][locale]: what lists of codes show (numbers, titles, summaries, classes).
    let codeLists: [[UInt64]]
    /// [family][code][locale]: a code's title alone, as a redirect shows it.
    let titles: [[[UInt64]]]
    /// [family][low * codeCounts[family] + high]: the pair's curated note, 0 when it has none. Indexed
    /// rather than keyed by code numbers, so a page's fingerprint hashes no string to find it.
    private let pairNotes: [[UInt64]]
    private let codeCounts: [Int]
    let content: SiteContent
    /// Which pages are translated: their indexing and every page's hreflang alternates follow it.
    let translation: TranslationStatus
    /// When each article page appeared and changed: its JSON-LD and the sitemaps print them.
    let dates: ContentDates

    /// The per-locale and per-code fingerprints, which hash every text of the site, are taken on up to
    /// `jobs` threads: nothing else runs while they are made (the shipped site's validation phase went
    /// from 86 to 53 ms).
    init(content: SiteContent, templatesFingerprint: UInt64, jobs: Int) {
        self.content = content
        translation = TranslationStatus(content: content)
        dates = ContentDates(content: content)
        let config = content.config
        var hasher = StableHasher()
        hasher.combine(Self.generatorVersion)
        hasher.combine(templatesFingerprint)
        hasher.combine(config.baseURL)
        hasher.combine(config.defaultLocale)
        hasher.combine(config.titleLength); hasher.combine(config.descriptionLength)
        for locale in config.locales { hasher.combine(locale.code); hasher.combine(locale.name); hasher.combine(locale.rightToLeft ? 1 : 0) }
        for family in content.families {
            hasher.combine(family.id); hasher.combine(family.name); hasher.combine(family.codePattern)
            hasher.combine(family.classRange); hasher.combine(family.order)
            for (key, byLocale) in family.sentences.sorted(by: { $0.key < $1.key }) {
                hasher.combine(key)
                for (locale, sentence) in byLocale.sorted(by: { $0.key < $1.key }) { hasher.combine(locale); hasher.combine(sentence.source) }
            }
            for (field, names) in family.texts.sorted(by: { $0.key < $1.key }) {
                hasher.combine(field)
                for (locale, name) in names.sorted(by: { $0.key < $1.key }) { hasher.combine(locale); hasher.combine(name) }
            }
            for codeClass in family.classes {
                hasher.combine(codeClass.key)
                for (locale, name) in codeClass.names.sorted(by: { $0.key < $1.key }) { hasher.combine(locale); hasher.combine(name) }
            }
        }
        global = hasher.value

        let defaultStrings = content.locales[0]
        locales = ParallelMap.map(content.locales, jobs: jobs) { strings in
            var hasher = StableHasher()
            for source in [strings, defaultStrings] {
                for key in source.values.keys.sorted() {
                    hasher.combine(key)
                    switch source.values[key]! {
                    case .text(let sentence): hasher.combine(sentence.source)
                    case .plural(let forms):
                        for (category, sentence) in forms.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                            hasher.combine(category.rawValue); hasher.combine(sentence.source)
                        }
                    case .alternatives(let list):
                        hasher.combine(list.count)
                        for sentence in list { hasher.combine(sentence.source) }
                    }
                }
            }
            return hasher.value
        }

        let localeCodes = config.locales.map(\.code)
        codes = ParallelMap.map(groups: content.families.map(\.codes), jobs: jobs) { entry in
            localeCodes.map { Self.fingerprint(entry, locale: $0, content: content) }
        }
        codeLists = content.families.map { family in
            localeCodes.map { locale in
                var hasher = StableHasher()
                for entry in family.codes {
                    let translation = entry.translations[locale]
                    hasher.combine(entry.code); hasher.combine(entry.pathName); hasher.combine(entry.classKey)
                    hasher.combine(translation?.title ?? entry.title); hasher.combine(translation?.title == nil ? 0 : 1)
                    hasher.combine(translation?.summary ?? entry.summary); hasher.combine(translation?.summary == nil ? 0 : 1)
                }
                return hasher.value
            }
        }
        titles = content.families.map { family in
            family.codes.map { entry in
                localeCodes.map { locale in
                    var hasher = StableHasher()
                    hasher.combine(entry.translations[locale]?.title ?? entry.title)
                    hasher.combine(entry.translations[locale]?.title == nil ? 0 : 1)
                    return hasher.value
                }
            }
        }
        let notesByPair = content.families.map { family in
            family.pairNotes.mapValues { note in
                var hasher = StableHasher()
                for (locale, sections) in note.sections.sorted(by: { $0.key < $1.key }) {
                    hasher.combine(locale)
                    hasher.combine(note.confusion[locale] ?? "")
                    hasher.combine(note.updated[locale]?.description ?? "-")
                    for key in PairNote.keys { hasher.combine(note.recorded[locale]?[key]?.hash ?? "") }
                    for (id, section) in sections.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                        hasher.combine(id.rawValue); hasher.combine(section.markdown)
                    }
                }
                return hasher.value
            }
        }
        codeCounts = content.families.map(\.codes.count)
        pairNotes = zip(content.families, notesByPair).map { family, notes in
            var table = [UInt64](repeating: 0, count: family.codes.count * family.codes.count)
            for (low, first) in family.codes.enumerated() {
                for (high, second) in family.codes.enumerated() where low < high {
                    table[low * family.codes.count + high] = notes[PairKey(low: first.code, high: second.code)] ?? 0
                }
            }
            return table
        }
    }

    /// Sitemaps and robots.txt depend on the configuration and on every page's URL.
    var siteMapFingerprint: UInt64 {
        var hasher = StableHasher()
        hasher.combine(global)
        for family in content.families {
            hasher.combine(family.id)
            for entry in family.codes { hasher.combine(entry.pathName) }
        }
        translation.combine(into: &hasher)
        dates.combine(into: &hasher)
        return max(1, hasher.value)
    }

    /// The locales in which the page at this address is translated (what its alternates list).
    func combineTranslatedLocales(_ page: PageAddress, kind: any PagePlanning.Type, into hasher: inout StableHasher) {
        for locale in content.config.locales.indices { hasher.combine(kind.isTranslated(page, locale: locale, translation) ? 1 : 0) }
    }

    /// A locale's search index lists every code's number, title, summary, enhanced codes, provider tags
    /// and URL.
    func searchIndexFingerprint(locale: Int) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(global)
        for (index, family) in content.families.enumerated() {
            hasher.combine(codeLists[index][locale])
            for entry in family.codes {
                for code in entry.variants + ["|"] + entry.links.map(\.shown) { hasher.combine(code) }
                for tag in entry.providerTags { hasher.combine(tag.tag); hasher.combine(tag.provider) }
            }
        }
        return max(1, hasher.value)
    }

    /// A locale's search text holds every code's sections as that locale's code page shows them.
    func searchTextFingerprint(locale: Int) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(global)
        for family in codes { for values in family { hasher.combine(values[locale]) } }
        return max(1, hasher.value)
    }

    /// The pair's curated note (0 when it has none).
    func pairNote(family: Int, low: Int, high: Int) -> UInt64 {
        pairNotes[family][low * codeCounts[family] + high]
    }

    /// The fingerprint of one page's inputs; never 0 (0 means "unknown" in a manifest).
    func fingerprint(of page: SitePlan.Page, kind: any PagePlanning.Type) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(global)
        hasher.combine(locales[page.locale])
        hasher.combine(page.url)
        kind.combineInputs(page.address, locale: page.locale, self, into: &hasher)
        return max(1, hasher.value)
    }

    /// A code's own inputs in one locale, and the URLs of the codes of other families it links to.
    private static func fingerprint(_ entry: CodeEntry, locale: String, content: SiteContent) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(entry.code); hasher.combine(entry.title); hasher.combine(entry.slug); hasher.combine(entry.status.rawValue)
        hasher.combine(entry.summary); hasher.combine(entry.retry?.rawValue ?? "-")
        hasher.combine(entry.sendWhen ?? ""); hasher.combine(entry.senderAction ?? "")
        hasher.combine(entry.closesConnection.map { $0 ? 1 : 0 } ?? 2)
        for reference in entry.rfcs { hasher.combine(reference.number); hasher.combine(reference.section ?? "") }
        for value in entry.commands + ["|"] + entry.variants + ["|"] + entry.related { hasher.combine(value) }
        for source in entry.sources { hasher.combine(source.name); hasher.combine(source.url) }
        for link in entry.links {
            hasher.combine(link.shown)
            if let target = link.target {
                hasher.combine(content.families[target.family].id)
                hasher.combine(content.families[target.family].codes[target.code].pathName)
            }
        }
        for id in SectionID.allCases { hasher.combine(entry.sections[id]?.markdown ?? "") }
        hasher.combine(entry.published?.description ?? "-"); hasher.combine(entry.updated?.description ?? "-")
        if let translation = entry.translations[locale] {
            hasher.combine(translation.updated?.description ?? "-")
            hasher.combine(translation.title ?? ""); hasher.combine(translation.summary ?? "")
            hasher.combine(translation.sendWhen ?? ""); hasher.combine(translation.senderAction ?? "")
            for id in SectionID.allCases { hasher.combine(translation.sections[id]?.markdown ?? "") }
            // The recorded versions decide which sections say they are outdated.
            for key in CodeTranslation.keys { hasher.combine(translation.recorded[key]?.hash ?? "") }
        }
        return hasher.value
    }
}
