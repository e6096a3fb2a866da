import ArgumentParser
import VersusKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct VersusExit: Error {
    var status: Int32
}

struct VersusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "versus",
        abstract: "Builds the multilingual SMTP reply code reference: a page per code and a comparison page for every pair.",
        discussion: """
        Exit status: 0 success; 1 errors in content or templates (reported as path:line:col, nothing written); \
        2 bad usage (unknown option, unusable output folder); 3 the output could not be written.
        """,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self],
        defaultSubcommand: nil
    )
}

struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The content folder.")
    var content: String = "content"

    @Option(name: .long, help: "The templates folder.")
    var templates: String = "templates"

    @Option(name: .long, help: "The site's public URL, overriding base_url in site.yml.")
    var baseURL: String?

    @Option(name: .long, help: "Threads to render and write with (default: all cores).")
    var jobs: Int = BuildOptions.defaultJobs

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Validate content and templates, then write the site into the output folder.",
        discussion: "Only files whose bytes changed are written; files an earlier build wrote and this one does not are removed. On any error nothing is written."
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The output folder.")
    var output: String = "Output"

    @Flag(name: .long, help: "Skip the check of internal links that runs after every build.")
    var noLinkCheck = false

    @Flag(name: .long, help: "Print the wall time of each build stage on standard error.")
    var timings = false

    func run() throws {
        let options = BuildOptions(contentDirectory: site.content, templatesDirectory: site.templates, outputDirectory: output,
                                   baseURL: site.baseURL, jobs: site.jobs, writeOutput: true, checkLinks: !noLinkCheck)
        let progress = site.quiet ? nil : ProgressDisplay()
        let report = try Reporter(quiet: site.quiet).finish(SiteBuilder.build(options, progress: progress.map { display in
            { @Sendable done, total in display.update(done: done, total: total) }
        }))
        progress?.finish()
        if !site.quiet {
            print("Built \(report.pageCount) pages in \(Reporter.format(seconds: report.seconds)): "
                  + "\(report.filesWritten) files written, \(report.filesUnchanged) unchanged, \(report.filesRemoved) removed.")
        }
        if timings {
            for (stage, seconds) in report.stageSeconds {
                Console.error(String(Int((seconds * 1000).rounded())).leftPadded(to: 7) + " ms  " + stage)
            }
        }
        if let links = report.links {
            try LinkReport.report(links, output: output, quiet: site.quiet)
        }
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate content and templates exactly as build does, and write nothing."
    )

    @OptionGroup var site: SiteOptions

    @Flag(name: .long, help: "Check the internal links and #fragments of the built site in --output instead of the sources.")
    var links = false

    @Option(name: .long, help: "The built site that --links reads.")
    var output: String = "Output"

    @Flag(name: .long, help: "Also print translation coverage per locale (labels, code titles, body sections, pair notes). Does not change the exit status.")
    var translations = false

    func run() throws {
        if links {
            let siteURL = site.baseURL ?? ContentLoader.loadConfig(from: site.content)?.baseURL ?? "/"
            try LinkReport.run(output: output, siteURL: siteURL, jobs: site.jobs, quiet: site.quiet)
            return
        }
        let options = BuildOptions(contentDirectory: site.content, templatesDirectory: site.templates,
                                   baseURL: site.baseURL, jobs: site.jobs, writeOutput: false)
        let report = try Reporter(quiet: site.quiet).finish(SiteBuilder.build(options))
        if translations, let content = report.content {
            print(TranslationCoverage(content: content).table())
        }
        if !site.quiet {
            print("No errors: \(report.pageCount) pages would be built (\(report.warnings.count) warnings).")
        }
    }
}

/// Runs the link check over a built site and prints every broken link as `page: broken link -> target`.
enum LinkReport {
    static func run(output: String, siteURL: String, jobs: Int, quiet: Bool) throws {
        let root = output.hasSuffix("/") ? String(output.dropLast()) : output
        try report(LinkChecker.check(root: root, siteURL: siteURL, jobs: jobs), output: output, quiet: quiet)
    }

    static func report(_ result: LinkChecker.Result, output: String, quiet: Bool) throws {
        let root = output.hasSuffix("/") ? String(output.dropLast()) : output
        for link in result.broken { Console.error(root + "/" + link.description) }
        if !result.broken.isEmpty {
            Console.error("versus: \(result.broken.count) broken link\(result.broken.count == 1 ? "" : "s") in \(root).")
            throw VersusExit(status: ExitStatus.invalidInput.rawValue)
        }
        if !quiet {
            print(result.pagesChecked == 0 ? "Links: no page changed, nothing to check."
                  : "Links: \(result.linksChecked) internal links in \(result.pagesChecked) pages resolve.")
        }
    }
}

/// Prints diagnostics compiler style on standard error and turns a failure into its exit status.
struct Reporter {
    var quiet: Bool

    func finish(_ result: Result<BuildReport, BuildFailure>) throws -> BuildReport {
        switch result {
        case .success(let report):
            if !quiet { printDiagnostics(report.diagnostics) }
            return report
        case .failure(.invalidInput(let diagnostics)):
            printDiagnostics(quiet ? diagnostics.filter { $0.severity == .error } : diagnostics)
            let errors = diagnostics.filter { $0.severity == .error }.count
            Console.error("versus: \(errors) error\(errors == 1 ? "" : "s"); nothing was written.")
            throw VersusExit(status: ExitStatus.invalidInput.rawValue)
        case .failure(.badUsage(let message)):
            Console.error("versus: error: \(message)")
            throw VersusExit(status: ExitStatus.badUsage.rawValue)
        case .failure(.publishing(let message, _)):
            Console.error("\(message)\nversus: the output could not be written completely.")
            throw VersusExit(status: ExitStatus.publishingFailed.rawValue)
        }
    }

    private func printDiagnostics(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { Console.error(diagnostic.description) }
    }

    static func format(seconds: Double) -> String {
        let milliseconds = Int((seconds * 1000).rounded())
        return milliseconds < 1000 ? "\(milliseconds) ms" : "\(milliseconds / 1000).\(String(format2: (milliseconds % 1000) / 10)) s"
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }

    init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
}
