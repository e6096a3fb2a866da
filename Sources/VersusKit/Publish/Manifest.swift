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

    /// The same paths with nothing known about their bytes or inputs: every file is made and written
    /// again, and the paths still tell which files are stale.
    var distrusted: Manifest {
        Manifest(entries: entries.mapValues { _ in Entry(hash: 0, size: -1, inputs: 0) })
    }

    public static func load(from root: String) -> Manifest {
        guard let bytes = FileSystem.read(root + "/" + fileName) else { return Manifest() }
        var manifest = Manifest()
        manifest.entries.reserveCapacity(bytes.count / 80)
        // Parsed by hand from bytes: a manifest has a line per file, 100,000 lines for a large site.
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            guard bytes[lineStart] != UInt8(ascii: "#") else { continue }
            var fields: [Range<Int>] = []
            var fieldStart = lineStart
            for index in lineStart..<lineEnd where bytes[index] == 0x09 && fields.count < 3 {
                fields.append(fieldStart..<index)
                fieldStart = index + 1
            }
            fields.append(fieldStart..<lineEnd)
            guard fields.count == 4, let hash = parseNumber(bytes[fields[0]]), let size = parseNumber(bytes[fields[1]], radix: 10),
                  let inputs = parseNumber(bytes[fields[2]]) else { continue }
            let path = String(decoding: bytes[fields[3]], as: UTF8.self)
            manifest.entries[path] = Entry(hash: hash, size: Int(size), inputs: inputs)
        }
        return manifest
    }

    /// Lowercase hexadecimal (the default) or decimal digits; nil for anything else or too many.
    private static func parseNumber(_ digits: ArraySlice<UInt8>, radix: UInt64 = 16) -> UInt64? {
        guard !digits.isEmpty, digits.count <= 16 else { return nil }
        var value: UInt64 = 0
        for byte in digits {
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: digit = UInt64(byte - UInt8(ascii: "a") + 10)
            default: return nil
            }
            value = value &* radix &+ digit
        }
        return value
    }

    /// The manifest's first lines; `Publisher.writeManifest` writes the rest, a line per file.
    static let header = Array("""
        # Files written by versus build: content hash, size, inputs fingerprint, path. Do not edit: the next
        # build reads it to skip unchanged pages and to know which files it may remove.

        """.utf8)

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// One file's line, straight into bytes: a manifest has a line per file, 10 MB for 100,000 pages.
    static func appendLine(_ path: String, _ entry: Entry, to bytes: inout [UInt8]) {
        func hex(_ value: UInt64) {
            for shift in stride(from: 60, through: 0, by: -4) { bytes.append(hexDigits[Int((value >> UInt64(shift)) & 0xf)]) }
        }
        hex(entry.hash)
        bytes.append(UInt8(ascii: "\t"))
        bytes += String(entry.size).utf8
        bytes.append(UInt8(ascii: "\t"))
        hex(entry.inputs)
        bytes.append(UInt8(ascii: "\t"))
        bytes += path.utf8
        bytes.append(UInt8(ascii: "\n"))
    }
}
