import Foundation
#if canImport(Glibc)
import Glibc
#endif

public enum SystemInfo {
    static var activeProcessorCount: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Threads to work with when nobody said: one per core.
    public static var defaultJobs: Int { max(1, activeProcessorCount) }

    static func now() -> Double { Date().timeIntervalSinceReferenceDate }

    /// Hands the memory the render threads freed back to the system. glibc keeps a heap per thread
    /// and holds on to its freed pages; without this, the sitemaps and the manifest made after the
    /// pages were counted on top of what the render threads once used.
    static func returnFreedMemory() {
        #if canImport(Glibc)
        // malloc_trim is glibc's own (malloc.h, which the Glibc module does not bring in).
        typealias Trim = @convention(c) (Int) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") {
            _ = unsafeBitCast(symbol, to: Trim.self)(0)
        }
        #endif
    }

    /// The absolute, symlink-free form of a path, for comparing folders.
    static func canonicalPath(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: absolute).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
