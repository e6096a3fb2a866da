/// FNV-1a over length-prefixed values: stable across runs and platforms, unlike Swift's Hasher.
struct StableHasher {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine(_ text: String) {
        combine(text.utf8.count)
        for byte in text.utf8 { mix(byte) }
    }

    /// The same as `combine(String)` for that string's UTF-8.
    mutating func combine(utf8 bytes: [UInt8]) {
        combine(bytes.count)
        for byte in bytes { mix(byte) }
    }

    mutating func combine(_ number: Int) { combine(UInt64(bitPattern: Int64(number))) }

    mutating func combine(_ number: UInt64) {
        var rest = number
        for _ in 0..<8 { mix(UInt8(truncatingIfNeeded: rest)); rest >>= 8 }
    }

    private mutating func mix(_ byte: UInt8) {
        value ^= UInt64(byte)
        value = value &* 0x0000_0100_0000_01b3
    }
}
