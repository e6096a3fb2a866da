#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Stage 5, publish: writes only the files whose bytes differ from what the previous build wrote, as
/// one transaction. Every changed file is first written into a staging folder inside the output
/// (`.versus-staging-PID`); `finish` then moves them all into place, stale files out of the way, and
/// the manifest last. Any failure before or during that leaves the output folder exactly as it was
/// (see `Publisher+Commit.swift`). Plain open/write/close, because Foundation's Data.write fsyncs every
/// file and is an order of magnitude slower for a site this size.
public final class Publisher: Sendable {
    public typealias Failure = FileFailure

    /// Where files are written: the output folder, or the staging folder of a first build.
    let root: String
    /// The output folder the site ends up in.
    let output: String
    let previous: Manifest
    /// The root is a staging folder nobody reads until it is renamed into place (a first build): files
    /// are written directly into it.
    let staged: Bool
    /// Where a rebuild's changed files wait for `finish`: inside the output, so that moving them into
    /// place is a rename on the same file system.
    let stagingFolder: String
    /// Tests make the Nth change fail here.
    let faults: FaultInjection?
    /// Threads to commit with.
    let jobs: Int
    /// Write `.gz` and `.br` siblings of every text file (`versus build --compress`).
    let compress: Bool
    /// A changed file in the staging folder and where it goes.
    struct Pending: Sendable {
        var staged: String
        var target: String
    }
    /// What this build published so far, under one lock: a page takes it once.
    private struct Record: Sendable {
        /// Files that are not pages of the plan, by path.
        var entries: [String: Manifest.Entry] = [:]
        /// The plan's pages, at their index in the plan: a dictionary keyed by path cost about 300
        /// bytes per page, most of a million-page build's memory; this is 32.
        var pages: [PublishedPage]
        var pagesPublished = 0
        var written = 0
        var unchanged = 0
        var writtenPaths: [String] = []
        var reusedPaths: [String] = []
        /// Files the previous build did not have.
        var added = 0
        var pending: [Pending] = []
        var stagingMade = false

        var fileCount: Int { entries.count + pagesPublished }

        mutating func set(_ path: String, page: Int?, _ entry: Manifest.Entry, _ state: PublishedPage.State) {
            guard let page else {
                entries[path] = entry
                if state == .written { writtenPaths.append(path) }
                if state == .reused { reusedPaths.append(path) }
                return
            }
            if pages[page].state == .none { pagesPublished += 1 }
            pages[page] = PublishedPage(entry: entry, state: state)
        }
    }
    /// A page's manifest entry, and how this build published it.
    struct PublishedPage: Sendable {
        enum State: UInt8, Sendable {
            case none, written, unchanged, reused
        }
        var entry = Manifest.Entry(hash: 0, size: 0)
        var state = State.none
    }
    private let record: Mutex<Record>
    /// The plan's pages, whose paths the manifest and the lists of files are made from.
    let plan: SitePlan.Pages?
    /// The output folder, opened once, so that checking a page's file walks only its relative path.
    private let rootDescriptor: Int32
    /// Set when any manifest entry differs from the previous build's, so an unchanged manifest is not
    /// even serialized again.
    private let manifestChanged = Atomic<Bool>(false)

    /// Opens the output folder for a build. A first build (no folder yet) goes into a staging folder
    /// beside it, renamed into place by `finish`: nobody reads those files before then, so each is
    /// written directly (no temporary file and rename per file), and a failed build leaves no half-made site.
    public static func begin(output: String, previous: @autoclosure () -> Manifest, plan: SitePlan.Pages? = nil, jobs: Int = 1,
                             compress: Bool = false, faults: FaultInjection? = nil) -> Publisher {
        removeAbandonedStaging(of: output)
        if FileSystem.exists(output) {
            let interrupted = removeAbandonedCommits(in: output)
            // A commit cut short left some files new and some old: the manifest no longer says which,
            // so nothing is taken as unchanged this time (its paths still tell what is stale).
            let known = interrupted ? previous().distrusted : previous()
            return Publisher(root: output, previous: known, plan: plan, jobs: jobs, compress: compress, faults: faults)
        }
        return Publisher(root: output + ".versus-partial-" + FileSystem.processID, output: output, previous: Manifest(), staged: true,
                         plan: plan, jobs: jobs, compress: compress, faults: faults)
    }

