import Foundation

/// Attribute values in HTML as the templates write it (double-quoted), found in one pass over the bytes.
enum HTMLLinks {
    /// Values of the named attributes (double-quoted, as the templates write them), in order, entities
    /// decoded.
    static func attributeValues(in html: String, names: [String]) -> [String] {
        attributes(in: html, names: names).map(\.value)
    }

    enum LinkAttribute { case href, src, id }

    /// Calls `visit` for every `href`, `src` and `id` attribute, in order, with the byte range of its
    /// value and whether the value holds an entity.
    static func scan(_ html: UnsafeRawBufferPointer, visit: (LinkAttribute, Range<Int>, Bool) -> Void) {
        forEachAttribute(in: html) { name, value, hasEntity in
            let attribute: LinkAttribute? = switch name.count {
            case 4 where html[name.lowerBound] == UInt8(ascii: "h") && html[name.lowerBound + 1] == UInt8(ascii: "r")
                && html[name.lowerBound + 2] == UInt8(ascii: "e") && html[name.lowerBound + 3] == UInt8(ascii: "f"): .href
            case 3 where html[name.lowerBound] == UInt8(ascii: "s") && html[name.lowerBound + 1] == UInt8(ascii: "r")
                && html[name.lowerBound + 2] == UInt8(ascii: "c"): .src
            case 2 where html[name.lowerBound] == UInt8(ascii: "i") && html[name.lowerBound + 1] == UInt8(ascii: "d"): .id
            default: nil
            }
            if let attribute { visit(attribute, value, hasEntity) }
        }
    }

    /// The named attributes with their values, in order, entities decoded.
    static func attributes(in html: String, names: [String]) -> [(name: String, value: String)] {
        var html = html
        let wanted = names.map { Array($0.utf8) }
        return html.withUTF8 { utf8 -> [(name: String, value: String)] in
            let bytes = UnsafeRawBufferPointer(utf8)
            var values: [(name: String, value: String)] = []
            forEachAttribute(in: bytes) { name, value, hasEntity in
                guard let match = wanted.firstIndex(where: { $0.elementsEqual(bytes[name]) }) else { return }
                let raw = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[value]), as: UTF8.self)
                values.append((names[match], hasEntity ? decode(raw) : raw))
            }
            return values
        }
    }

    /// Every double-quoted attribute (as the templates write them), with the byte ranges of its name and
    /// value. One pass over the bytes: at each `="`, the name is the run of letters and dashes before it.
    private static func forEachAttribute(in html: UnsafeRawBufferPointer, _ visit: (Range<Int>, Range<Int>, Bool) -> Void) {
        let count = html.count
        guard count > 1 else { return }
        // The first `byte` in start..<end, else `end`.
        func next(_ byte: UInt8, from start: Int, before end: Int? = nil) -> Int {
            let end = end ?? count
            return html.index(of: byte, from: start, to: end) ?? end
        }
        var index = next(UInt8(ascii: "="), from: 1)
        while index < count - 1 {
            guard html[index + 1] == UInt8(ascii: "\"") else { index = next(UInt8(ascii: "="), from: index + 1); continue }
            var nameStart = index
            while nameStart > 0, isNameByte(html[nameStart - 1]) { nameStart -= 1 }
            let valueStart = index + 2
            let valueEnd = next(UInt8(ascii: "\""), from: valueStart)
            let hasEntity = next(UInt8(ascii: "&"), from: valueStart, before: valueEnd) < valueEnd
            if nameStart > 0, nameStart < index, html[nameStart - 1] == UInt8(ascii: " ") {
                visit(nameStart..<index, valueStart..<valueEnd, hasEntity)
            }
            index = next(UInt8(ascii: "="), from: valueEnd + 1)
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || byte == UInt8(ascii: "-")
    }

    static func ids(in html: String) -> Set<String> {
        Set(attributeValues(in: html, names: ["id"]))
    }

    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
