import Dispatch
import Foundation
import Synchronization

/// Verifies that every internal `href` and `src` of a built site (root-relative, relative, or an
/// absolute URL on the site's own origin) resolves to a file, and that every `#fragment` names an `id`
/// in its target page. `versus build` checks each page from memory as it writes it; `versus check
/// --links` reads a built site from disk.
public enum LinkChecker {
    public struct BrokenLink: Sendable, Hashable, Comparable, CustomStringConvertible {
        public var page: String
        public var link: String
        public var reason: String
        public var description: String { "\(page): broken link -> \(link) (\(reason))" }
        public static func < (a: BrokenLink, b: BrokenLink) -> Bool { (a.page, a.link) < (b.page, b.link) }
    }

    public struct Result: Sendable {
        public var pagesChecked = 0
        public var linksChecked = 0
        public var broken: [BrokenLink] = []
    }

    /// Checks the pages of a built site on disk.
    /// - Parameters:
    ///   - root: the output folder.
    ///   - siteURL: the site's base URL (`https://example.org/docs/`), so absolute links to it are checked too.
    ///   - only: the pages to read (all pages when nil).
    ///   - knownFiles: every file in `root`, when the caller knows them; listed otherwise.
    public static func check(root: String, siteURL: String, jobs: Int, only: [String]? = nil,
                             knownFiles: Set<String>? = nil) -> Result {
        let files = knownFiles ?? Set(TemplateLibrary.listFiles(root))
        let session = LinkCheckSession(root: root, siteURL: siteURL, files: { PathSet(files) })
        let pages = (only ?? Array(files)).filter { $0.hasSuffix(".html") && files.contains($0) }.sorted()
        session.checkFromDisk(pages, jobs: jobs)
        return session.finish()
    }
}

/// One link check over many pages, fed a page at a time from any thread: from memory while a build
/// writes its pages (no page is read back), or from disk. Links to a fragment of another page are
/// kept until `finish`, when every page is on disk.
public final class LinkCheckSession: Sendable {
    private struct PendingFragment: Sendable {
        var page: String
        var link: String
        var file: String
        var fragment: String
    }

    private struct Totals: Sendable {
        var pages = 0
        var links = 0
        var broken: [LinkChecker.BrokenLink] = []
        var pending: [PendingFragment] = []
    }

    let root: String
    private let base: SiteURL
    private let makeFiles: @Sendable () -> PathSet
    /// Made when the first page is checked: a rebuild that renders no page never needs it.
    private let fileSet = Mutex<PathSet?>(nil)
    private let totals = Mutex(Totals())

    /// - Parameter files: every file the site will hold once written (output-relative paths).
    init(root: String, siteURL: String, files: @escaping @Sendable () -> PathSet) {
        self.root = root
        self.base = SiteURL(siteURL)
        self.makeFiles = files
    }

    /// Lets go of the file set once every page in memory is checked (it is a few megabytes at
    /// 100,000 pages); it is made again if pages are later read from disk.
    public func releaseFiles() {
        fileSet.withLock { $0 = nil }
    }

    private var files: PathSet {
        fileSet.withLock { set in
            if set == nil { set = makeFiles() }
            return set!
        }
    }

