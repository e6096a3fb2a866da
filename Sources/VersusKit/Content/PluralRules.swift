/// CLDR plural categories for whole numbers, per language. Only integer counts occur in generated text
/// (numbers of codes, of comparisons), so the integer rules of CLDR's plurals.xml are enough.
public enum PluralCategory: String, Sendable, CaseIterable {
    case zero, one, two, few, many, other
}

public enum PluralRules {
    /// The categories a language uses; a plural string in a locale file must give each of them.
    public static func categories(for locale: String) -> [PluralCategory] {
        switch language(locale) {
        case "ja", "ko", "zh", "id", "vi", "th": [.other]
        case "ru", "uk": [.one, .few, .many, .other]
        case "pl": [.one, .few, .many, .other]
        case "ar": [.zero, .one, .two, .few, .many, .other]
        case "fr", "pt", "it", "es": [.one, .many, .other]
        default: [.one, .other]
        }
    }

    public static func category(for count: Int, locale: String) -> PluralCategory {
        let n = abs(count)
        let mod10 = n % 10, mod100 = n % 100
        switch language(locale) {
        case "ja", "ko", "zh", "id", "vi", "th":
            return .other
        case "ru", "uk":
            if mod10 == 1 && mod100 != 11 { return .one }
            if (2...4).contains(mod10) && !(12...14).contains(mod100) { return .few }
            return .many
        case "pl":
            if n == 1 { return .one }
            if (2...4).contains(mod10) && !(12...14).contains(mod100) { return .few }
            return .many
        case "ar":
            if n == 0 { return .zero }
            if n == 1 { return .one }
            if n == 2 { return .two }
            if (3...10).contains(mod100) { return .few }
            if (11...99).contains(mod100) { return .many }
            return .other
        case "fr":
            if n == 0 || n == 1 { return .one }
            return n != 0 && n % 1_000_000 == 0 ? .many : .other
        case "pt":
            // CLDR: European and Brazilian Portuguese both treat 0 and 1 as "one" for integers (i = 0,1).
            if n == 0 || n == 1 { return .one }
            return n != 0 && n % 1_000_000 == 0 ? .many : .other
        case "it", "es":
            if n == 1 { return .one }
            return n != 0 && n % 1_000_000 == 0 ? .many : .other
        case "hi":
            return n == 0 || n == 1 ? .one : .other
        default:
            return n == 1 ? .one : .other
        }
    }

    private static func language(_ locale: String) -> String {
        String(locale.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "")
    }
}
