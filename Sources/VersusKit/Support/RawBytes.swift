#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension UnsafeRawBufferPointer {
    /// Whether these bytes begin with `prefix`, by `memcmp`. The generic `starts(with:)` walks two
    /// iterators a byte at a time; the link check asks this of 40 links on each of 90,000 pages.
    @inline(__always)
    func begins(with prefix: [UInt8], at offset: Int = 0) -> Bool {
        guard count - offset >= prefix.count else { return false }
        if prefix.isEmpty { return true }
        return prefix.withUnsafeBytes { memcmp(baseAddress! + offset, $0.baseAddress!, prefix.count) == 0 }
    }

    /// Where `byte` first occurs in `from..<to`, by `memchr`, which reads many bytes per step where a
    /// loop would branch on each (the link check looks through every page and every link with it).
    @inline(__always)
    func index(of byte: UInt8, from: Int, to: Int) -> Int? {
        guard from < to, let base = baseAddress, let found = memchr(base + from, Int32(byte), to - from) else { return nil }
        return base.distance(to: UnsafeRawPointer(found))
    }
}