    /// Reads the pages from disk and checks them, on `jobs` threads.
    public func checkFromDisk(_ pages: [String], jobs: Int) {
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, pages.count))) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < pages.count else { break }
                guard let bytes = FileSystem.read(root + "/" + pages[index]) else { continue }
                check(page: pages[index], bytes)
            }
        }
    }

    /// Checks one page's links. Thread-safe.
    public func check(page: String, _ bytes: [UInt8]) {
        var links = 0
        var broken: [LinkChecker.BrokenLink] = []
        var pending: [PendingFragment] = []
        let files = self.files
        bytes.withUnsafeBytes { html in
            var ids: [Range<Int>] = []
            var ownFragments: [(link: Range<Int>, fragment: Range<Int>)] = []
            var slowOwnFragments: [(link: String, fragment: String)] = []
            var path: [UInt8] = []
            path.reserveCapacity(256)
            HTMLLinks.scan(html) { attribute, value, hasEntity in
                if attribute == .id { ids.append(value); return }
                let link = UnsafeRawBufferPointer(rebasing: html[value])
                if !hasEntity, let fast = base.resolveFast(link, into: &path) {
                    links += 1
                    if fast.ownPage {
                        if let fragment = fast.fragment, !fragment.isEmpty {
                            ownFragments.append((value, (value.lowerBound + fragment.lowerBound)..<(value.lowerBound + fragment.upperBound)))
                        }
                        return
                    }
                    guard let file = existingFile(&path, in: files) else {
                        broken.append(.init(page: page, link: String(decoding: link, as: UTF8.self), reason: "no such file"))
                        return
                    }
                    if let fragment = fast.fragment, !fragment.isEmpty, file.hasSuffix(".html") {
                        let fragmentText = String(decoding: UnsafeRawBufferPointer(rebasing: link[fragment]), as: UTF8.self)
                        if file == page {
                            slowOwnFragments.append((String(decoding: link, as: UTF8.self), fragmentText))
                        } else {
                            pending.append(PendingFragment(page: page, link: String(decoding: link, as: UTF8.self), file: file, fragment: fragmentText))
                        }
                    }
                    return
                }
                // Anything else (relative paths, dot segments, escapes, other sites) takes the general road.
                var text = String(decoding: link, as: UTF8.self)
                if hasEntity { text = HTMLLinks.decode(text) }
                guard let (target, fragment) = base.resolve(text, from: page) else { return }
                links += 1
                path = Array(target.utf8)
                guard let file = existingFile(&path, in: files) else {
                    broken.append(.init(page: page, link: text, reason: "no such file"))
                    return
                }
                if let fragment, !fragment.isEmpty, file.hasSuffix(".html") {
                    if file == page { slowOwnFragments.append((text, fragment)) }
                    else { pending.append(PendingFragment(page: page, link: text, file: file, fragment: fragment)) }
                }
            }
            // Same-page fragments, against the ids this very scan found.
            func hasID(_ fragment: UnsafeRawBufferPointer) -> Bool {
                ids.contains { id in
                    id.count == fragment.count && memcmp(html.baseAddress! + id.lowerBound, fragment.baseAddress!, fragment.count) == 0
                }
            }
            for own in ownFragments where !hasID(UnsafeRawBufferPointer(rebasing: html[own.fragment])) {
                let fragment = String(decoding: UnsafeRawBufferPointer(rebasing: html[own.fragment]), as: UTF8.self)
                broken.append(.init(page: page, link: String(decoding: UnsafeRawBufferPointer(rebasing: html[own.link]), as: UTF8.self),
                                    reason: "no id \"\(fragment)\" in \(page)"))
            }
            if !slowOwnFragments.isEmpty {
                let idSet = Set(ids.map { HTMLLinks.decode(String(decoding: UnsafeRawBufferPointer(rebasing: html[$0]), as: UTF8.self)) })
                for own in slowOwnFragments where !idSet.contains(own.fragment) {
                    broken.append(.init(page: page, link: own.link, reason: "no id \"\(own.fragment)\" in \(page)"))
                }
            }
        }
        totals.withLock { totals in
            totals.pages += 1
            totals.links += links
            totals.broken += broken
            totals.pending += pending
        }
    }

    /// The file a resolved path names: itself, or the index.html of the folder it names.
    private func existingFile(_ path: inout [UInt8], in files: PathSet) -> String? {
        if path.withUnsafeBytes({ files.contains($0) }) { return String(decoding: path, as: UTF8.self) }
        path.append(contentsOf: "/index.html".utf8)
        if path.withUnsafeBytes({ files.contains($0) }) { return String(decoding: path, as: UTF8.self) }
        return nil
    }

    /// Checks the links to fragments of other pages, now that every page is written, and returns the
    /// totals with the broken links in a stable order.
    public func finish() -> LinkChecker.Result {
        let totals = totals.withLock { $0 }
        let ids = IDCache(root: root)
        var broken = totals.broken
        for link in totals.pending where !ids.ids(of: link.file).contains(link.fragment) {
            broken.append(.init(page: link.page, link: link.link, reason: "no id \"\(link.fragment)\" in \(link.file)"))
        }
        return LinkChecker.Result(pagesChecked: totals.pages, linksChecked: totals.links, broken: broken.sorted())
    }
}

/// Reads and remembers the ids of pages that are targets of fragment links.
private final class IDCache {
    let root: String
    private var cache: [String: Set<String>] = [:]

    init(root: String) { self.root = root }

    func ids(of file: String) -> Set<String> {
        if let known = cache[file] { return known }
        let found = HTMLLinks.ids(in: String(decoding: FileSystem.read(root + "/" + file) ?? [], as: UTF8.self))
        cache[file] = found
        return found
    }
}

/// The site's own URL, to tell internal links from external ones and map them to files.
struct SiteURL: Sendable {
    let origin: String
    let basePath: String
    private let originBytes: [UInt8]
    private let basePathBytes: [UInt8]

