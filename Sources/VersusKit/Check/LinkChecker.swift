import Foundation

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
        let files = knownFiles ?? Set(FileSystem.listFiles(root))
        let session = LinkCheckSession(root: root, siteURL: siteURL, files: { SiteFileSet(files) })
        let pages = (only ?? Array(files)).filter { $0.hasSuffix(".html") && files.contains($0) }.sorted()
        session.checkFromDisk(pages, jobs: jobs)
        return session.finish()
    }
}
