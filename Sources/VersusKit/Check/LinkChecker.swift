import Foundation
import Synchronization

/// Reads a built site and verifies that every internal `href` and `src` (root-relative, relative, or an
/// absolute URL on the site's own origin) resolves to a file, and that every `#fragment` names an `id`
/// in its target page. `versus check --links` runs it alone; `versus build` runs it after every build.
public enum LinkChecker {
    public struct BrokenLink: Sendable, Hashable, Comparable, CustomStringConvertible {
        public var page: String
        public var link: String
        public var reason: String
        public var description: String { "\(page): broken link -> \(link) (\(reason))" }
        public static func < (a: BrokenLink, b: BrokenLink) -> Bool { (a.page, a.link) < (b.page, b.link) }
    }

    /// - Parameters:
    ///   - root: the output folder.
    ///   - siteURL: the site's base URL (`https://example.org/docs/`), so absolute links to it are checked too.
    ///   - only: the pages to read (all pages when nil). After a build that neither added nor removed a
    ///     file, only the pages it wrote can have new broken links: link targets are files, and `id`s come
    ///     from templates, whose every change rewrites every page.
    ///   - knownFiles: every file in `root`, when the caller knows them (a build does); listed otherwise.
    public static func check(root: String, siteURL: String, jobs: Int, only: [String]? = nil,
                             knownFiles: Set<String>? = nil) -> (pagesChecked: Int, linksChecked: Int, broken: [BrokenLink]) {
        if let only, !only.contains(where: { $0.hasSuffix(".html") }) { return (0, 0, []) }
        let files = knownFiles ?? Set(TemplateLibrary.listFiles(root))
        let pages = (only ?? Array(files)).filter { $0.hasSuffix(".html") && files.contains($0) }.sorted()
        let base = SiteURL(siteURL)
        let ids = IDCache(root: root)
        let results = ParallelMap.map(pages, jobs: jobs) { page -> (Int, [BrokenLink]) in
            guard let data = FileManager.default.contents(atPath: root + "/" + page) else { return (0, []) }
            let html = String(decoding: data, as: UTF8.self)
            var broken: [BrokenLink] = []
            let links = HTMLLinks.attributeValues(in: html, names: ["href", "src"])
            var checked = 0
            for link in links {
                guard let (target, fragment) = base.resolve(link, from: page) else { continue }
                checked += 1
                var file = target
                if !files.contains(file), files.contains(file + "/index.html") { file += "/index.html" }
                guard files.contains(file) else {
                    broken.append(BrokenLink(page: page, link: link, reason: "no such file"))
                    continue
                }
                if let fragment, !fragment.isEmpty, file.hasSuffix(".html") {
                    let targetIDs = file == page ? HTMLLinks.ids(in: html) : ids.ids(of: file)
                    if !targetIDs.contains(fragment) {
                        broken.append(BrokenLink(page: page, link: link, reason: "no id \"\(fragment)\" in \(file)"))
                    }
                }
            }
            return (checked, broken)
        }
        return (pages.count, results.reduce(0) { $0 + $1.0 }, results.flatMap(\.1).sorted())
    }
}

/// Lazily reads and remembers the ids of pages that are targets of fragment links.
private final class IDCache: Sendable {
    let root: String
    private let cache = Mutex<[String: Set<String>]>([:])

    init(root: String) { self.root = root }

    func ids(of file: String) -> Set<String> {
        if let known = cache.withLock({ $0[file] }) { return known }
        let data = FileManager.default.contents(atPath: root + "/" + file) ?? Data()
        let found = HTMLLinks.ids(in: String(decoding: data, as: UTF8.self))
        cache.withLock { $0[file] = found }
        return found
    }
}

/// The site's own URL, to tell internal links from external ones and map them to files.
struct SiteURL: Sendable {
    let origin: String
    let basePath: String