    /// The fast road for what the templates write: a root-relative link under the base path (or an
    /// absolute one on the site's own origin), or a bare `#fragment`, with no escapes or dot segments
    /// to normalize. Writes the output-relative path into `path` and returns where the fragment sits
    /// in `link`; nil when the link needs the general `resolve`.
    func resolveFast(_ link: UnsafeRawBufferPointer, into path: inout [UInt8]) -> (ownPage: Bool, fragment: Range<Int>?)? {
        if link.first == UInt8(ascii: "#") { return (true, 1..<link.count) }
        var start = 0
        if link.starts(with: originBytes), link.count > originBytes.count, link[originBytes.count] == UInt8(ascii: "/") {
            start = originBytes.count
        }
        guard link[start...].starts(with: basePathBytes) else { return nil }
        start += basePathBytes.count
        var end = link.count
        var fragment: Range<Int>?
        var previous = UInt8(ascii: "/")  // the base path ends with one
        for index in start..<link.count {
            let byte = link[index]
            if byte == UInt8(ascii: "#") {
                fragment = (index + 1)..<link.count
                end = index
                break
            }
            if byte == UInt8(ascii: "%") || byte == UInt8(ascii: "?") { return nil }
            // "./", "../" and "//" need the general resolution.
            if byte == UInt8(ascii: "/"), previous == UInt8(ascii: ".") || previous == UInt8(ascii: "/") { return nil }
            previous = byte
        }
        if previous == UInt8(ascii: ".") { return nil }
        path.removeAll(keepingCapacity: true)
        path.append(contentsOf: UnsafeRawBufferPointer(rebasing: link[start..<end]))
        if path.isEmpty || previous == UInt8(ascii: "/") { path.append(contentsOf: "index.html".utf8) }
        return (false, fragment)
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

    enum LinkAttribute { case href, src, id }

    /// Calls `visit` for every `href`, `src` and `id` attribute, in order, with the byte range of its
    /// value and whether the value holds an entity.
    static func scan(_ html: UnsafeRawBufferPointer, visit: (LinkAttribute, Range<Int>, Bool) -> Void) {
        forEachAttribute(in: html) { name, value, hasEntity in
            let attribute: LinkAttribute? = switch name.count {
            case 4 where html[name.lowerBound] == UInt8(ascii: "h") && html[name.lowerBound + 1] == UInt8(ascii: "r")
                && html[name.lowerBound + 2] == UInt8(ascii: "e") && html[name.lowerBound + 3] == UInt8(ascii: "f"): .href
            case 3 where html[name.lowerBound] == UInt8(ascii: "s") && html[name.lowerBound + 1] == UInt8(ascii: "r")
                && html[name.lowerBound + 2] == UInt8(ascii: "c"): .src
            case 2 where html[name.lowerBound] == UInt8(ascii: "i") && html[name.lowerBound + 1] == UInt8(ascii: "d"): .id
            default: nil
            }
            if let attribute { visit(attribute, value, hasEntity) }
        }
    }

    /// The named attributes with their values, in order, entities decoded.
    static func attributes(in html: String, names: [String]) -> [(name: String, value: String)] {
        var html = html
        let wanted = names.map { Array($0.utf8) }
        return html.withUTF8 { utf8 -> [(name: String, value: String)] in
            let bytes = UnsafeRawBufferPointer(utf8)
            var values: [(name: String, value: String)] = []
            forEachAttribute(in: bytes) { name, value, hasEntity in
                guard let match = wanted.firstIndex(where: { $0.elementsEqual(bytes[name]) }) else { return }
                let raw = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[value]), as: UTF8.self)
                values.append((names[match], hasEntity ? decode(raw) : raw))
            }
            return values
        }
    }

    /// Every double-quoted attribute (as the templates write them), with the byte ranges of its name and
    /// value. One pass over the bytes: at each `="`, the name is the run of letters and dashes before it.
    private static func forEachAttribute(in html: UnsafeRawBufferPointer, _ visit: (Range<Int>, Range<Int>, Bool) -> Void) {
        let count = html.count
        var index = 1
        while index < count - 1 {
            guard html[index] == UInt8(ascii: "="), html[index + 1] == UInt8(ascii: "\"") else { index += 1; continue }
            var nameStart = index
            while nameStart > 0, isNameByte(html[nameStart - 1]) { nameStart -= 1 }
            let valueStart = index + 2
            var valueEnd = valueStart
            var hasEntity = false
            while valueEnd < count, html[valueEnd] != UInt8(ascii: "\"") {
                if html[valueEnd] == UInt8(ascii: "&") { hasEntity = true }
                valueEnd += 1
            }
            if nameStart > 0, nameStart < index, html[nameStart - 1] == UInt8(ascii: " ") {
                visit(nameStart..<index, valueStart..<valueEnd, hasEntity)
            }
            index = valueEnd + 1
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
