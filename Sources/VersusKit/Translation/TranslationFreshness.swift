/// Whether each translated text still translates the current default-locale text: compares the
/// versions a translation recorded (`translated_from:`) with hashes of today's texts.
public enum TranslationFreshness {
    public enum State: Sendable, Equatable {
        /// Translated from the current text.
        case current
        /// The default locale's text changed after the translation was recorded.
        case outdated
        /// Translated, but no version was ever recorded: nothing tells whether it is current.
        case unrecorded
    }

    /// One translated text whose state is not `.current`, for `versus check --translations`.
    public struct Item: Sendable, Comparable {
        public var location: SourceLocation
        public var locale: String
        /// "550 description", "450-451 confusion"
        public var what: String
        public var state: State

        public static func < (lhs: Item, rhs: Item) -> Bool { lhs.location < rhs.location }
    }

    /// The default locale's text for a key of `CodeTranslation.keys`.
    static func source(_ entry: CodeEntry, _ key: String) -> String? {
        switch key {
        case "title": entry.title
        case "summary": entry.summary
        case "send_when": entry.sendWhen
        case "sender_action": entry.senderAction
        default: SectionID(rawValue: key).flatMap { entry.sections[$0]?.markdown }
        }
    }

    /// Whether the translation gives a text for the key.
    static func translated(_ translation: CodeTranslation, _ key: String) -> Bool {
        switch key {
        case "title": translation.title != nil
        case "summary": translation.summary != nil
        case "send_when": translation.sendWhen != nil
        case "sender_action": translation.senderAction != nil
        default: SectionID(rawValue: key).map { translation.sections[$0] != nil } ?? false
        }
    }

    /// The state of one translated text; nil when the key is not translated or has no source.
    static func state(recorded: RecordedVersion?, source: String?) -> State? {
        guard let source else { return nil }
        guard let recorded else { return .unrecorded }
        return recorded.hash == SourceVersion.hash(source) ? .current : .outdated
    }

    /// The sections of a code translation whose source changed after it was recorded (the page says so).
    static func outdatedSections(_ entry: CodeEntry, _ translation: CodeTranslation) -> Set<SectionID> {
        Set(translation.sections.keys.filter { id in
            state(recorded: translation.recorded[id.rawValue], source: entry.sections[id]?.markdown) == .outdated
        })
    }

    /// The pair note parts (`PairNote.keys`) translated in `locale` whose source changed since.
    static func outdatedParts(_ note: PairNote, locale: String, defaultLocale: String) -> Set<String> {
        Set(PairNote.keys.filter { key in
            guard note.locations[locale]?[key] != nil else { return false }
            return state(recorded: note.recorded[locale]?[key], source: pairSource(note, key, defaultLocale)) == .outdated
        })
    }

    static func pairSource(_ note: PairNote, _ key: String, _ defaultLocale: String) -> String? {
        if key == "confusion" { return note.confusion[defaultLocale] }
        return PairSectionID(rawValue: key).flatMap { note.sections[defaultLocale]?[$0]?.markdown }
    }

    /// Every translated text of the site that is outdated or unrecorded, in file order.
    public static func items(_ content: SiteContent) -> [Item] {
        let defaultLocale = content.config.defaultLocale
        var items: [Item] = []
        for family in content.families {
            for entry in family.codes {
                for (locale, translation) in entry.translations {
                    for key in CodeTranslation.keys where translated(translation, key) {
                        guard let state = state(recorded: translation.recorded[key], source: source(entry, key)), state != .current else { continue }
                        items.append(Item(location: location(translation, key), locale: locale, what: "\(entry.code) \(key)", state: state))
                    }
                }
            }
            for note in family.pairNotes.values {
                for (locale, locations) in note.locations where locale != defaultLocale {
                    for key in PairNote.keys {
                        guard let place = locations[key],
                              let state = state(recorded: note.recorded[locale]?[key], source: pairSource(note, key, defaultLocale)),
                              state != .current else { continue }
                        items.append(Item(location: headingOrField(place, key == "confusion"), locale: locale,
                                          what: "\(note.key.low)-\(note.key.high) \(key)", state: state))
                    }
                }
            }
        }
        return items.sorted()
    }

    /// Where an editor finds the text: a front matter field's line, or a section's heading.
    private static func location(_ translation: CodeTranslation, _ key: String) -> SourceLocation {
        if let id = SectionID(rawValue: key), let section = translation.sections[id] {
            return headingOrField(section.location, false)
        }
        return translation.fieldLocations[key] ?? translation.location
    }

    /// A section's text starts on the line after its heading.
    private static func headingOrField(_ location: SourceLocation, _ isField: Bool) -> SourceLocation {
        isField ? location : SourceLocation(file: location.file, line: max(1, location.line - 1), column: 1)
    }
}
