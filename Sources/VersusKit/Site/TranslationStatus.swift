/// Which pages have their main text in their own language. A page whose body still falls back to the
/// default locale is not offered to search engines as that language: it is `noindex`, left out of its
/// locale's sitemap and of every page's hreflang alternates, and comes back once it is translated.
struct TranslationStatus: Sendable {
    /// [family][code][locale]: the code's page is translated (always true in the default locale).
    private let codes: [[[Bool]]]
    /// [family][low * code count + high][locale], for pairs with a curated note: whether it is translated.
    private let pairNotes: [[Int: [Bool]]]
    private let codeCounts: [Int]

    init(content: SiteContent) {
        let locales = content.config.locales.map(\.code)
        let defaultLocale = content.config.defaultLocale
        codes = content.families.map { family in
            family.codes.map { entry in locales.map { $0 == defaultLocale || Self.isTranslated(entry, locale: $0) } }
        }
        codeCounts = content.families.map(\.codes.count)
        pairNotes = content.families.map { family in
            let index = Dictionary(uniqueKeysWithValues: family.codes.enumerated().map { ($1.code, $0) })
            var notes: [Int: [Bool]] = [:]
            for (key, note) in family.pairNotes {
                guard let low = index[key.low], let high = index[key.high] else { continue }
                notes[low * family.codes.count + high] = locales.map { locale in
                    locale == defaultLocale || Self.isTranslated(note, locale: locale, defaultLocale: defaultLocale)
                }
            }
            return notes
        }
    }

    /// A code is translated when every text its page shows in prose is: each section, the title and
    /// summary, and the comparison texts (`send_when`, `sender_action`) comparisons show.
    static func isTranslated(_ entry: CodeEntry, locale: String) -> Bool {
        guard let translation = entry.translations[locale] else { return false }
        return entry.sections.keys.allSatisfy { translation.sections[$0] != nil }
            && translation.title != nil && translation.summary != nil
            && (entry.sendWhen == nil || translation.sendWhen != nil)
            && (entry.senderAction == nil || translation.senderAction != nil)
    }

    static func isTranslated(_ note: PairNote, locale: String, defaultLocale: String) -> Bool {
        guard let sections = note.sections[locale], let original = note.sections[defaultLocale] else { return false }
        return original.keys.allSatisfy { sections[$0] != nil }
            && (note.confusion[defaultLocale] == nil || note.confusion[locale] != nil)
    }

    func code(family: Int, code: Int, locale: Int) -> Bool { codes[family][code][locale] }

    /// A comparison is translated when both codes are, and the pair's note if it has one.
    func comparison(family: Int, low: Int, high: Int, locale: Int) -> Bool {
        codes[family][low][locale] && codes[family][high][locale] && (pairNotes[family][low * codeCounts[family] + high]?[locale] ?? true)
    }

    /// Everything, for the fingerprint of the files that list every page (the sitemaps).
    func combine(into hasher: inout StableHasher) {
        for family in codes { for code in family { for flag in code { hasher.combine(flag ? 1 : 0) } } }
        for family in pairNotes {
            for (pair, flags) in family.sorted(by: { $0.key < $1.key }) {
                hasher.combine(pair)
                for flag in flags { hasher.combine(flag ? 1 : 0) }
            }
        }
    }
}
