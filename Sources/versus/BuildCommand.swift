import Foundation
import ArgumentParser
import VersusKit

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Validate content and templates, then write the site into the output folder.",
        discussion: "Only files whose bytes changed are written; files an earlier build wrote and this one does not are removed. On any error nothing is written."
    )

    @OptionGroup var site: SiteOptions

    @OptionGroup var output: OutputOptions

    @OptionGroup var reporting: ReportOptions

    @Flag(name: .long, help: "Skip the check of internal links that runs after every build.")
    var noLinkCheck = false

    @Flag(name: .long, help: "Also write .gz and .br files beside every text file, for hosts that serve them as they are (nginx gzip_static, brotli_static).")
    var compress = false

    @Flag(name: .long, help: "Print the wall time of each build phase on standard error.")
    var timings = false

    @Option(name: .long, help: ArgumentHelp("Build one of N shards (I/N, 1-based) into its own output folder: copied together, the N folders hold the whole site. Shard 1 also writes sitemaps, search indexes, the API and assets.", valueName: "I/N"))
    var shard: String?

    func validate() throws {
        if let shard, BuildShard(shard) == nil { throw ValidationError("--shard " + BuildShard.problem(with: shard)) }
    }

    func run() throws {
        var options = BuildOptions(contentDirectory: site.content, templatesDirectory: site.templates, outputDirectory: output.folder,
                                   baseURL: site.baseURL, jobs: site.jobs, writeOutput: true, checkLinks: !noLinkCheck)
        options.compress = compress
        options.shard = shard.flatMap(BuildShard.init)
        let folder = output.folder
        options.waitingForOutput = { Console.error("versus: another build is writing \(folder); waiting for it to finish.") }
        let reporter = Reporter(quiet: site.quiet, format: reporting.diagnostics)
        let progress = site.quiet ? nil : ProgressDisplay()
        let result = SiteBuilder.build(options, progress: progress.map { display in
            { @Sendable done, total in display.update(done: done, total: total) }
        })
        progress?.finish()
        appendStepSummary(result, environment: reporter.environment)
        let report = try reporter.finish(result)
        if !site.quiet {
            reporter.say("Built \(report.pageCount) pages\(shardNote) in \(Reporter.format(seconds: report.seconds)): "
                         + "\(report.filesWritten) files written, \(report.filesUnchanged) unchanged, \(report.filesRemoved) removed.")
        }
        if timings {
            for (phase, seconds) in report.phaseSeconds {
                Console.error(String(Int((seconds * 1000).rounded())).leftPadded(to: 7) + " ms  " + phase)
            }
        }
        if let links = report.links {
            try LinkReport.report(links, output: output.folder, quiet: site.quiet, say: reporter.say)
        }
    }

    private var shardNote: String { shard.map { " (shard \($0))" } ?? "" }

    /// In GitHub Actions, GITHUB_STEP_SUMMARY names a file whose Markdown the run's page shows.
    private func appendStepSummary(_ result: Result<BuildReport, BuildFailure>, environment: [String: String]) {
        guard let path = environment["GITHUB_STEP_SUMMARY"], !path.isEmpty else { return }
        let markdown: String
        switch result {
        case .success(let report): markdown = BuildSummary.markdown(report)
        case .failure(.invalidInput(let diagnostics)): markdown = BuildSummary.markdown(failedWith: diagnostics)
        case .failure(.badUsage(let message)), .failure(.publishing(let message, _)): markdown = "### versus build\n\nFailed: \(message)\n\n"
        }
        guard let file = FileHandle(forWritingAtPath: path) ?? (FileManager.default.createFile(atPath: path, contents: nil)
                                                                 ? FileHandle(forWritingAtPath: path) : nil) else {
            Console.error("versus: warning: cannot write the step summary to \(path)")
            return
        }
        file.seekToEndOfFile()
        file.write(Data(markdown.utf8))
        file.closeFile()
    }
}
