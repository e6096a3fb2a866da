/// A calendar day as content writes it, `2026-11-29`: when a code was first published and last
/// updated (front matter `published:` and `updated:`). Search engines read them from the article's
/// structured data and the sitemaps' `lastmod`. Days, not times: the build needs no clock and no time
/// zone, so the same content gives the same pages on any machine.
public struct ContentDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Only the ISO form `YYYY-MM-DD` of a day that exists (no 2026-02-30).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              year >= 1970, (1...12).contains(month), day >= 1, day <= Self.days(inMonth: month, of: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public var description: String {
        String(year) + "-" + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
    }

    public static func < (lhs: ContentDate, rhs: ContentDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Reads the field `key` when the front matter has it; a value that is not a day is an error at
    /// its line.
    static func read(_ key: String, from reader: inout FieldReader, diagnostics: inout DiagnosticList) -> (ContentDate, SourceLocation)? {
        guard let (text, location) = reader.string(key, diagnostics: &diagnostics) else { return nil }
        guard let date = ContentDate(text) else {
            diagnostics.error(location, "\(key): \"\(text)\" is not a date; write the day as YYYY-MM-DD, like 2026-11-29")
            return nil
        }
        return (date, location)
    }
}
