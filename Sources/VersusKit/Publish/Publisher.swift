#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Stage 5, publish: writes files into the output folder, each atomically (temporary file + rename),
/// and only when its bytes differ from what the previous build wrote. Plain open/write/close, because
/// Foundation's Data.write fsyncs every file and is an order of magnitude slower for a site this size.
public final class Publisher: Sendable {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): error: \(reason)" }
    }

    let root: String
    let previous: Manifest
    /// The root is a staging folder nobody reads until it is renamed into place: files are written
    /// directly, without a temporary file and a rename each.
    let staged: Bool
    /// What this build published so far, under one lock: a page takes it once.
    private struct Record: Sendable {
        var entries: [String: Manifest.Entry] = [:]
        var written = 0
        var unchanged = 0
        var writtenPaths: [String] = []
        var reusedPaths: [String] = []
        /// Files the previous build did not have.
        var added = 0
    }
    private let record = Mutex(Record())
    /// The output folder, opened once, so that checking a page's file walks only its relative path.
    private let rootDescriptor: Int32
    /// Set when any manifest entry differs from the previous build's, so an unchanged manifest is not
    /// even serialized again.
    private let manifestChanged = Atomic<Bool>(false)

    public init(root: String, previous: Manifest, staged: Bool = false) {
        self.root = root
        self.previous = previous
        self.staged = staged
        rootDescriptor = staged ? -1 : open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    }

    deinit { if rootDescriptor >= 0 { close(rootDescriptor) } }

    public var writtenCount: Int { record.withLock { $0.written } }
    public var unchangedCount: Int { record.withLock { $0.unchanged } }

    private func size(of relativePath: String) -> Int? {
        rootDescriptor >= 0 ? FileSystem.size(of: relativePath, in: rootDescriptor) : FileSystem.size(of: root + "/" + relativePath)
    }

    /// Publishes one file (path relative to the output folder). Thread-safe.
    /// - Parameter inputs: the fingerprint of what the page was made from, remembered for `reuse`.
    public func publish(_ relativePath: String, _ bytes: [UInt8], inputs: UInt64 = 0) throws(Failure) {
        let entry = Manifest.Entry(hash: ContentHash.of(bytes), size: bytes.count, inputs: inputs)
        let old = previous.entries[relativePath]
        if old != entry { manifestChanged.store(true, ordering: .relaxed) }
        if let old, old.sameBytes(as: entry), size(of: relativePath) == bytes.count {
            record.withLock { record in
                record.entries[relativePath] = entry
                record.unchanged += 1
            }
            return
        }
        let path = root + "/" + relativePath
        if staged {
            try FileSystem.writeNew(path, bytes)
        } else {
            try FileSystem.writeAtomically(path, bytes, isNew: old == nil)
        }
        record.withLock { record in
            record.entries[relativePath] = entry
            record.written += 1
            record.writtenPaths.append(relativePath)
            if old == nil { record.added += 1 }
        }
    }

    /// Keeps a page without rendering it when the previous build made it from the same inputs and the
    /// file is still there, untouched in size. Thread-safe. Returns false when the page must be rendered.
    public func reuse(_ relativePath: String, inputs: UInt64) -> Bool {
        guard inputs != 0, let old = previous.entries[relativePath], old.inputs == inputs,
              size(of: relativePath) == old.size else { return false }
        record.withLock { record in
            record.entries[relativePath] = old
            record.unchanged += 1
            record.reusedPaths.append(relativePath)
        }
        return true
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

    /// Removes the files the previous build wrote that this one did not, and folders they leave empty.
    /// Nothing else is ever deleted. Returns how many files were removed.
    public func removeStale() throws(Failure) -> Int {
        let current = record.withLock { $0.entries }
        var removed = 0
        for path in previous.entries.keys.filter({ current[$0] == nil }).sorted() {
            let full = root + "/" + path
            if unlink(full) == 0 {
                removed += 1
            } else if errno != ENOENT {
                throw Failure(path: full, reason: "cannot remove a stale file: \(String(cString: strerror(errno)))")
            }
            // Remove now-empty parent folders, up to (not including) the output root.
            var components = path.split(separator: "/").dropLast()
            while !components.isEmpty {
                if rmdir(root + "/" + components.joined(separator: "/")) != 0 { break }
                components = components.dropLast()
            }
        }
        return removed
    }

    /// Writes the manifest last, and only if it changed, so a no-change build touches nothing.
    public func saveManifest() throws(Failure) {
        let count = record.withLock { $0.entries.count }
        if !manifestChanged.load(ordering: .relaxed), count == previous.entries.count,
           FileSystem.size(of: root + "/" + Manifest.fileName) != nil { return }
        let bytes = manifest.serialized()
        let path = root + "/" + Manifest.fileName
        if FileSystem.read(path) == bytes { return }
        try FileSystem.writeAtomically(path, bytes)
    }
}

