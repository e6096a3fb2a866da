/// JSON string literals for the search index and structured data.
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
