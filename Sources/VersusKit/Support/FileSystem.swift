#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A file that could not be read, written, moved or removed, with the reason the system gave.
public struct FileFailure: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): error: \(reason)" }
}

/// Plain POSIX file access: Foundation's Data.write fsyncs every file and is an order of magnitude
/// slower for a site this size.
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

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Writes a file that must not exist yet, in a folder only this build writes to.
    static func writeNew(_ path: String, _ bytes: [UInt8], faults: FaultInjection? = nil) throws(FileFailure) {
        try writeNew(path, faults: faults) { write in write(bytes) }
    }

    /// Writes a new file from parts made one after another: a file of a hundred megabytes (the
    /// manifest of a million pages) is never whole in memory.
    static func writeNew(_ path: String, faults: FaultInjection? = nil, parts: (_ write: ([UInt8]) -> Void) -> Void) throws(FileFailure) {
        if let slash = path.lastIndex(of: "/") { try makeDirectories(String(path[..<slash])) }
        if faults.failsNext() { throw failure(path, "cannot write the file") }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw failure(path, "cannot create the file") }
        var ok = true
        parts { bytes in if ok { ok = writeAll(fd, bytes) } }
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

    /// Makes a folder and any missing parents. A folder that is already there costs one call.
    static func makeDirectories(_ path: String) throws(FileFailure) {
        if mkdir(path, 0o755) == 0 { return }
        if errno == EEXIST {
            var info = stat()
            if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { return }
            throw FileFailure(path: path, reason: "a file stands where a folder is needed")
        }
        guard errno == ENOENT, let slash = path.lastIndex(of: "/"), slash != path.startIndex else {
            throw failure(path, "cannot create the folder")
        }
        try makeDirectories(String(path[..<slash]))
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw failure(path, "cannot create the folder") }
    }

    static func failure(_ path: String, _ what: String) -> FileFailure {
        FileFailure(path: path, reason: "\(what): \(String(cString: strerror(errno)))")
    }
}

extension FileSystem {
    /// Renames a finished staging folder to the output folder's name (making the parents it needs).
    static func moveIntoPlace(_ staging: String, _ output: String) throws(FileFailure) {
        if let slash = output.lastIndex(of: "/"), slash != output.startIndex {
            try makeDirectories(String(output[..<slash]))
        }
        guard rename(staging, output) == 0 else { throw failure(output, "cannot move the finished site into place") }
    }
}

extension FileSystem {
    /// Every regular file below `root`, as sorted relative paths; hidden files are skipped.
    static func listFiles(_ root: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") { continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(relative)
            }
        }
        return files.sorted()
    }

    /// Removes a folder and everything in it, as far as it can.
    static func removeTree(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The names in a folder (none when it cannot be read).
    static func list(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }
}