enum FileSystem {
    /// The size of a regular file; a relative path is taken from `directory` (an open folder).
    static func size(of path: String, in directory: Int32 = AT_FDCWD) -> Int? {
        var info = stat()
        guard fstatat(directory, path, &info, 0) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            result.append(contentsOf: buffer[0..<count])
        }
        return result
    }

    /// This process's id, for temporary file names: asked once, not once per file.
    static let processID = String(getpid())

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Writes a file that must not exist yet, in a folder only this build writes to.
    static func writeNew(_ path: String, _ bytes: [UInt8]) throws(Publisher.Failure) {
        if let slash = path.lastIndex(of: "/") { try makeDirectories(String(path[..<slash])) }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw failure(path, "cannot create the file") }
        let ok = writeAll(fd, bytes)
        guard close(fd) == 0, ok else { throw failure(path, "cannot write the file") }
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        return bytes.withUnsafeBytes { buffer -> Bool in
            while offset < buffer.count {
                let count = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 { if errno == EINTR { continue }; return false }
                offset += count
            }
            return true
        }
    }

    /// Writes to a temporary file beside the target, then renames it over the target: readers (and a
    /// web server) see the old file or the new one, never half of one.
    /// - Parameter isNew: the previous build had no such file, so its folder is probably missing too:
    ///   it is made first instead of after a failed open.
    static func writeAtomically(_ path: String, _ bytes: [UInt8], isNew: Bool = false) throws(Publisher.Failure) {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = directory + "/." + name + ".versus-tmp-" + processID
        if isNew { try makeDirectories(directory) }
        var fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd < 0 && errno == ENOENT && !isNew {
            try makeDirectories(directory)
            fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        guard fd >= 0 else { throw failure(path, "cannot create the file") }
        let ok = writeAll(fd, bytes)
        let closed = close(fd) == 0
        guard ok, closed else {
            let error = failure(path, "cannot write the file")
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let error = failure(path, "cannot move the file into place")
            unlink(temporary)
            throw error
        }
    }

    /// Makes a folder and any missing parents. A folder that is already there costs one call.
    static func makeDirectories(_ path: String) throws(Publisher.Failure) {
        if mkdir(path, 0o755) == 0 { return }
        if errno == EEXIST {
            var info = stat()
            if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { return }
            throw Publisher.Failure(path: path, reason: "a file stands where a folder is needed")
        }
        guard errno == ENOENT, let slash = path.lastIndex(of: "/"), slash != path.startIndex else {
            throw failure(path, "cannot create the folder")
        }
        try makeDirectories(String(path[..<slash]))
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw failure(path, "cannot create the folder") }
    }

    private static func failure(_ path: String, _ what: String) -> Publisher.Failure {
        Publisher.Failure(path: path, reason: "\(what): \(String(cString: strerror(errno)))")
    }
}

extension FileSystem {
    /// Renames a finished staging folder to the output folder's name (making the parents it needs).
    static func moveIntoPlace(_ staging: String, _ output: String) throws(Publisher.Failure) {
        if let slash = output.lastIndex(of: "/"), slash != output.startIndex {
            try makeDirectories(String(output[..<slash]))
        }
        guard rename(staging, output) == 0 else { throw failure(output, "cannot move the finished site into place") }
    }
}