    /// - Parameter plan: the pages published with their index (`page:`); any other file is published by path alone.
    public init(root: String, output: String? = nil, previous: Manifest, staged: Bool = false, plan: SitePlan.Pages? = nil, jobs: Int = 1,
                compress: Bool = false, faults: FaultInjection? = nil) {
        self.plan = plan
        record = Mutex(Record(pages: [PublishedPage](repeating: PublishedPage(), count: plan?.count ?? 0)))
        self.root = root
        self.output = output ?? root
        self.previous = previous
        self.staged = staged
        self.faults = faults
        self.jobs = max(1, jobs)
        self.compress = compress
        stagingFolder = root + "/" + Self.stagingPrefix + FileSystem.processID
        rootDescriptor = staged ? -1 : open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    }

    static let stagingPrefix = ".versus-staging-"

    deinit { if rootDescriptor >= 0 { close(rootDescriptor) } }

    public var writtenCount: Int { record.withLock { $0.written } }
    public var unchangedCount: Int { record.withLock { $0.unchanged } }

    private func size(of relativePath: String) -> Int? {
        rootDescriptor >= 0 ? FileSystem.size(of: relativePath, in: rootDescriptor) : FileSystem.size(of: root + "/" + relativePath)
    }

    /// Publishes one file (path relative to the output folder). Thread-safe.
    /// - Parameter inputs: the fingerprint of what the page was made from, remembered for `reuse`.
    /// - Parameter page: the page's index in the plan, for a page of the plan.
    public func publish(_ relativePath: String, _ bytes: [UInt8], inputs: UInt64 = 0, page: Int? = nil) throws(Failure) {
        let unchanged = try publishOne(relativePath, bytes, inputs: inputs, page: page)
        guard compress, Compression.isCompressible(relativePath) else { return }
        // The compressed siblings are made again only when the file changed (or they are missing).
        for (suffix, encode) in Self.siblings {
            let sibling = relativePath + suffix
            if unchanged, keep(sibling) { continue }
            try publishOne(sibling, encode(bytes), inputs: 0)
        }
    }

    /// `.gz` and `.br`, and how each is made.
    static let siblings: [(suffix: String, encode: @Sendable ([UInt8]) -> [UInt8])] = [(".gz", Compression.gzip), (".br", Compression.brotli)]

    /// Keeps a file of the previous build that is still there, untouched in size.
    private func keep(_ relativePath: String, page: Int? = nil, asReused: Bool = false) -> Bool {
        guard let old = previous.entries[relativePath], size(of: relativePath) == old.size else { return false }
        record.withLock { record in
            record.set(relativePath, page: page, old, asReused ? .reused : .unchanged)
            record.unchanged += 1
        }
        return true
    }

    /// Returns true when the file was already there with these bytes.
    @discardableResult
    private func publishOne(_ relativePath: String, _ bytes: [UInt8], inputs: UInt64, page: Int? = nil) throws(Failure) -> Bool {
        let entry = Manifest.Entry(hash: ContentHash.of(bytes), size: bytes.count, inputs: inputs)
        let old = previous.entries[relativePath]
        if old != entry { manifestChanged.store(true, ordering: .relaxed) }
        if let old, old.sameBytes(as: entry), size(of: relativePath) == bytes.count {
            record.withLock { record in
                record.set(relativePath, page: page, entry, .unchanged)
                record.unchanged += 1
            }
            return true
        }
        if staged {
            try FileSystem.writeNew(root + "/" + relativePath, bytes, faults: faults)
            record.withLock { record in
                record.set(relativePath, page: page, entry, .written)
                record.written += 1
                record.added += 1
            }
            return false
        }
        try makeStagingFolder()
        let stagedPath = stagingFolder + "/" + String(stagedCount.wrappingAdd(1, ordering: .relaxed).oldValue)
        try FileSystem.writeNew(stagedPath, bytes, faults: faults)
        record.withLock { record in
            record.set(relativePath, page: page, entry, .written)
            record.written += 1
            record.pending.append(Pending(staged: stagedPath, target: relativePath))
            if old == nil { record.added += 1 }
        }
        return false
    }

