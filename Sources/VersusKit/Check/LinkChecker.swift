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
            // One pass over the page gives its links and its own ids (for "#main" and other same-page links).
            let attributes = HTMLLinks.attributes(in: String(decoding: data, as: UTF8.self), names: ["href", "src", "id"])
            let ownIDs = Set(attributes.lazy.filter { $0.name == "id" }.map(\.value))
            var broken: [BrokenLink] = []
            var checked = 0
            for (name, link) in attributes where name != "id" {
                guard let (target, fragment) = base.resolve(link, from: page) else { continue }
                checked += 1
                var file = target
                if !files.contains(file) {
                    guard files.contains(file + "/index.html") else {
                        broken.append(BrokenLink(page: page, link: link, reason: "no such file"))
                        continue
                    }
                    file += "/index.html"
                }
                if let fragment, !fragment.isEmpty, file.hasSuffix(".html") {
                    let found = file == page ? ownIDs.contains(fragment) : ids.ids(of: file).contains(fragment)
                    if !found {
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
    private let originBytes: [UInt8]
    private let basePathBytes: [UInt8]

    private func resolveSimple(_ link: String) -> (String, String?)? {
        // On UTF-8 bytes throughout: Character-based string operations cost microseconds per link.
        let origin = originBytes, base = basePathBytes
        var bytes = link.utf8[...]
        if bytes.starts(with: origin), bytes.dropFirst(origin.count).first == UInt8(ascii: "/") { bytes = bytes.dropFirst(origin.count) }
        guard bytes.starts(with: base) else { return nil }
        bytes = bytes.dropFirst(base.count)
        var fragment: String?
        if let hash = bytes.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(decoding: bytes[bytes.index(after: hash)...], as: UTF8.self)
            bytes = bytes[..<hash]
        }
        var previous = UInt8(ascii: "/")  // the base path ends with one
        for byte in bytes {
            if byte == UInt8(ascii: "%") || byte == UInt8(ascii: "?") { return nil }
            // "./", "../" and "//" need the general resolution below.
            if byte == UInt8(ascii: "/"), previous == UInt8(ascii: ".") || previous == UInt8(ascii: "/") { return nil }
            previous = byte
        }
        if previous == UInt8(ascii: ".") { return nil }
        var file = String(decoding: bytes, as: UTF8.self)
        if bytes.isEmpty || previous == UInt8(ascii: "/") { file += "index.html" }
        return (file, fragment)
    }

    init(_ url: String) {
        let config = SiteConfig(baseURL: url, defaultLocale: "", locales: [], location: SourceLocation(file: ""))
        origin = config.origin
        basePath = config.basePath
        originBytes = Array(origin.utf8)
        basePathBytes = Array(basePath.utf8)
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
    /// decoded.
    static func attributeValues(in html: String, names: [String]) -> [String] {
        attributes(in: html, names: names).map(\.value)
    }

    /// The named attributes with their values, in order. One pass over the bytes: at each `="`, the
    /// name before it is compared with the wanted ones.
    static func attributes(in html: String, names: [String]) -> [(name: String, value: String)] {
        var html = html
        let wanted = names.map { Array($0.utf8) }
        return html.withUTF8 { bytes -> [(name: String, value: String)] in
            var values: [(name: String, value: String)] = []
            var index = 1
            let count = bytes.count
            while index < count - 1 {
                guard bytes[index] == UInt8(ascii: "="), bytes[index + 1] == UInt8(ascii: "\"") else { index += 1; continue }
                var nameStart = index
                while nameStart > 0, isNameByte(bytes[nameStart - 1]) { nameStart -= 1 }
                let nameLength = index - nameStart
                var match: Int?
                if nameStart > 0, bytes[nameStart - 1] == UInt8(ascii: " ") {
                    match = wanted.firstIndex { name in
                        name.count == nameLength && name.indices.allSatisfy { name[$0] == bytes[nameStart + $0] }
                    }
                }
                let valueStart = index + 2
                var valueEnd = valueStart
                var hasEntity = false
                while valueEnd < count, bytes[valueEnd] != UInt8(ascii: "\"") {
                    if bytes[valueEnd] == UInt8(ascii: "&") { hasEntity = true }
                    valueEnd += 1
                }
                if let match {
                    let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]), as: UTF8.self)
                    values.append((names[match], hasEntity ? decode(raw) : raw))
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
