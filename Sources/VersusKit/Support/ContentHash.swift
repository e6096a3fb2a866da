/// A 64-bit hash of file contents, stable across runs and platforms (unlike Swift's seeded Hasher).
/// It reads eight bytes per step and folds each word in with a 128-bit multiply: byte-at-a-time FNV
/// cost about 1 ns per byte, a tenth of a second per build of 200 MB of pages. It tells changed files
/// from unchanged ones (together with the size); it is not meant to resist anyone forging collisions.
public enum ContentHash {
    public static func of(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { of(raw: $0) }
    }

    public static func of(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { of(raw: UnsafeRawBufferPointer($0)) }
    }

    public static func of(raw bytes: UnsafeRawBufferPointer) -> UInt64 {
        let multiplier: UInt64 = 0x9e37_79b9_7f4a_7c15
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            hash = fold(hash ^ word, multiplier)
            offset += 8
        }
        var tail: UInt64 = 0
        for index in offset..<bytes.count { tail |= UInt64(bytes[index]) << (8 * UInt64(index - offset)) }
        return fold(fold(hash ^ tail, multiplier), 0xbf58_476d_1ce4_e5b9)
    }

    private static func fold(_ value: UInt64, _ multiplier: UInt64) -> UInt64 {
        let product = value.multipliedFullWidth(by: multiplier)
        return product.high ^ product.low
    }
}
