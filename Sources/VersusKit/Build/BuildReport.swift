/// What a build did, for the summary line and for tests.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var pageCount: Int = 0
    /// The base URL the site was built for (site.yml's, or --base-url).
    public var baseURL: String = ""
    /// Pages rendered this time; the rest were kept because their inputs had not changed.
    public var pagesRendered: Int = 0
    public var filesWritten: Int = 0
    public var filesUnchanged: Int = 0
    public var filesRemoved: Int = 0
    public var seconds: Double = 0
    /// Wall time of each named phase, in order (`versus build --timings`).
    public var phaseSeconds: [(phase: String, seconds: Double)] = []
    /// The files written by this build (new or changed), sorted. Made when asked for: after a first
    /// build of a million pages the list alone is over 100 MB, and the command line never reads it.
    public var changedFiles: [String] { listChangedFiles() }
    var listChangedFiles: @Sendable () -> [String] = { [] }
    /// Whether this build added or removed files compared with the previous one.
    public var fileSetChanged = true
    /// The link check's findings, when `BuildOptions.checkLinks` asked for it.
    public var links: LinkChecker.Result?
    /// When `BuildOptions.translationCoverage` asked for it.
    public var translationCoverage: TranslationCoverage?

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}
