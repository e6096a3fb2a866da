/// What `versus build` and `versus check` were asked to do.
public struct BuildOptions: Sendable {
    public var contentDirectory: String
    public var templatesDirectory: String
    public var outputDirectory: String
    /// Overrides `base_url` from site.yml (for previews and staging hosts).
    public var baseURL: String?
    public var jobs: Int
    /// false for `versus check`: validate everything, write nothing.
    public var writeOutput: Bool
    /// Check every internal link and fragment of the pages this build renders (and of every page when
    /// files were added or removed); the result is in `BuildReport.links`.
    public var checkLinks: Bool

    public init(contentDirectory: String = "content", templatesDirectory: String = "templates",
                outputDirectory: String = "Output", baseURL: String? = nil, jobs: Int = BuildOptions.defaultJobs,
                writeOutput: Bool = true, checkLinks: Bool = false) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.outputDirectory = outputDirectory
        self.baseURL = baseURL
        self.jobs = jobs
        self.writeOutput = writeOutput
        self.checkLinks = checkLinks
    }

    public static var defaultJobs: Int { max(1, SystemInfo.activeProcessorCount) }
}

/// What a build did, for the summary line and for tests.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var pageCount: Int = 0
    /// Pages rendered this time; the rest were kept because their inputs had not changed.
    public var pagesRendered: Int = 0
    public var filesWritten: Int = 0
    public var filesUnchanged: Int = 0
    public var filesRemoved: Int = 0
    public var seconds: Double = 0
    public var stageSeconds: [(stage: String, seconds: Double)] = []
    /// The files written by this build (new or changed), sorted.
    public var changedFiles: [String] = []
    /// Whether this build added or removed files compared with the previous one.
    public var fileSetChanged = true
    /// The loaded content, for reports that need it (translation coverage) without loading it again.
    public var content: SiteContent?
    /// The base URL the site was built for (site.yml's, or --base-url).
    public var baseURL: String = ""
    /// The link check's findings, when `BuildOptions.checkLinks` asked for it.
    public var links: LinkChecker.Result?

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}

public enum BuildFailure: Error, Sendable {
    /// Content or templates have errors: nothing was written. (exit code 1)
    case invalidInput([Diagnostic])
    /// The options cannot be used, such as an output folder inside the content. (exit code 2)
    case badUsage(String)
    /// Writing the output failed part-way (disk full, permissions). (exit code 3)
    case publishing(String, [Diagnostic])
}
