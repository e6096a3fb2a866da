#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The end of a rebuild, as one transaction over the output folder:
///
/// 1. a marker file says a commit is under way (a build killed from here on is repaired by the next);
/// 2. the folders new files need are made;
/// 3. each file that will be replaced gets a second name (a hard link) in the staging folder, and the
///    staged file is renamed over it; stale files are renamed into the staging folder;
/// 4. the staging folder, with the old files, is removed, and so are folders stale files left empty.
///
/// If any step of 2-3 fails, what was done is undone in reverse (old files renamed back, new files
/// and new folders removed): the output folder is byte for byte as it was. Renames and links need no
/// room for data, so a full disk stops a build while it writes the staged files, long before this.
extension Publisher {
    static let commitMarker = ".committing"

    func commit(_ pending: [Pending], stale: [String]) throws(Failure) -> Int {
        guard !pending.isEmpty || !stale.isEmpty else { return 0 }
        try makeStagingFolder()
        let marker = stagingFolder + "/" + Self.commitMarker
        let markerFD = open(marker, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard markerFD >= 0 else { throw FileSystem.failure(marker, "cannot start the commit") }
        close(markerFD)

        var createdFolders: [String] = []
        var replaced: [(target: String, backup: String?)] = []
        var movedAway: [(target: String, backup: String)] = []
        do throws(Failure) {
            // 2. Folders for new files, parents first.
            let folders = Set(pending.compactMap { item -> String? in
                item.target.lastIndex(of: "/").map { String(item.target[..<$0]) }
            }).sorted()
            for folder in folders where !FileSystem.isDirectory(root + "/" + folder) {
                try makeFolder(folder, recordingIn: &createdFolders)
            }
            // 3. Files into place, each old one kept under a second name until the end; on every core,
            // since a template edit replaces every file of the site.
            let failed = Mutex<Failure?>(nil)
            let done = Mutex<[(target: String, backup: String?)]>([])
            ParallelMap.forEach(pending.count, jobs: jobs) { next in
                var mine: [(target: String, backup: String?)] = []
                while failed.withLock({ $0 == nil }), let index = next() {
                    let target = root + "/" + pending[index].target
                    let backup = stagingFolder + "/old-\(index)"
                    if faults.failsNext() {
                        failed.withLock { $0 = $0 ?? FileSystem.failure(target, "cannot keep the old file") }
                        break
                    }
                    let kept = link(target, backup) == 0
                    if !kept && errno != ENOENT {
                        let failure = FileSystem.failure(target, "cannot keep the old file")
                        failed.withLock { $0 = $0 ?? failure }
                        break
                    }
                    if faults.failsNext() || rename(pending[index].staged, target) != 0 {
                        let failure = FileSystem.failure(target, "cannot move the file into place")
                        if kept { unlink(backup) }
                        failed.withLock { $0 = $0 ?? failure }
                        break
                    }
                    mine.append((target, kept ? backup : nil))
                }
                done.withLock { $0 += mine }
            }
            replaced = done.withLock { $0 }
            if let failure = failed.withLock({ $0 }) { throw failure }
            for (index, path) in stale.enumerated() {
                let target = root + "/" + path
                let backup = stagingFolder + "/stale-\(index)"
                if faults.failsNext() { throw FileSystem.failure(target, "cannot remove a stale file") }
                if rename(target, backup) == 0 {
                    movedAway.append((target, backup))
                } else if errno != ENOENT {
                    throw FileSystem.failure(target, "cannot remove a stale file")
                }
            }
        } catch {
            // Undo in reverse: the output folder goes back to what it was.
            for (target, backup) in movedAway.reversed() { rename(backup, target) }
            for (target, backup) in replaced.reversed() {
                if let backup { rename(backup, target) } else { unlink(target) }
            }
            for folder in createdFolders.reversed() { rmdir(folder) }
            FileSystem.removeTree(stagingFolder)
            throw error
        }
        // 4. Done: the old files go with the staging folder.
        removeStagingFolder(backups: replaced.compactMap(\.backup) + movedAway.map(\.backup))
        for path in stale { removeEmptyFolders(above: path) }
        return movedAway.count
    }

    /// Removes the staging folder after a commit: the files in it are known, so they are unlinked on
    /// every core instead of being listed again (FileManager took a second for 50,000 of them).
    private func removeStagingFolder(backups: [String]) {
        ParallelMap.forEach(backups.count, jobs: jobs) { next in
            while let index = next() { unlink(backups[index]) }
        }
        unlink(stagingFolder + "/" + Self.commitMarker)
        unlink(stagingFolder + "/manifest")
        if rmdir(stagingFolder) != 0 { FileSystem.removeTree(stagingFolder) }
    }

    /// Makes a folder of the output and any missing parents, remembering each one made.
    private func makeFolder(_ relative: String, recordingIn created: inout [String]) throws(Failure) {
        var path = root
        for component in relative.split(separator: "/") {
            path += "/" + component
            if FileSystem.isDirectory(path) { continue }
            if faults.failsNext() || mkdir(path, 0o755) != 0 {
                throw FileSystem.failure(path, FileSystem.exists(path) ? "a file stands where a folder is needed" : "cannot create the folder")
            }
            created.append(path)
        }
    }

    /// Removes the folders a stale file leaves empty, up to (not including) the output folder.
    private func removeEmptyFolders(above path: String) {
        var components = path.split(separator: "/").dropLast()
        while !components.isEmpty {
            if rmdir(root + "/" + components.joined(separator: "/")) != 0 { break }
            components = components.dropLast()
        }
    }

    /// Removes the staging folders that killed rebuilds left inside the output. Returns whether one of
    /// them was killed while committing, so that the output may hold a mix of old and new files.
    static func removeAbandonedCommits(in output: String) -> Bool {
        var interrupted = false
        for name in FileSystem.list(output) where name.hasPrefix(stagingPrefix) {
            guard let pid = Int32(name.dropFirst(stagingPrefix.count)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            let folder = output + "/" + name
            if FileSystem.exists(folder + "/" + commitMarker) { interrupted = true }
            FileSystem.removeTree(folder)
        }
        return interrupted
    }
}
