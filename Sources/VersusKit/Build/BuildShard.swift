/// `versus build --shard I/N`: one of N builds that together write the whole site, each on its own
/// machine and into its own output folder, so that copying the N folders into one gives the same
/// bytes as a single build.
///
/// Every shard loads and validates the whole content and plans every page, so each knows every URL
/// (its links into other shards are checked against that plan). It renders only its own pages: those
/// whose output path hashes to it. A hash of the path, not the page's position in the plan, so that
/// adding a code or a locale moves no other page to another shard and each shard's incremental
/// rebuild keeps working. Shard 1 also writes what needs the whole site: sitemaps, search indexes,
/// the API, host files and assets.
public struct BuildShard: Sendable, Equatable, CustomStringConvertible {
    /// 1-based, as people count runners in a CI matrix.
    public let index: Int
    public let count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// "I/N", for example "2/4".
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    public static func problem(with text: String) -> String {
        "must be I/N with 1 ≤ I ≤ N, for example 2/4 (got \"\(text)\")"
    }

    public var description: String { "\(index)/\(count)" }

    /// Whether this shard writes the files made from the whole site and the assets.
    public var writesSiteFiles: Bool { index == 1 }

    /// Whether the page written to this output path belongs to this shard.
    public func contains(_ file: String) -> Bool {
        Self.shard(of: file, count: count) == index
    }

    /// The shard (1...count) of an output path.
    static func shard(of file: String, count: Int) -> Int {
        var hasher = StableHasher()
        hasher.combine(file)
        // FNV-1a's low bits follow the last bytes closely ("index.html" ends most paths), so the
        // value is mixed (splitmix64's finaliser) before it is reduced to a shard.
        var mixed = hasher.value
        mixed = (mixed ^ (mixed >> 30)) &* 0xbf58_476d_1ce4_e5b9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94d0_49bb_1331_11eb
        mixed ^= mixed >> 31
        return Int(mixed % UInt64(count)) + 1
    }
}
