import Foundation

/// The list of files a build wrote, kept in the output folder as `.versus-manifest`. The next build
/// uses it to skip files whose bytes did not change and to remove only files that it wrote itself.
public struct Manifest: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        /// Of the file's bytes.
        public var hash: UInt64
        public var size: Int
        /// Of the inputs the page was rendered from (0: not a page, or unknown).
        public var inputs: UInt64 = 0

        func sameBytes(as other: Entry) -> Bool { hash == other.hash && size == other.size }
    }

    public static let fileName = ".versus-manifest"
    public var entries: [String: Entry] = [:]

    public init(entries: [String: Entry] = [:]) { self.entries = entries }

    public static func load(from root: String) -> Manifest {
        guard let data = FileManager.default.contents(atPath: root + "/" + fileName),
              let text = String(data: data, encoding: .utf8) else { return Manifest() }
        var manifest = Manifest()
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", maxSplits: 3)
            guard fields.count == 4, let hash = UInt64(fields[0], radix: 16), let size = Int(fields[1]),
                  let inputs = UInt64(fields[2], radix: 16) else { continue }
            manifest.entries[String(fields[3])] = Entry(hash: hash, size: size, inputs: inputs)
        }
        return manifest
    }

    /// Sorted by path, so the manifest itself is deterministic.
    public func serialized() -> [UInt8] {
        var text = "# Files written by versus build: content hash, size, inputs fingerprint, path. Do not edit: the next\n"
            + "# build reads it to skip unchanged pages and to know which files it may remove.\n"
        func hex(_ value: UInt64) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        for path in entries.keys.sorted() {
            let entry = entries[path]!
            text += hex(entry.hash) + "\t" + String(entry.size) + "\t" + hex(entry.inputs) + "\t" + path + "\n"
        }
        return Array(text.utf8)
    }
}

/// 64-bit FNV-1a: fast, stable across runs and platforms (unlike Swift's seeded Hasher).
enum ContentHash {
    static func of<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
