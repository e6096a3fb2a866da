/// JSON string literals for the search index and structured data.
public enum JSON {
    /// A JSON string literal. "<" is escaped too, so the text is also safe inside a `<script>` element.
    /// Works on UTF-8 bytes: everything that needs escaping is ASCII, and appending one Unicode scalar
    /// at a time was the costliest part of a page's structured data.
    public static func string(_ text: String) -> String {
        var result: [UInt8] = []
        append(text, to: &result)
        return String(decoding: result, as: UTF8.self)
    }

    /// `string(text)`, appended to bytes being built.
    static func append(_ text: String, to result: inout [UInt8]) {
        var text = text
        result.append(UInt8(ascii: "\""))
        text.withUTF8 { bytes in
            result.reserveCapacity(result.count + bytes.count + 8)
            var start = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                // Most bytes need nothing: they are copied in runs.
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "<")
                    || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") else { continue }
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                start = index + 1
                switch byte {
                case UInt8(ascii: "\""): result += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
                case UInt8(ascii: "\\"): result += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case UInt8(ascii: "\n"): result += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case UInt8(ascii: "\r"): result += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                case UInt8(ascii: "\t"): result += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                default:
                    let digits = Array("0123456789abcdef".utf8)
                    result += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                               digits[Int(byte >> 4)], digits[Int(byte & 0xf)]]
                }
            }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        result.append(UInt8(ascii: "\""))
    }
}
