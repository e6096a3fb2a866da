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
    /// What real servers (Gmail, Microsoft 365, Postfix...) mean by the code, with their exact strings.
    case providers
    case example
    case notes

    public var heading: String {
        switch self {
        case .description: "Description"
        case .whenYouSeeIt: "When you see it"
        case .howToFix: "How to fix"
        case .providers: "Provider variants"
        case .example: "Example"
        case .notes: "Notes"
        }
    }

    public var isRequired: Bool {
        switch self {
        case .description, .whenYouSeeIt, .howToFix: true
        case .providers, .example, .notes: false
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
    /// The server operator's side, for comparisons: in which situation a server sends this code.
    public var sendWhen: String?
    /// The sender's side, for comparisons: what a client or the person reading the bounce does next.
    public var senderAction: String?
    public var rfcs: [RFCReference]
    public var commands: [String]
    /// nil where the family's codes carry no advice of their own (an enhanced code's advice depends on
    /// the class it is sent in).
    public var retry: RetryAdvice?
    public var closesConnection: Bool?
    public var related: [String]
    /// The concrete codes this entry stands for, when its own code is a pattern: X.7.1 covers 4.7.1 and
    /// 5.7.1. Search and cross-links find the entry by any of them.
    public var variants: [String]
    /// Codes of other families it is sent with: the enhanced codes of a reply code (`5.1.1`), the reply
    /// codes of an enhanced code (`550`). Resolved into `links` once every family is loaded.
    public var usedWith: [String]
    var usedWithLocations: [SourceLocation]
    /// Documentation the file relies on beyond its RFCs (a provider's own pages).
    public var sources: [SourceLink]
    /// Providers' own tags for this reply (Yahoo's TSS04), which the bounce decoder recognises.
    public var providerTags: [ProviderTag] = []
    /// The day the code's page first appeared, and the day its content last changed (front matter
    /// `published:` and `updated:`); nil when the file does not say.
    public var published: ContentDate? = nil
    public var updated: ContentDate? = nil
    public var sections: [SectionID: MarkdownSection]
    public var translations: [String: CodeTranslation]
    public var location: SourceLocation
    var relatedLocations: [SourceLocation]
    /// The class this code belongs to, as the family's code pattern captures it (see `Family.classKey`).
    public var classKey: String
    /// The codes of other families this one links to, both the ones it names and the ones that name it.
    public var links: [CodeLink] = []

    /// The code's folder name: "251-user-not-local", "x-7-1-delivery-not-authorized-message-refused".
    public var pathName: String { Self.urlForm(code) + "-" + slug }

    /// A code as it appears in a URL: lower case, anything but letters and digits a hyphen.
    static func urlForm(_ code: String) -> String {
        String(code.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
    }
}

public struct SourceLink: Sendable, Hashable {
    public var name: String
    public var url: String
}

/// A link from a code to a code of another family: `shown` is what the page prints (the concrete
/// variant, like 5.1.1, where one matches), `family`/`code` index the target in `SiteContent`.
public struct CodeLink: Sendable, Hashable {
    public struct Target: Sendable, Hashable {
        public var family: Int
        public var code: Int
    }
    public var shown: String
    /// nil for a code no family of the site has a page for (a provider's own 5.7.606): shown, not linked.
    public var target: Target?
}

/// A locale's overrides for one code, from `CODE.LOCALE.md`. What it does not give falls back.
public struct CodeTranslation: Sendable {
    public var locale: String
    public var title: String?
    public var summary: String?
    public var sendWhen: String?
    public var senderAction: String?
    public var sections: [SectionID: MarkdownSection]
    public var location: SourceLocation
    /// Where each translated front matter field is ("summary": line 3), for reports about it.
    public var fieldLocations: [String: SourceLocation] = [:]
    /// The version of each default-locale text this translation was made from, by key (`keys`).
    public var recorded: [String: RecordedVersion] = [:]
    /// The day the translation last changed (front matter `updated:`), when it says.
    public var updated: ContentDate? = nil

    /// What a code translation translates, as `translated_from:` names it: its front matter texts, then
    /// its sections.
    public static let keys = CodeFileParser.translationFields + SectionID.allCases.map(\.rawValue)
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
    /// Where the family comes in the site's lists: lowest first, then by folder name.
    public var order: Int
    public var codePattern: String
    /// How a class is named in headings: "{class}xx" gives "5xx", "X.{class}.x" gives "X.7.x".
    public var classRange: String
    public var classes: [CodeClass]
    /// The family's own texts per locale ("heading", "description", "codes_label"), from family.yml.
    public var texts: [String: [String: String]]
    /// Sentences the family words its own way, by key without "sentences." ("code_class"), per locale.
    public var sentences: [String: [String: Sentence]]
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

    /// A family text in `locale`, else in `defaultLocale`; nil when family.yml does not give it.
    public func text(_ field: String, _ locale: String, defaultLocale: String) -> String? {
        texts[field].flatMap { $0[locale] ?? $0[defaultLocale] }
    }

    public func classRangeLabel(_ key: String) -> String {
        classRange.replacingOccurrences(of: "{class}", with: key)
    }

    /// The class of `code`: what the code pattern's first capture group matches, else the first
    /// character ("5" for 550 with `[2-5][0-9][0-9]`; "7" for X.7.1 with `X\\.([0-9])\\.[0-9]+`).
    static func classKey(of code: String, pattern: Regex<AnyRegexOutput>?) -> String {
        if let pattern, let match = try? pattern.wholeMatch(in: code), match.output.count > 1,
           let group = match.output[1].substring {
            return String(group)
        }
        return String(code.prefix(1))
    }
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
    /// Per locale code: the one-line reason people mix the two codes up (front matter `confusion:`),
    /// the last of the comparison's key differences.
    public var confusion: [String: String] = [:]
    public var location: SourceLocation
    /// Per locale code: where each translated part is, and the version of the default locale's text it
    /// was made from (keys: `keys`).
    public var locations: [String: [String: SourceLocation]] = [:]
    public var recorded: [String: [String: RecordedVersion]] = [:]
    /// Per locale code: the day that locale's note last changed (front matter `updated:`), when it says.
    public var updated: [String: ContentDate] = [:]

    public static let keys = ["confusion"] + PairSectionID.allCases.map(\.rawValue)
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
