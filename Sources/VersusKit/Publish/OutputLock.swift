#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One build at a time per output folder: a second `versus build` into the same folder (two terminals,
/// a preview server and a build) waits for the first instead of tripping over its files. The lock is
/// the kernel's (flock) on a file beside the folder, `OUTPUT.versus-lock`, which exists only while a
/// build holds it; a killed build never leaves it held, and the next build removes what it left.
final class OutputLock: Sendable {
    private let path: String
    private let descriptor: Int32

    /// Waits until no other build holds the folder; `waiting` is called once if it has to wait.
    /// nil when the lock file cannot be made (the build then goes on without it, as before).
    init?(output: String, waiting: () -> Void) {
        path = output + ".versus-lock"
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            try? FileSystem.makeDirectories(String(path[..<slash]))
        }
        var waited = false
        while true {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else { return nil }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                if !waited { waiting(); waited = true }
                while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
            }
            // The build before may have removed the file while this one waited on it: then the lock is
            // on a file nobody else will open, and it starts again with the file as it is now.
            var held = stat(), current = stat()
            if fstat(fd, &held) == 0, stat(path, &current) == 0, held.st_ino == current.st_ino, held.st_dev == current.st_dev {
                descriptor = fd
                return
            }
            close(fd)
        }
    }

    deinit {
        // Removed while still held, so that nobody can lock the old file after this build is done.
        unlink(path)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
