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
    private var starts: [Int32] = [0]
    /// Open addressing: each slot holds an entry index + 1, or 0 when empty.
    private var slots: [Int32]
    private var mask: Int

    /// - Parameters:
    ///   - capacity: how many paths are expected (more may be inserted; the table then grows);
    ///   - bytes: how many bytes they are expected to take together (the arena grows past it if needed).
    init(capacity: Int, bytes: Int? = nil) {
        var slotCount = 16
        while slotCount < capacity * 2 { slotCount *= 2 }
        slots = [Int32](repeating: 0, count: slotCount)
        mask = slotCount - 1
        starts.reserveCapacity(capacity + 1)
        arena.reserveCapacity(bytes ?? capacity * 64)
    }

    init<Paths: Collection>(_ paths: Paths) where Paths.Element == String {
        self.init(capacity: paths.count)
        for path in paths { insert(path) }
    }

    mutating func insert(_ path: String) {
        var path = path
        path.withUTF8 { insert(UnsafeRawBufferPointer($0)) }
    }

    var count: Int { starts.count - 1 }

    func contains(_ bytes: UnsafeRawBufferPointer) -> Bool { slot(of: bytes).found }

    /// The place of these bytes among the paths in the order they were inserted, or nil.
    func entry(of bytes: UnsafeRawBufferPointer) -> Int? {
        let (index, found) = slot(of: bytes)
        return found ? Int(slots[index]) - 1 : nil
    }

    /// Inserts the path when it is new; either way, its place in the order of insertion.
    mutating func insertEntry(_ bytes: UnsafeRawBufferPointer) -> Int {
        if let entry = entry(of: bytes) { return entry }
        insert(bytes)
        return count - 1
    }

    func contains(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { contains(UnsafeRawBufferPointer($0)) }
    }

    mutating func insert(_ bytes: UnsafeRawBufferPointer) {
        let (index, found) = slot(of: bytes)
        guard !found else { return }
        arena.append(contentsOf: bytes)
        starts.append(Int32(arena.count))
        slots[index] = Int32(starts.count - 1)
        if count * 2 > slots.count { grow() }
    }

    /// Doubles the table and places every entry again: the table stays at most half full, so a
    /// lookup finds an empty slot soon.
    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for entry in 1...count {
            let start = Int(starts[entry - 1]), end = Int(starts[entry])
            var index = arena.withUnsafeBytes { Int(truncatingIfNeeded: ContentHash.of(raw: UnsafeRawBufferPointer(rebasing: $0[start..<end]))) } & mask
            while slots[index] != 0 { index = (index + 1) & mask }
            slots[index] = Int32(entry)
        }
    }

    /// The slot that holds these bytes, or the empty slot where they would go.
    private func slot(of bytes: UnsafeRawBufferPointer) -> (index: Int, found: Bool) {
        var index = Int(truncatingIfNeeded: ContentHash.of(raw: bytes)) & mask
        while true {
            let entry = Int(slots[index])
            if entry == 0 { return (index, false) }
            let start = Int(starts[entry - 1]), end = Int(starts[entry])
            if end - start == bytes.count, arena.withUnsafeBytes({ arena in
                bytes.count == 0 || memcmp(arena.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0
            }) {
                return (index, true)
            }
            index = (index + 1) & mask
        }
    }
}
