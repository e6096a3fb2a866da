/// A 64-bit hash of file contents, stable across runs and platforms (unlike Swift's seeded Hasher).
/// It reads eight bytes per step and folds each word in with a 128-bit multiply (byte-at-a-time FNV
/// cost about 1 ns per byte), in four lanes for inputs of 64 bytes or more. It tells changed files
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
        // Long inputs (pages) are read 32 bytes per step into four independent lanes: one chain of
        // multiplies waits on the last, so a single lane ran at about 3 GB/s and hashing a build's
        // 1.9 GB of pages cost half a second of CPU. Inputs under 64 bytes (paths) take one lane.
        if bytes.count >= 64 {
            var lanes: (UInt64, UInt64, UInt64, UInt64) = (hash, hash ^ 0x5555_5555_5555_5555, hash ^ 0xaaaa_aaaa_aaaa_aaaa, ~hash)
            while offset + 32 <= bytes.count {
                lanes.0 = fold(lanes.0 ^ word(bytes, offset), multiplier)
                lanes.1 = fold(lanes.1 ^ word(bytes, offset + 8), multiplier)
                lanes.2 = fold(lanes.2 ^ word(bytes, offset + 16), multiplier)
                lanes.3 = fold(lanes.3 ^ word(bytes, offset + 24), multiplier)
                offset += 32
            }
            hash = fold(fold(fold(lanes.0 ^ lanes.1, multiplier) ^ lanes.2, multiplier) ^ lanes.3, multiplier)
        }
        while offset + 8 <= bytes.count {
            hash = fold(hash ^ word(bytes, offset), multiplier)
            offset += 8
        }
        var tail: UInt64 = 0
        for index in offset..<bytes.count { tail |= UInt64(bytes[index]) << (8 * UInt64(index - offset)) }
        return fold(fold(hash ^ tail, multiplier), 0xbf58_476d_1ce4_e5b9)
    }

    @inline(__always)
    private static func word(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    @inline(__always)
    private static func fold(_ value: UInt64, _ multiplier: UInt64) -> UInt64 {
        let product = value.multipliedFullWidth(by: multiplier)
        return product.high ^ product.low
    }
}