    /// Numbers the files in the staging folder.
    private let stagedCount = Atomic<Int>(0)

    /// Made when the first changed file is written: a rebuild that changes nothing touches nothing.
    func makeStagingFolder() throws(Failure) {
        let failure: Failure? = record.withLock { record in
            if record.stagingMade { return nil }
            if faults.failsNext() || mkdir(stagingFolder, 0o755) != 0 {
                return FileSystem.failure(stagingFolder, "cannot create the staging folder")
            }
            record.stagingMade = true
            return nil
        }
        if let failure { throw failure }
    }

    /// Keeps a page without rendering it when the previous build made it from the same inputs and the
    /// file is still there, untouched in size. Thread-safe. Returns false when the page must be rendered.
    /// - Parameter page: the page's index in the plan, for a page of the plan.
    public func reuse(_ relativePath: String, inputs: UInt64, page: Int? = nil) -> Bool {
        guard inputs != 0, let old = previous.entries[relativePath], old.inputs == inputs,
              size(of: relativePath) == old.size else { return false }
        // With --compress, a page is kept only with both of its siblings.
        if compress, Compression.isCompressible(relativePath) {
            for (suffix, _) in Self.siblings {
                guard let sibling = previous.entries[relativePath + suffix], size(of: relativePath + suffix) == sibling.size else { return false }
            }
            for (suffix, _) in Self.siblings { _ = keep(relativePath + suffix) }
        }
        return keep(relativePath, page: page, asReused: true)
    }

    /// The files kept from the previous build without being made again, sorted.
    public var reusedFiles: [String] { paths { $0.reusedPaths } pages: { $0 == .reused }.sorted() }

    /// The files this build actually wrote (changed or new), sorted.
    public var changedFiles: [String] { paths { $0.writtenPaths } pages: { $0 == .written }.sorted() }

    /// The paths of the other files `others` picks from the record, and of the plan's pages in a `wanted` state.
    private func paths(_ others: (Record) -> [String], pages wanted: (PublishedPage.State) -> Bool) -> [String] {
        let (paths, pages) = record.withLock { (others($0), $0.pages) }
        return paths + pages.indices.filter { wanted(pages[$0].state) }.map { plan![$0].file }
    }

    /// Whether this build's set of files differs from the previous build's (pages added or removed).
    public var fileSetChanged: Bool {
        // Every path is published once, so the same count and nothing added means the same set.
        record.withLock { $0.added > 0 || $0.fileCount != previous.entries.count }
    }

    /// Every file this build published.
    private var publishedFiles: Set<String> { Set(paths { Array($0.entries.keys) } pages: { $0 != .none }) }

    /// Writes the manifest of this build: the plan's pages in the plan's order, their paths made
    /// again on every core a batch at a time, then the other files sorted by path. Both orders are
    /// fixed, so the manifest is deterministic; at a million pages it is over 100 MB, and only a
    /// batch of it is in memory at once.
    private func writeManifest(to path: String) throws(Failure) {
        let (others, pages) = record.withLock { ($0.entries, $0.pages) }
        let plan = self.plan, jobs = self.jobs
        try FileSystem.writeNew(path, faults: faults) { write in
            write(Manifest.header)
            let chunk = 4_096, batch = chunk * jobs * 4
            for batchStart in stride(from: 0, to: pages.count, by: batch) {
                let starts = Array(stride(from: batchStart, to: min(pages.count, batchStart + batch), by: chunk))
                let parts = ParallelMap.map(starts, jobs: jobs) { start in
                    var bytes: [UInt8] = []
                    bytes.reserveCapacity(chunk * 120)
                    for index in start..<min(pages.count, start + chunk) where pages[index].state != .none {
                        Manifest.appendLine(plan![index].file, pages[index].entry, to: &bytes)
                    }
                    return bytes
                }
                for part in parts { write(part) }
            }
            var rest: [UInt8] = []
            for path in others.keys.sorted() { Manifest.appendLine(path, others[path]!, to: &rest) }
            write(rest)
        }
    }

