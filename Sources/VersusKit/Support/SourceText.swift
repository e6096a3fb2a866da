import Foundation

/// The text of a file an editor wrote, read the same way whatever their editor saved: a UTF-8
/// byte-order mark is dropped, and Windows (CRLF) and old Mac (CR) line endings become LF. Swift
/// reads "\r\n" as one Character, so a file left with CRLF would never split on "\n".
public enum SourceText {
    /// Where the first byte that is not UTF-8 stands (1-based line and column, counted in characters
    /// before it on that line).
    public struct InvalidUTF8: Error, Equatable {
        public var line: Int
        public var column: Int
    }

    public static func decode(_ data: Data) -> Result<String, InvalidUTF8> {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else { return .failure(firstInvalidByte(bytes)) }
        guard bytes.contains(UInt8(ascii: "\r")) else { return .success(text) }
        return .success(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"))
    }

    private static func firstInvalidByte(_ bytes: [UInt8]) -> InvalidUTF8 {
        var lineStart = 0
        var line = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            let end = index + length
            guard length > 0, end <= bytes.count, String(validating: bytes[index..<end], as: UTF8.self) != nil else {
                let column = (String(validating: bytes[lineStart..<index], as: UTF8.self)?.count ?? 0) + 1
                return InvalidUTF8(line: line, column: column)
            }
            if byte == UInt8(ascii: "\n") { line += 1; lineStart = end }
            index = end
        }
        return InvalidUTF8(line: line, column: 1)
    }
}
