/// The days each article page (a code page, a comparison) first appeared and last changed, in each
/// locale, from the content's `published:` and `updated:` fields. Made once per build, so neither the
/// pages nor the sitemaps look up strings to find them.
struct ContentDates: Sendable {
    struct Span: Sendable, Equatable {
        /// nil when the content does not say when the page appeared.
        var published: ContentDate?
        var modified: ContentDate
    }

    /// [family][code]
    private let published: [[ContentDate?]]
    /// [family][code][locale]: the latest of the code file's dates and its translation's.
    private let modified: [[[ContentDate?]]]
    /// [family][low * codeCount + high][locale]: the latest `updated:` of the pair's note in that
    /// locale and in the default locale (whose text a locale without its own shows).
    private let notes: [[Int: [ContentDate?]]]
    private let codeCounts: [Int]

    init(content: SiteContent) {
        let localeCodes = content.config.locales.map(\.code)
        let defaultLocale = content.config.defaultLocale
        published = content.families.map { $0.codes.map(\.published) }
        modified = content.families.map { family in
            family.codes.map { entry in
                let own = Self.latest(entry.updated, entry.published)
                return localeCodes.map { Self.latest(own, entry.translations[$0]?.updated) }
            }
        }
        codeCounts = content.families.map(\.codes.count)
        notes = content.families.map { family in
            let indexByCode = Dictionary(uniqueKeysWithValues: family.codes.enumerated().map { ($1.code, $0) })
            var table: [Int: [ContentDate?]] = [:]
            for note in family.pairNotes.values where !note.updated.isEmpty {
                guard let low = indexByCode[note.key.low], let high = indexByCode[note.key.high] else { continue }
                let (first, second) = low < high ? (low, high) : (high, low)
                table[first * family.codes.count + second] = localeCodes.map { Self.latest(note.updated[$0], note.updated[defaultLocale]) }
            }
            return table
        }
    }

    func code(family: Int, code: Int, locale: Int) -> Span? {
        guard let last = modified[family][code][locale] else { return nil }
        return Span(published: published[family][code], modified: last)
    }

    /// A comparison appeared once both codes had; it changes with either code and with its note. A
    /// code's last day is never before its first (the parser refuses that), so neither is the pair's.
    func comparison(family: Int, first: Int, second: Int, locale: Int) -> Span? {
        let (low, high) = first < second ? (first, second) : (second, first)
        let note = notes[family][low * codeCounts[family] + high]?[locale]
        guard let last = Self.latest(Self.latest(modified[family][low][locale], modified[family][high][locale]), note) else { return nil }
        var appeared: ContentDate?
        if let a = published[family][low], let b = published[family][high] { appeared = max(a, b) }
        return Span(published: appeared, modified: last)
    }

    /// What changes in the dates changes the pages and sitemaps that print them.
    func combine(into hasher: inout StableHasher) {
        for family in modified.indices {
            for code in modified[family].indices {
                hasher.combine(published[family][code]?.description ?? "-")
                for date in modified[family][code] { hasher.combine(date?.description ?? "-") }
            }
            for key in notes[family].keys.sorted() {
                hasher.combine(key)
                for date in notes[family][key]! { hasher.combine(date?.description ?? "-") }
            }
        }
    }

    private static func latest(_ a: ContentDate?, _ b: ContentDate?) -> ContentDate? {
        guard let a else { return b }
        guard let b else { return a }
        return max(a, b)
    }
}