    private func resolveSimple(_ link: String) -> (String, String?)? {
        var path = Substring(link)
        if path.hasPrefix(origin), path.dropFirst(origin.count).hasPrefix("/") { path = path.dropFirst(origin.count) }
        guard path.hasPrefix(basePath) else { return nil }
        path = path.dropFirst(basePath.count)
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = path[..<hash]
        }
        guard !path.contains("%"), !path.contains("?"), !path.contains("./"), !path.contains("//"), path != "." else { return nil }
        let file = path.isEmpty || path.hasSuffix("/") ? path + "index.html" : String(path)
        return (file, fragment)
    }

    init(_ url: String) {
        let config = SiteConfig(baseURL: url, defaultLocale: "", locales: [], location: SourceLocation(file: ""))
        origin = config.origin
        basePath = config.basePath
    }

    /// The output-relative file a link points at, and its fragment; nil for external links.
    func resolve(_ link: String, from page: String) -> (String, String?)? {
        // Fast path for what the templates write: a root-relative link under the base path, or an
        // absolute one on the site's own origin, with no escapes or dot segments to normalize.
        if let fast = resolveSimple(link) { return fast }
        var rest = link
        if rest.hasPrefix("mailto:") || rest.hasPrefix("tel:") || rest.hasPrefix("data:") || rest.hasPrefix("javascript:") { return nil }
        if rest.hasPrefix(origin + "/") { rest = String(rest.dropFirst(origin.count)) }
        else if rest.contains("://") || rest.hasPrefix("//") { return nil }
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = String(rest[..<hash])
        }
        if let query = rest.firstIndex(of: "?") { rest = String(rest[..<query]) }
        var path: String
        if rest.isEmpty {
            path = page
        } else if rest.hasPrefix("/") {
            guard rest.hasPrefix(basePath) || rest + "/" == basePath else { return (String(rest.dropFirst()), fragment) }
            path = String(rest.dropFirst(min(basePath.count, rest.count)))
        } else {
            let folder = page.split(separator: "/").dropLast().joined(separator: "/")
            path = folder.isEmpty ? rest : folder + "/" + rest
        }
        // Normalize "." and ".." segments.
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
            if segment == "." { continue }
            if segment == ".." { _ = segments.popLast(); continue }
            segments.append(segment)
        }
        path = segments.joined(separator: "/")
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        return (path.removingPercentEncoding ?? path, fragment)
    }
}

enum HTMLLinks {
    /// Values of the named attributes (double-quoted, as the templates write them), in order, entities
    /// decoded. One pass over the bytes: at each `="`, the name before it is compared with the wanted ones.
    static func attributeValues(in html: String, names: [String]) -> [String] {
        var html = html
        let wanted = names.map { Array($0.utf8) }
        return html.withUTF8 { bytes -> [String] in
            var values: [String] = []
            var index = 1
            let count = bytes.count
            while index < count - 1 {
                guard bytes[index] == UInt8(ascii: "="), bytes[index + 1] == UInt8(ascii: "\"") else { index += 1; continue }
                var nameStart = index
                while nameStart > 0, isNameByte(bytes[nameStart - 1]) { nameStart -= 1 }
                let nameLength = index - nameStart
                let isWanted = nameStart > 0 && bytes[nameStart - 1] == UInt8(ascii: " ") && wanted.contains { name in
                    name.count == nameLength && name.indices.allSatisfy { name[$0] == bytes[nameStart + $0] }
                }
                let valueStart = index + 2
                var valueEnd = valueStart
                while valueEnd < count, bytes[valueEnd] != UInt8(ascii: "\"") { valueEnd += 1 }
                if isWanted {
                    values.append(decode(String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]), as: UTF8.self)))
                }
                index = valueEnd + 1
            }
            return values
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || byte == UInt8(ascii: "-")
    }

    static func ids(in html: String) -> Set<String> {
        Set(attributeValues(in: html, names: ["id"]))
    }

    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
