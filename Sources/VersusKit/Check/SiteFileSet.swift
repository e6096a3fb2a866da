#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every file of a site, for the link check, with the pages of the locales folded together: a path
/// that starts with a locale's folder ("de/compare/smtp/250-vs-251/index.html") is kept as the rest of
/// the path once, with one bit per locale that has it. Every page links to itself in every locale (its
/// language menu and its hreflang alternates, 36 links on an 18-locale site): those links have one
/// rest, so a page looks it up once (see `Lookup`) instead of once per link, each lookup a few cache
/// misses in a table of a whole site's paths.
struct SiteFileSet: Sendable {
    /// Paths that start with no locale's folder (the default locale's pages, assets, sitemaps).
    private var others: PathSet
    /// "de/", by locale; folding is off when there are more locales than a mask has bits.
    private let prefixes: [[UInt8]]
    /// The rests of locale paths, and for each the locales that have it.
    private var rests: PathSet
    private var locales: [UInt64] = []

    /// - Parameter localeFolders: the folders that hold a locale's pages ("de"); the default locale's
    ///   pages, at the top of the site, are kept as they are.
    init(capacity: Int, bytes: Int? = nil, localeFolders: [String] = []) {
        let folding = !localeFolders.isEmpty && localeFolders.count <= UInt64.bitWidth
        prefixes = folding ? localeFolders.map { Array(($0 + "/").utf8) } : []
        others = PathSet(capacity: folding ? capacity / max(1, localeFolders.count) + 16 : capacity, bytes: bytes)
        rests = PathSet(capacity: folding ? capacity / localeFolders.count + 16 : 16,
                        bytes: folding ? bytes.map { $0 / localeFolders.count } : 0)
    }

    init<Paths: Collection>(_ paths: Paths) where Paths.Element == String {
        self.init(capacity: paths.count)
        for path in paths { insert(path) }
    }

    mutating func insert(_ path: String) {
        var path = path
        path.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            if let (locale, rest) = split(raw) {
                let entry = rests.insertEntry(rest)
                if entry == locales.count { locales.append(0) }
                locales[entry] |= 1 << UInt64(locale)
            } else {
                others.insert(raw)
            }
        }
    }

    /// The last rest a page looked up, with the locales that have it (nil: none).
    struct Lookup {
        fileprivate var rest: [UInt8] = []
        fileprivate var locales: UInt64? = nil
        fileprivate var isSet = false

        fileprivate func holds(_ bytes: UnsafeRawBufferPointer) -> Bool {
            rest.count == bytes.count && rest.withUnsafeBytes { memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
        }
    }

    func contains(_ path: UnsafeRawBufferPointer, _ lookup: inout Lookup) -> Bool {
        guard let (locale, rest) = split(path) else { return others.contains(path) }
        if !(lookup.isSet && lookup.holds(rest)) {
            lookup.rest.removeAll(keepingCapacity: true)
            lookup.rest.append(contentsOf: rest)
            lookup.locales = rests.entry(of: rest).map { locales[$0] }
            lookup.isSet = true
        }
        return (lookup.locales ?? 0) & (1 << UInt64(locale)) != 0
    }

    func contains(_ path: String) -> Bool {
        var path = path
        var lookup = Lookup()
        return path.withUTF8 { contains(UnsafeRawBufferPointer($0), &lookup) }
    }

    /// The locale whose folder the path starts with, and the rest of the path.
    private func split(_ path: UnsafeRawBufferPointer) -> (Int, UnsafeRawBufferPointer)? {
        for (locale, prefix) in prefixes.enumerated() where path.count > prefix.count && path[0] == prefix[0] && path.begins(with: prefix) {
            return (locale, UnsafeRawBufferPointer(rebasing: path[prefix.count...]))
        }
        return nil
    }
}
