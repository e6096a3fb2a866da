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
                let escaped: [UInt8]
                switch byte {
                case UInt8(ascii: "\""): escaped = [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
                case UInt8(ascii: "\\"): escaped = [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case UInt8(ascii: "\n"): escaped = [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case UInt8(ascii: "\r"): escaped = [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                case UInt8(ascii: "\t"): escaped = [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0..<0x20:
                    let digits = Array("0123456789abcdef".utf8)
                    escaped = [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                               digits[Int(byte >> 4)], digits[Int(byte & 0xf)]]
                default: continue
                }
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                result += escaped
                start = index + 1
            }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        result.append(UInt8(ascii: "\""))
    }
}
