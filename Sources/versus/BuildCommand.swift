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

    @Flag(name: .long, help: "Skip the check of internal links that runs after every build.")
    var noLinkCheck = false

    @Flag(name: .long, help: "Print the wall time of each build phase on standard error.")
    var timings = false

    func run() throws {
        let options = BuildOptions(contentDirectory: site.content, templatesDirectory: site.templates, outputDirectory: output.folder,
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
            for (phase, seconds) in report.phaseSeconds {
                Console.error(String(Int((seconds * 1000).rounded())).leftPadded(to: 7) + " ms  " + phase)
            }
        }
        if let links = report.links {
            try LinkReport.report(links, output: output.folder, quiet: site.quiet)
        }
    }
}
