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
        var entries: [String: Manifest.Entry] = [:]
        var written = 0
        var unchanged = 0
        var writtenPaths: [String] = []
        var reusedPaths: [String] = []
        /// Files the previous build did not have.
        var added = 0
        var pending: [Pending] = []
        var stagingMade = false
    }
    private let record = Mutex(Record())
    /// The output folder, opened once, so that checking a page's file walks only its relative path.
    private let rootDescriptor: Int32
    /// Set when any manifest entry differs from the previous build's, so an unchanged manifest is not
    /// even serialized again.
    private let manifestChanged = Atomic<Bool>(false)

    /// Opens the output folder for a build. A first build (no folder yet) goes into a staging folder
    /// beside it, renamed into place by `finish`: nobody reads those files before then, so each is
    /// written directly (no temporary file and rename per file), and a failed build leaves no half-made site.
    public static func begin(output: String, previous: @autoclosure () -> Manifest, jobs: Int = 1, compress: Bool = false,
                             faults: FaultInjection? = nil) -> Publisher {
        removeAbandonedStaging(of: output)
        if FileSystem.exists(output) {
            let interrupted = removeAbandonedCommits(in: output)
            // A commit cut short left some files new and some old: the manifest no longer says which,
            // so nothing is taken as unchanged this time (its paths still tell what is stale).
            let known = interrupted ? previous().distrusted : previous()
            return Publisher(root: output, previous: known, jobs: jobs, compress: compress, faults: faults)
        }
        return Publisher(root: output + ".versus-partial-" + FileSystem.processID, output: output, previous: Manifest(), staged: true,
                         jobs: jobs, compress: compress, faults: faults)
    }

    public init(root: String, output: String? = nil, previous: Manifest, staged: Bool = false, jobs: Int = 1, compress: Bool = false,
                faults: FaultInjection? = nil) {
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
    public func publish(_ relativePath: String, _ bytes: [UInt8], inputs: UInt64 = 0) throws(Failure) {
        let unchanged = try publishOne(relativePath, bytes, inputs: inputs)
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
    private func keep(_ relativePath: String, asReused: Bool = false) -> Bool {
        guard let old = previous.entries[relativePath], size(of: relativePath) == old.size else { return false }
        record.withLock { record in
            record.entries[relativePath] = old
            record.unchanged += 1
            if asReused { record.reusedPaths.append(relativePath) }
        }
        return true
    }

    /// Returns true when the file was already there with these bytes.
    @discardableResult
    private func publishOne(_ relativePath: String, _ bytes: [UInt8], inputs: UInt64) throws(Failure) -> Bool {
        let entry = Manifest.Entry(hash: ContentHash.of(bytes), size: bytes.count, inputs: inputs)
        let old = previous.entries[relativePath]
        if old != entry { manifestChanged.store(true, ordering: .relaxed) }
        if let old, old.sameBytes(as: entry), size(of: relativePath) == bytes.count {
            record.withLock { record in
                record.entries[relativePath] = entry
                record.unchanged += 1
            }
            return true
        }
        if staged {
            try FileSystem.writeNew(root + "/" + relativePath, bytes, faults: faults)
            record.withLock { record in
                record.entries[relativePath] = entry
                record.written += 1
                record.writtenPaths.append(relativePath)
                record.added += 1
            }
            return false
        }
        try makeStagingFolder()
        let stagedPath = stagingFolder + "/" + String(stagedCount.wrappingAdd(1, ordering: .relaxed).oldValue)
        try FileSystem.writeNew(stagedPath, bytes, faults: faults)
        record.withLock { record in
            record.entries[relativePath] = entry
            record.written += 1
            record.writtenPaths.append(relativePath)
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
    public func reuse(_ relativePath: String, inputs: UInt64) -> Bool {
        guard inputs != 0, let old = previous.entries[relativePath], old.inputs == inputs,
              size(of: relativePath) == old.size else { return false }
        // With --compress, a page is kept only with both of its siblings.
        if compress, Compression.isCompressible(relativePath) {
            for (suffix, _) in Self.siblings {
                guard let sibling = previous.entries[relativePath + suffix], size(of: relativePath + suffix) == sibling.size else { return false }
            }
            for (suffix, _) in Self.siblings { _ = keep(relativePath + suffix) }
        }
        return keep(relativePath, asReused: true)
    }

    /// The files kept from the previous build without being made again, sorted.
    public var reusedFiles: [String] { record.withLock { $0.reusedPaths }.sorted() }

    /// The files this build actually wrote (changed or new), sorted.
    public var changedFiles: [String] { record.withLock { $0.writtenPaths }.sorted() }

    /// Whether this build's set of files differs from the previous build's (pages added or removed).
    public var fileSetChanged: Bool {
        // Every path is published once, so the same count and nothing added means the same set.
        record.withLock { $0.added > 0 || $0.entries.count != previous.entries.count }
    }

    /// The manifest of this build: every file published so far.
    public var manifest: Manifest { Manifest(entries: record.withLock { $0.entries }) }

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
            try FileSystem.writeNew(root + "/" + Manifest.fileName, manifest.serialized(), faults: faults)
            if faults.failsNext() { throw FileSystem.failure(output, "cannot move the finished site into place") }
            try FileSystem.moveIntoPlace(root, output)
            return 0
        }
        try stageManifest()
        let current = record.withLock { $0.entries }
        let stale = previous.entries.keys.filter { current[$0] == nil }.sorted()
        return try commit(record.withLock { $0.pending }, stale: stale)
    }

    /// The manifest is the last file of the transaction, and only when it changed, so a no-change
    /// build touches nothing.
    private func stageManifest() throws(Failure) {
        let count = record.withLock { $0.entries.count }
        if !manifestChanged.load(ordering: .relaxed), count == previous.entries.count,
           FileSystem.size(of: root + "/" + Manifest.fileName) != nil { return }
        let bytes = manifest.serialized()
        if FileSystem.read(root + "/" + Manifest.fileName) == bytes { return }
        try makeStagingFolder()
        let stagedPath = stagingFolder + "/manifest"
        try FileSystem.writeNew(stagedPath, bytes, faults: faults)
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
