/// The content model: plain values that remember their source file and line.

public enum CodeStatus: String, Sendable, CaseIterable {
    case standard
    case `extension`
    case deprecated
    case registryOnly = "registry-only"
    case nonStandard = "non-standard"

    var localeKey: String {
        switch self {
        case .standard: "status.standard"
        case .extension: "status.extension"
        case .deprecated: "status.deprecated"
        case .registryOnly: "status.registry_only"
        case .nonStandard: "status.non_standard"
        }
    }
}

/// What a client should do after the reply.
public enum RetryAdvice: String, Sendable, CaseIterable {
    /// A positive reply: nothing to retry.
    case notNeeded = "not-needed"
    /// A transient failure: retry later, with backoff.
    case later
    /// Retry only after something has been changed (credentials, command syntax...).
    case afterFix = "after-fix"
    /// A permanent failure: do not send the same message again.
    case never

    var localeKey: String {
        switch self {
        case .notNeeded: "retry.not_needed"
        case .later: "retry.later"
        case .afterFix: "retry.after_fix"
        case .never: "retry.never"
        }
    }
}

public struct RFCReference: Sendable, Hashable {
    public var number: Int
    /// "4.2.2", or "appendix-D" style anchors as rfc-editor.org writes them; nil links the whole RFC.
    public var section: String?

    public var url: String {
        let base = "https://www.rfc-editor.org/rfc/rfc\(number)"
        guard let section else { return base }
        if section.first?.isNumber == true { return base + "#section-" + section }
        return base + "#" + section
    }
}

/// The prose sections of a code, in page order. Files name them with these English headings
/// (or with the file's own locale label for them).
public enum SectionID: String, Sendable, CaseIterable, Hashable {
    case description
    case whenYouSeeIt = "when_you_see_it"
    case howToFix = "how_to_fix"
    case example
    case notes

    public var heading: String {
        switch self {
        case .description: "Description"
        case .whenYouSeeIt: "When you see it"
        case .howToFix: "How to fix"
        case .example: "Example"
        case .notes: "Notes"
        }
    }

    public var isRequired: Bool {
        switch self {
        case .description, .whenYouSeeIt, .howToFix: true
        case .example, .notes: false
        }
    }

    var localeKey: String { "sections." + rawValue }
    /// The HTML id of the section on a code page, also the `#fragment` links use.
    public var anchor: String { rawValue.replacingOccurrences(of: "_", with: "-") }
}

public struct MarkdownSection: Sendable {
    public var markdown: String
    public var location: SourceLocation
}

public struct CodeEntry: Sendable {
    public var family: String
    public var code: String
    public var title: String
    public var slug: String
    public var status: CodeStatus
    public var summary: String
    public var rfcs: [RFCReference]
    public var commands: [String]
    public var enhanced: [String]
    public var retry: RetryAdvice
    public var closesConnection: Bool
    public var related: [String]
    public var sections: [SectionID: MarkdownSection]
    public var translations: [String: CodeTranslation]
    public var location: SourceLocation
    var relatedLocations: [SourceLocation]

    /// The class digit: the first character of the code ("5" for 550, "4" for 4.7.1).
    public var classKey: String { String(code.prefix(1)) }
    public var pathName: String { code + "-" + slug }
}

/// A locale's overrides for one code, from `CODE.LOCALE.md`. What it does not give falls back.
public struct CodeTranslation: Sendable {
    public var locale: String
    public var title: String?
    public var summary: String?
    public var sections: [SectionID: MarkdownSection]
    public var location: SourceLocation
}

public struct CodeClass: Sendable {
    public var key: String
    /// Name per locale code.
    public var names: [String: String]
    public var location: SourceLocation
}

public struct Family: Sendable {
    public var id: String
    public var name: String
    public var codePattern: String
    public var classes: [CodeClass]
    public var codes: [CodeEntry]
    public var pairNotes: [PairKey: PairNote]
    public var location: SourceLocation
    /// Codes whose file is there but could not be read (its errors are reported): other files that
    /// name them are not reported again, so one typo gives one error, not one per mention.
    var unreadableCodes: Set<String> = []
    /// How many errors each unreadable code kept from being reported, told with its own error.
    var errorsFollowing: [String: Int] = [:]

    /// Whether a mention of `code` would only repeat that its file could not be read; counts it if so.
    mutating func followsFromUnreadable(_ code: String) -> Bool {
        guard unreadableCodes.contains(code) else { return false }
        errorsFollowing[code, default: 0] += 1
        return true
    }

    public func codeClass(_ key: String) -> CodeClass? { classes.first { $0.key == key } }
}

public struct PairKey: Sendable, Hashable, Comparable {
    public var low: String
    public var high: String

    public static func < (lhs: PairKey, rhs: PairKey) -> Bool {
        CodeOrder.less(lhs.low, rhs.low) || (lhs.low == rhs.low && CodeOrder.less(lhs.high, rhs.high))
    }
}

public enum PairSectionID: String, Sendable, CaseIterable {
    case difference
    case whenToUseWhich = "when_to_use_which"

    public var heading: String {
        switch self {
        case .difference: "Difference"
        case .whenToUseWhich: "When to use which"
        }
    }
}

/// A curated comparison written by an editor, from `pairs/A-B.md` (and `pairs/A-B.LOCALE.md`).
public struct PairNote: Sendable {
    public var key: PairKey
    /// Sections per locale code.
    public var sections: [String: [PairSectionID: MarkdownSection]]
    public var location: SourceLocation
}

public struct SiteContent: Sendable {
    public var config: SiteConfig
    /// In site order: the default locale first.
    public var locales: [LocaleStrings]
    public var families: [Family]
}

/// Codes sort by their numbers, part by part: 251 < 551, 4.2.2 < 4.10.1.
public enum CodeOrder {
    public static func less(_ a: String, _ b: String) -> Bool {
        let partsA = a.split(whereSeparator: { !$0.isNumber }).map { Int($0) ?? 0 }
        let partsB = b.split(whereSeparator: { !$0.isNumber }).map { Int($0) ?? 0 }
        if partsA != partsB { return partsA.lexicographicallyPrecedes(partsB) }
        return a < b
    }
}

enum Slug {
    /// "User Not Local" -> "user-not-local", "Über Café" -> "uber-cafe". ASCII only, so URLs stay
    /// plain in every locale: Latin letters lose their accents or are spelt out (ß -> ss, æ -> ae);
    /// anything else (other scripts, punctuation) separates words. A title in another script gives
    /// an empty slug, which the loader reports (such a code needs `slug:`).
    static func make(_ title: String) -> String {
        var slug = ""
        var pendingDash = false
        for character in title.lowercased() {
            let letters = spelledOut[character] ?? asciiBase(of: character)
            if letters.isEmpty {
                pendingDash = true
                continue
            }
            if pendingDash && !slug.isEmpty { slug.append("-") }
            slug += letters
            pendingDash = false
        }
        return slug
    }

    /// Latin letters that are not an ASCII letter plus accents.
    private static let spelledOut: [Character: String] = [
        "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ŋ": "n", "ħ": "h",
    ]

    /// The ASCII letters and digits of a character once accents are taken apart (é -> e + accent).
    private static func asciiBase(of character: Character) -> String {
        var result = ""
        for scalar in String(character).decomposedStringWithCanonicalMapping.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else if !(0x0300...0x036F).contains(scalar.value) {
                return ""  // not a Latin letter with accents: a separator
            }
        }
        return result
    }

    static func isValid(_ slug: String) -> Bool {
        !slug.isEmpty && !slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--")
            && slug.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