    /// Whether nothing of an earlier build is there to keep: every page is rendered.
    public var isFirstBuild: Bool { previous.entries.isEmpty }

    /// Publishes the files the generator makes beside the pages, each made only when its inputs
    /// changed, on `jobs` threads: the sitemaps and search files of 18 locales are seconds of work.
    func publish(_ files: [SiteFiles.GeneratedFile], jobs: Int = 1) throws(Failure) {
        try ParallelMap.forEach(files.count, jobs: jobs) { (next) throws(Failure) in
            while let index = next() {
                let file = files[index]
                if reuse(file.path, inputs: file.inputs) { continue }
                try publish(file.path, file.make(), inputs: file.inputs)
            }
        }
    }

    /// Copies templates/assets/ as it is, under the content-named URLs, and favicon.ico at the root too.
    func publishAssets(_ assets: [(path: String, bytes: [UInt8])], urls: SiteURLs) throws(Failure) {
        for asset in assets {
            try publish(urls.asset(asset.path), asset.bytes)
            // Also at the root, under its own name: the one place a browser looks without a <link>.
            if asset.path == SiteURLs.rootFavicon { try publish(SiteURLs.rootFavicon, asset.bytes) }
        }
    }

    /// Ends a build that published everything. A first build saves its manifest and moves its staging
    /// folder into place; a rebuild commits its changes (`commit`). Returns how many stale files were removed.
    public func finish() throws(Failure) -> Int {
        if staged {
            try writeManifest(to: root + "/" + Manifest.fileName)
            if faults.failsNext() { throw FileSystem.failure(output, "cannot move the finished site into place") }
            try FileSystem.moveIntoPlace(root, output)
            return 0
        }
        try stageManifest()
        // The same number of files and none added: the same set, so nothing is stale.
        let current = fileSetChanged ? publishedFiles : nil
        let stale = current.map { current in previous.entries.keys.filter { !current.contains($0) }.sorted() } ?? []
        return try commit(record.withLock { $0.pending }, stale: stale)
    }

    /// The manifest is the last file of the transaction, and only when it changed, so a no-change
    /// build touches nothing.
    private func stageManifest() throws(Failure) {
        let count = record.withLock { $0.fileCount }
        if !manifestChanged.load(ordering: .relaxed), count == previous.entries.count,
           FileSystem.size(of: root + "/" + Manifest.fileName) != nil { return }
        try makeStagingFolder()
        let stagedPath = stagingFolder + "/manifest"
        try writeManifest(to: stagedPath)
        record.withLock { $0.pending.append(Pending(staged: stagedPath, target: Manifest.fileName)) }
    }

    /// Removes the staging folders of first builds that were killed before they finished: folders
    /// named `OUTPUT.versus-partial-PID` beside the output whose process is gone.
    static func removeAbandonedStaging(of output: String) {
        let slash = output.lastIndex(of: "/")
        let parent = slash.map { String(output[..<$0]) } ?? "."
        let prefix = (slash.map { String(output[output.index(after: $0)...]) } ?? output) + ".versus-partial-"
        for name in FileSystem.list(parent.isEmpty ? "/" : parent) where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            FileSystem.removeTree((parent.isEmpty ? "" : parent) + "/" + name)
        }
    }

    /// Ends a build that failed before `finish`: what was staged is removed, and an existing output
    /// folder keeps exactly what it had.
    public func abandon() {
        FileSystem.removeTree(staged ? root : stagingFolder)
    }
}
