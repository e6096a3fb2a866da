import Dispatch
import Foundation
import Synchronization

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
    private let makeFiles: @Sendable () -> SiteFileSet
    /// Made when the first page is checked: a rebuild that renders no page never needs it.
    private let fileSet = Mutex<SiteFileSet?>(nil)
    private let totals = Mutex(Totals())

    /// - Parameter files: every file the site will hold once written (output-relative paths).
    init(root: String, siteURL: String, files: @escaping @Sendable () -> SiteFileSet) {
        self.root = root
        self.base = SiteURL(siteURL)
        self.makeFiles = files
    }

    /// The link check of a build: it knows the whole file set up front, so each page is checked as
    /// it is written.
    static func forBuild(output: String, siteURL: String, plan: SitePlan, urls: SiteURLs, siteFiles: [SiteFiles.GeneratedFile],
                         assets: [String]) -> LinkCheckSession {
        LinkCheckSession(root: output, siteURL: siteURL) {
            // One path at a time: each page's path is made, copied into the set and dropped. The set's
            // bytes are reserved from a sample of the paths: an arena that grew by doubling while it
            // was filled could hold twice what the paths need, tens of megabytes at a million pages.
            let step = max(1, plan.pages.count / 1_000)
            let sample = stride(from: 0, to: plan.pages.count, by: step).map { plan.pages[$0].file.utf8.count }
            let estimate = sample.isEmpty ? 0 : sample.reduce(0, +) * plan.pages.count / sample.count * 21 / 20 + 64 * (siteFiles.count + assets.count)
            let folders = plan.localeCodes.filter { !urls.localePrefix($0).isEmpty }
            var files = SiteFileSet(capacity: plan.pages.count + siteFiles.count + assets.count, bytes: estimate, localeFolders: folders)
            for page in plan.pages { files.insert(page.file) }
            for file in siteFiles { files.insert(file.path) }
            for asset in assets { files.insert(urls.asset(asset)) }
            return files
        }
    }

    /// The result of a build's link check, once the build has published everything. Pages kept from
    /// the last build hold the links they held then, and their targets are all still there unless
    /// files were added or removed: only then are they read back.
    /// - Parameters:
    ///   - fileSetChanged: the build added or removed files;
    ///   - keptFiles: what it kept from the last build without writing it again (made only when needed).
    ///   - otherShardPage: in a shard's build, the bytes of a page that another shard writes (nil for its own).
    func finishBuild(fileSetChanged: Bool, keptFiles: () -> [String], jobs: Int,
                     otherShardPage: ((String) -> [UInt8]?)? = nil) -> LinkChecker.Result {
        if fileSetChanged {
            checkFromDisk(keptFiles().filter { $0.hasSuffix(".html") }, jobs: jobs)
        }
        return finish(otherShardPage: otherShardPage)
    }

    /// Lets go of the file set once every page in memory is checked (it is a few megabytes at
    /// 100,000 pages); it is made again if pages are later read from disk.
    public func releaseFiles() {
        fileSet.withLock { $0 = nil }
    }

    private var files: SiteFileSet {
        fileSet.withLock { set in
            if set == nil { set = makeFiles() }
            return set!
        }
    }

    /// Reads the pages from disk and checks them, on `jobs` threads.
    public func checkFromDisk(_ pages: [String], jobs: Int) {
        ParallelMap.forEach(pages.count, jobs: jobs) { next in
            while let index = next() {
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
            var lookup = SiteFileSet.Lookup()
            HTMLLinks.scan(html) { attribute, value, hasEntity in
                if attribute == .id { ids.append(value); return }
                let link = UnsafeRawBufferPointer(rebasing: html[value])
                if base.isOtherSite(link) { return }
                if !hasEntity, let fast = base.resolveFast(link, into: &path) {
                    links += 1
                    if fast.ownPage {
                        if let fragment = fast.fragment, !fragment.isEmpty {
                            ownFragments.append((value, (value.lowerBound + fragment.lowerBound)..<(value.lowerBound + fragment.upperBound)))
                        }
                        return
                    }
                    guard exists(&path, in: files, &lookup) else {
                        broken.append(.init(page: page, link: String(decoding: link, as: UTF8.self), reason: "no such file"))
                        return
                    }
                    // The file's name is only needed for a fragment, which most links do not have.
                    if let fragment = fast.fragment, !fragment.isEmpty, Self.isHTML(path) {
                        let file = String(decoding: path, as: UTF8.self)
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
                guard let file = existingFile(&path, in: files, &lookup) else {
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
    private func existingFile(_ path: inout [UInt8], in files: SiteFileSet, _ lookup: inout SiteFileSet.Lookup) -> String? {
        exists(&path, in: files, &lookup) ? String(decoding: path, as: UTF8.self) : nil
    }

    /// Whether `path` is a written file, or a folder with an index.html (then `path` ends with it).
    private func exists(_ path: inout [UInt8], in files: SiteFileSet, _ lookup: inout SiteFileSet.Lookup) -> Bool {
        if path.withUnsafeBytes({ files.contains($0, &lookup) }) { return true }
        path.append(contentsOf: "/index.html".utf8)
        return path.withUnsafeBytes { files.contains($0, &lookup) }
    }

    private static func isHTML(_ path: [UInt8]) -> Bool {
        path.count >= htmlSuffix.count && path[(path.count - htmlSuffix.count)...].elementsEqual(htmlSuffix)
    }

    private static let htmlSuffix = Array(".html".utf8)

    /// Checks the links to fragments of other pages, now that every page is written, and returns the
    /// totals with the broken links in a stable order.
    public func finish(otherShardPage: ((String) -> [UInt8]?)? = nil) -> LinkChecker.Result {
        let totals = totals.withLock { $0 }
        let ids = IDCache(root: root, otherShardPage: otherShardPage)
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
    let otherShardPage: ((String) -> [UInt8]?)?
    private var cache: [String: Set<String>] = [:]

    init(root: String, otherShardPage: ((String) -> [UInt8]?)?) {
        self.root = root
        self.otherShardPage = otherShardPage
    }

    func ids(of file: String) -> Set<String> {
        if let known = cache[file] { return known }
        let bytes = otherShardPage?(file) ?? FileSystem.read(root + "/" + file) ?? []
        let found = HTMLLinks.ids(in: String(decoding: bytes, as: UTF8.self))
        cache[file] = found
        return found
    }
}
