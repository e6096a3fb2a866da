/// The per-locale search index (`search-index.json`, `tr/search-index.json`): a small JSON array the
/// search box loads on first use, so codes are found by number ("550"), enhanced code ("5.1.1") or
/// words of the title and summary, in the reader's language, with no external service.
enum SearchIndex {
    static func path(paths: SitePaths, locale: String) -> String {
        paths.localePrefix(locale) + "search-index.json"
    }

    static func json(state: RenderState, localeIndex: Int) -> [UInt8] {
        let locale = state.locales[localeIndex]
        var entries: [String] = []
        for (familyIndex, family) in state.content.families.enumerated() {
            for (codeIndex, entry) in family.codes.enumerated() {
                let fragment = locale.fragments[familyIndex][codeIndex]
                let enhanced = entry.enhanced.map(JSON.string).joined(separator: ",")
                entries.append("{\"code\":\(JSON.string(entry.code)),\"family\":\(JSON.string(family.name)),"
                               + "\"title\":\(JSON.string(fragment.title)),\"enhanced\":[\(enhanced)],"
                               + "\"keywords\":\(JSON.string(fragment.summary)),\"url\":\(JSON.string(fragment.url))}")
            }
        }
        return Array(("[\n" + entries.joined(separator: ",\n") + "\n]\n").utf8)
    }
}

public enum JSON {
    /// A JSON string literal. "<" is escaped too, so the text is also safe inside a `<script>` element.
    /// Works on UTF-8 bytes: everything that needs escaping is ASCII, and appending one Unicode scalar
    /// at a time was the costliest part of a page's structured data.
    public static func string(_ text: String) -> String {
        var text = text
        var result: [UInt8] = [UInt8(ascii: "\"")]
        text.withUTF8 { bytes in
            result.reserveCapacity(bytes.count + 8)
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "\""): result += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
                case UInt8(ascii: "\\"): result += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case UInt8(ascii: "\n"): result += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case UInt8(ascii: "\r"): result += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                case UInt8(ascii: "\t"): result += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0..<0x20:
                    let digits = Array("0123456789abcdef".utf8)
                    result += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                               digits[Int(byte >> 4)], digits[Int(byte & 0xf)]]
                default: result.append(byte)
                }
            }
        }
        result.append(UInt8(ascii: "\""))
        return String(decoding: result, as: UTF8.self)
    }
}
