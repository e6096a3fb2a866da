/// The words of a code's page that the search box looks through: every prose section in the reader's
/// language (the default locale's where a section is not translated), as plain text. Example replies
/// and transcripts stay in, since they hold the strings people paste ("Relay access denied").
enum SearchText {
    static func of(_ rendered: RenderedSections, locale: String, defaultLocale: String) -> String {
        let own = rendered.html[locale] ?? [:]
        let base = rendered.html[defaultLocale] ?? [:]
        var parts: [String] = []
        for id in SectionID.allCases {
            if let html = own[id] ?? base[id] { parts.append(plain(html)) }
        }
        return parts.joined(separator: " ")
    }

    /// HTML from the Markdown renderer as text: tags dropped (each one a word break, so "</li><li>"
    /// does not glue two words), the five entities cmark writes decoded, runs of white space collapsed.
    /// Read scalar by scalar over the UTF-8 bytes: going character by character, with a String made of
    /// each, cost most of the time spent writing the search files.
    static func plain(_ html: String) -> String {
        var html = html
        return html.withUTF8 { bytes in
            var text: [UInt8] = []
            text.reserveCapacity(bytes.count)
            var inTag = false
            var pendingSpace = false
            var entity: [UInt8]? = nil
            var entityLength = 0
            func emit(_ piece: some Collection<UInt8>) {
                if pendingSpace && !text.isEmpty { text.append(UInt8(ascii: " ")) }
                pendingSpace = false
                text.append(contentsOf: piece)
            }
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                let scalar = bytes[index..<min(index + length, bytes.count)]
                index += length
                if inTag {
                    if lead == UInt8(ascii: ">") { inTag = false; pendingSpace = true }
                    continue
                }
                if let name = entity {
                    if lead == UInt8(ascii: ";") {
                        entity = nil
                        emit(decode(name))
                    } else if entityLength < 8 {
                        entity!.append(contentsOf: scalar)
                        entityLength += 1
                    } else {
                        entity = nil
                        emit([UInt8(ascii: "&")] + name + scalar)
                    }
                    continue
                }
                switch lead {
                case UInt8(ascii: "<"): inTag = true
                case UInt8(ascii: "&"): entity = []; entityLength = 0
                case _ where isWhitespace(scalar): pendingSpace = true
                default: emit(scalar)
                }
            }
            return String(decoding: text, as: UTF8.self)
        }
    }

    /// Unicode's White_Space scalars, as UTF-8 bytes.
    private static func isWhitespace(_ scalar: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let first = scalar[scalar.startIndex]
        switch scalar.count {
        case 1: return first == 0x20 || (0x09...0x0D).contains(first)
        case 2: return first == 0xC2 && (scalar[scalar.startIndex + 1] == 0x85 || scalar[scalar.startIndex + 1] == 0xA0)  // U+0085, U+00A0
        case 3:
            switch (first, scalar[scalar.startIndex + 1], scalar[scalar.startIndex + 2]) {
            case (0xE1, 0x9A, 0x80): return true  // U+1680
            // U+2000-200A, U+2028, U+2029, U+202F
            case (0xE2, 0x80, let last): return (0x80...0x8A).contains(last) || last == 0xA8 || last == 0xA9 || last == 0xAF
            case (0xE2, 0x81, 0x9F), (0xE3, 0x80, 0x80): return true  // U+205F, U+3000
            default: return false
            }
        default: return false
        }
    }

    private static func decode(_ name: [UInt8]) -> [UInt8] {
        switch String(decoding: name, as: UTF8.self) {
        case "amp": Array("&".utf8)
        case "lt": Array("<".utf8)
        case "gt": Array(">".utf8)
        case "quot": Array("\"".utf8)
        case "#39": Array("'".utf8)
        default: [UInt8(ascii: "&")] + name + [UInt8(ascii: ";")]
        }
    }
}
