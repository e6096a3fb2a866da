/// How much of each locale is translated (labels, code titles, body sections, pair notes) and how much
/// of it is outdated. `versus check --translations` prints it; coverage never changes the exit status
/// (untranslated bodies fall back to the default locale, marked with its language, and are not indexed).
public struct TranslationCoverage: Sendable {
    public struct Row: Sendable {
        public var locale: String
        public var labels: (present: Int, total: Int)
        public var titles: (present: Int, total: Int)
        public var sections: (present: Int, total: Int)
        public var pairNotes: (present: Int, total: Int)
        /// Translated texts whose default-locale source changed after the translation was recorded.
        public var outdated: Int
        /// Translated texts with no recorded source version.
        public var unrecorded: Int
    }

    public var rows: [Row]
    /// Every outdated or unrecorded translated text, in file order.
    public var freshness: [TranslationFreshness.Item]

    public init(content: SiteContent) {
        let codes = content.families.flatMap(\.codes)
        let notes = content.families.flatMap { $0.pairNotes.values }
        let sectionTotal = codes.reduce(0) { $0 + $1.sections.count }
        freshness = TranslationFreshness.items(content)
        var outdated: [String: Int] = [:], unrecorded: [String: Int] = [:]
        for item in freshness {
            if item.state == .outdated { outdated[item.locale, default: 0] += 1 } else { unrecorded[item.locale, default: 0] += 1 }
        }
        rows = zip(content.config.locales, content.locales).map { info, strings in
            let isDefault = info.code == content.config.defaultLocale
            let labels = LocaleKeys.all.filter { strings.values[$0.name] != nil }.count
            let titles = isDefault ? codes.count : codes.filter { $0.translations[info.code]?.title != nil }.count
            let sections = isDefault ? sectionTotal : codes.reduce(0) { total, code in
                total + (code.translations[info.code]?.sections.keys.filter { code.sections[$0] != nil }.count ?? 0)
            }
            let notesPresent = isDefault ? notes.count : notes.filter { $0.sections[info.code] != nil }.count
            return Row(locale: info.code, labels: (labels, LocaleKeys.all.count), titles: (titles, codes.count),
                       sections: (sections, sectionTotal), pairNotes: (notesPresent, notes.count),
                       outdated: outdated[info.code] ?? 0, unrecorded: unrecorded[info.code] ?? 0)
        }
    }

    /// One line per outdated text, compiler style, so an editor can jump to it.
    public func outdatedLines() -> [String] {
        freshness.filter { $0.state == .outdated }.map {
            "\($0.location): outdated: the \($0.locale) translation of \($0.what); its source text changed after the translation was recorded (review it, then run `versus translations record \($0.location.file)`)"
        }
    }

    /// A plain-text table, one line per locale.
    public func table() -> String {
        func cell(_ value: (present: Int, total: Int)) -> String {
            let percent = value.total == 0 ? 100 : value.present * 100 / value.total
            return "\(value.present)/\(value.total) (\(percent)%)"
        }
        let header = ["locale", "labels", "code titles", "body sections", "pair notes", "outdated", "unrecorded"]
        let lines = rows.map {
            [$0.locale, cell($0.labels), cell($0.titles), cell($0.sections), cell($0.pairNotes), String($0.outdated), String($0.unrecorded)]
        }
        let widths = header.indices.map { column in ([header] + lines).map { $0[column].count }.max() ?? 0 }
        func format(_ cells: [String]) -> String {
            cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingWhitespace
        }
        return ([format(header)] + lines.map(format)).joined(separator: "\n")
    }
}
