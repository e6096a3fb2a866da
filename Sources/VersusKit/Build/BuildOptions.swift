/// What `versus build` and `versus check` were asked to do.
public struct BuildOptions: Sendable {
    public var contentDirectory: String
    public var templatesDirectory: String
    /// Where the site is written, without a trailing slash (taken off here, once).
    public var outputDirectory: String {
        get { output }
        set { output = FolderPath.normalized(newValue) }
    }
    private var output = "Output"
    /// Overrides `base_url` from site.yml (for previews and staging hosts).
    public var baseURL: String?
    public var jobs: Int
    /// false for `versus check`: validate everything, write nothing.
    public var writeOutput: Bool
    /// Check every internal link and fragment of the pages this build renders (and of every page when
    /// files were added or removed); the result is in `BuildReport.links`.
    public var checkLinks: Bool
    /// Also write a `.gz` and a `.br` of every text file (HTML, CSS, JS, JSON, XML, text), for hosts
    /// that serve them as they are.
    public var compress = false
    /// Count translated labels, titles, sections and pair notes per locale into `BuildReport.translationCoverage`.
    public var translationCoverage = false
    /// Build only this shard's pages (see `BuildShard`); nil builds the whole site.
    public var shard: BuildShard?
    /// Called when another build is writing the same output folder and this one waits for it.
    public var waitingForOutput: (@Sendable () -> Void)?
    /// Tests only: make the Nth change to the output fail.
    var faultInjection: FaultInjection?

    public init(contentDirectory: String = "content", templatesDirectory: String = "templates",
                outputDirectory: String = "Output", baseURL: String? = nil, jobs: Int = SystemInfo.defaultJobs,
                writeOutput: Bool = true, checkLinks: Bool = false) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.baseURL = baseURL
        self.jobs = max(1, jobs)
        self.writeOutput = writeOutput
        self.checkLinks = checkLinks
        self.outputDirectory = outputDirectory
    }

    /// --base-url, checked.
    var base: BaseURL? { baseURL.flatMap(BaseURL.init) }

    /// Why these options cannot be used (exit status 2), or nil.
    var problem: String? {
        if let baseURL, BaseURL(baseURL) == nil { return "--base-url " + BaseURL.problem(with: baseURL) }
        if writeOutput {
            return OutputSafety.problem(output: outputDirectory, content: contentDirectory, templates: templatesDirectory)
        }
        return nil
    }
}
