#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A set of file paths that answers "is this one of them?" for UTF-8 bytes, without making a String.
/// The link check asks it hundreds of thousands of times per build; building a String and hashing it
/// with Swift's seeded hasher for every link cost more than scanning the page that held the link.
struct PathSet: Sendable {
    /// Every path's bytes, one after the other; entry i is `arena[starts[i]..<starts[i + 1]]`.
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
    /// Open addressing: each slot holds an entry index + 1, or 0 when empty.
    private var slots: [Int32]
    private let mask: Int

    init<Paths: Collection>(_ paths: Paths) where Paths.Element == String {
        var capacity = 16
        while capacity < paths.count * 2 { capacity *= 2 }
        slots = [Int32](repeating: 0, count: capacity)
        mask = capacity - 1
        for path in paths {
            var path = path
            path.withUTF8 { insert(UnsafeRawBufferPointer($0)) }
        }
    }

    var count: Int { starts.count - 1 }

    func contains(_ bytes: UnsafeRawBufferPointer) -> Bool { slot(of: bytes).found }

    func contains(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { contains(UnsafeRawBufferPointer($0)) }
    }

    private mutating func insert(_ bytes: UnsafeRawBufferPointer) {
        let (index, found) = slot(of: bytes)
        guard !found else { return }
        arena.append(contentsOf: bytes)
        starts.append(arena.count)
        slots[index] = Int32(starts.count - 1)
    }

    /// The slot that holds these bytes, or the empty slot where they would go.
    private func slot(of bytes: UnsafeRawBufferPointer) -> (index: Int, found: Bool) {
        var index = Int(truncatingIfNeeded: ContentHash.of(raw: bytes)) & mask
        while true {
            let entry = Int(slots[index])
            if entry == 0 { return (index, false) }
            let start = starts[entry - 1], end = starts[entry]
            if end - start == bytes.count, arena.withUnsafeBytes({ arena in
                bytes.count == 0 || memcmp(arena.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0
            }) {
                return (index, true)
            }
            index = (index + 1) & mask
        }
    }
}
