/// HTML escaping on UTF-8 bytes, for templates, sitemaps and generated HTML alike.
enum HTMLEscape {
    /// Escapes the five characters that matter in HTML text and attribute values, byte by byte (all
    /// five are ASCII, so UTF-8 sequences pass through untouched).
    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            let count = bytes.count
            var start = 0
            var index = 0
            while index < count {
                // Eight bytes at a time while none of them needs escaping, which is nearly all text.
                while index + 8 <= count, !anyNeedsEscaping(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                }
                let end = min(index + 8, count)
                while index < end {
                    if let replacement = replacement(for: bytes[index]) {
                        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                        output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                        start = index + 1
                    }
                    index += 1
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }

    /// Whether any of eight bytes is one `append` replaces: for each of the five, a byte equal to it
    /// becomes zero after an XOR, and `(v - 0x01…) & ~v & 0x80…` is non-zero exactly when some byte of
    /// `v` is zero. A yes only sends the eight bytes to the byte-by-byte loop.
    @inline(__always)
    private static func anyNeedsEscaping(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func zeroByte(_ byte: UInt8) -> UInt64 {
            let value = word ^ (ones &* UInt64(byte))
            return (value &- ones) & ~value & highs
        }
        return zeroByte(UInt8(ascii: "&")) | zeroByte(UInt8(ascii: "<")) | zeroByte(UInt8(ascii: ">"))
            | zeroByte(UInt8(ascii: "\"")) | zeroByte(UInt8(ascii: "'")) != 0
    }

    /// What `append` writes for this byte, or nil when the byte stays as it is.
    static func replacement(for byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }

    /// Whether `append` replaces this byte.
    static func needsEscaping(_ byte: UInt8) -> Bool { replacement(for: byte) != nil }

    static func escape(_ text: String) -> String {
        var output: [UInt8] = []
        append(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }
}
