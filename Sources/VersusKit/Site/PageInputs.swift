/// A fingerprint of everything each page is made from, so a rebuild can skip a page without rendering
/// it when none of its inputs changed. Fingerprints hash the loaded values (not file bytes), so editing
/// one code's description changes the pages that show that description and nothing else.
///
/// What each page depends on:
/// - every page: the templates, site.yml, the family files, this locale's strings and the default
///   locale's (fallbacks), and the generator's version;
/// - home, family index, 404: the list of codes (numbers, titles, summaries, classes) in the locale;
/// - a code page: that code in the locale, and the list of codes (its comparisons and related links);
/// - a comparison: both codes in the locale and the pair's curated note;
/// - a reverse redirect: both codes' titles in the locale.
struct PageInputs: Sendable {
    static let generatorVersion = "versus-1"

    private let global: UInt64
    private let locales: [UInt64]
    /// [family][code][locale]
    private let codes: [[[UInt64]]]
    /// [family][locale]: what lists of codes show.
    private let codeLists: [[UInt64]]
    /// [family][code][locale]: a code's title as a redirect shows it.
    private let titles: [[[UInt64]]]
    /// [family][low * codeCounts[family] + high]: the pair's curated note, 0 when it has none. Indexed
    /// rather than keyed by code numbers, so a page's fingerprint hashes no string to find it.
    private let pairNotes: [[UInt64]]
    private let codeCounts: [Int]
    private let content: SiteContent

    init(content: SiteContent, templatesFingerprint: UInt64) {
        self.content = content
        let config = content.config
        var hasher = StableHasher()
        hasher.combine(Self.generatorVersion)
        hasher.combine(templatesFingerprint)
        hasher.combine(config.baseURL)
        hasher.combine(config.defaultLocale)
        for locale in config.locales { hasher.combine(locale.code); hasher.combine(locale.name); hasher.combine(locale.rightToLeft ? 1 : 0) }
        for family in content.families {
            hasher.combine(family.id); hasher.combine(family.name); hasher.combine(family.codePattern)
            for codeClass in family.classes {
                hasher.combine(codeClass.key)
                for (locale, name) in codeClass.names.sorted(by: { $0.key < $1.key }) { hasher.combine(locale); hasher.combine(name) }
            }
        }
        global = hasher.value

        let defaultStrings = content.locales[0]
        locales = content.locales.map { strings in
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
                    }
                }
            }
            return hasher.value
        }

        let localeCodes = config.locales.map(\.code)
        codes = content.families.map { family in
            family.codes.map { entry in localeCodes.map { Self.fingerprint(entry, locale: $0) } }
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
        return max(1, hasher.value)
    }

    /// A locale's search index lists every code's number, title, summary, enhanced codes and URL.
    func searchIndexFingerprint(locale: Int) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(global)
        for (index, family) in content.families.enumerated() {
            hasher.combine(codeLists[index][locale])
            for entry in family.codes { for code in entry.enhanced { hasher.combine(code) } }
        }
        return max(1, hasher.value)
    }

    /// The fingerprint of one page's inputs; never 0 (0 means "unknown" in a manifest).
    func fingerprint(of page: SitePlan.Page) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(global)
        hasher.combine(locales[page.locale])
        hasher.combine(page.url)
        switch page.kind {
        case .home, .notFound:
            for list in codeLists { hasher.combine(list[page.locale]) }
        case .family(let family):
            hasher.combine(codeLists[family][page.locale])
        case .code(let family, let code):
            hasher.combine(codes[family][code][page.locale])
            hasher.combine(codeLists[family][page.locale])
        case .reverseRedirect(let family, let low, let high):
            // A redirect shows only the two titles.
            hasher.combine(titles[family][low][page.locale])
            hasher.combine(titles[family][high][page.locale])
        case .comparison(let family, let low, let high):
            hasher.combine(codes[family][low][page.locale])
            hasher.combine(codes[family][high][page.locale])
            hasher.combine(pairNotes[family][low * codeCounts[family] + high])
        }
        return max(1, hasher.value)
    }

    private static func fingerprint(_ entry: CodeEntry, locale: String) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(entry.code); hasher.combine(entry.title); hasher.combine(entry.slug); hasher.combine(entry.status.rawValue)
        hasher.combine(entry.summary); hasher.combine(entry.retry.rawValue); hasher.combine(entry.closesConnection ? 1 : 0)
        for reference in entry.rfcs { hasher.combine(reference.number); hasher.combine(reference.section ?? "") }
        for value in entry.commands + ["|"] + entry.enhanced + ["|"] + entry.related { hasher.combine(value) }
        for id in SectionID.allCases { hasher.combine(entry.sections[id]?.markdown ?? "") }
        if let translation = entry.translations[locale] {
            hasher.combine(translation.title ?? ""); hasher.combine(translation.summary ?? "")
            for id in SectionID.allCases { hasher.combine(translation.sections[id]?.markdown ?? "") }
        }
        return hasher.value
    }
}

/// FNV-1a over length-prefixed values: stable across runs and platforms, unlike Swift's Hasher.
struct StableHasher {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine(_ text: String) {
        combine(text.utf8.count)
        for byte in text.utf8 { mix(byte) }
    }

    mutating func combine(_ number: Int) { combine(UInt64(bitPattern: Int64(number))) }

    mutating func combine(_ number: UInt64) {
        var rest = number
        for _ in 0..<8 { mix(UInt8(truncatingIfNeeded: rest)); rest >>= 8 }
    }

    private mutating func mix(_ byte: UInt8) {
        value ^= UInt64(byte)
        value = value &* 0x0000_0100_0000_01b3
    }
}
