import Foundation

enum SystemInfo {
    static var activeProcessorCount: Int { ProcessInfo.processInfo.activeProcessorCount }

    static func now() -> Double { Date().timeIntervalSinceReferenceDate }

    /// The absolute, symlink-free form of a path, for comparing folders.
    static func canonicalPath(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: absolute).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
