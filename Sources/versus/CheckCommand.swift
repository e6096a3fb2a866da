import ArgumentParser
import VersusKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate content and templates exactly as build does, and write nothing."
    )

    @OptionGroup var site: SiteOptions

    @Flag(name: .long, help: "Check the internal links and #fragments of the built site in --output instead of the sources.")
    var links = false

    @OptionGroup var output: OutputOptions

    @OptionGroup var reporting: ReportOptions

    @Flag(name: .long, help: "Also print translation coverage per locale (labels, code titles, body sections, pair notes, outdated and unrecorded texts) and each outdated translation as path:line. Does not change the exit status.")
    var translations = false

    func run() throws {
        if links {
            let siteURL = site.baseURL ?? ContentLoader.loadConfig(from: site.content)?.baseURL ?? "/"
            try LinkReport.run(output: output.folder, siteURL: siteURL, jobs: site.jobs, quiet: site.quiet,
                               say: Reporter(quiet: site.quiet, format: reporting.diagnostics).say)
            return
        }
        var options = BuildOptions(contentDirectory: site.content, templatesDirectory: site.templates,
                                   baseURL: site.baseURL, jobs: site.jobs, writeOutput: false)
        options.translationCoverage = translations
        let reporter = Reporter(quiet: site.quiet, format: reporting.diagnostics)
        let report = try reporter.finish(SiteBuilder.build(options))
        if let coverage = report.translationCoverage {
            reporter.say(coverage.table())
            for line in coverage.outdatedLines() { reporter.say(line) }
        }
        if !site.quiet {
            reporter.say("No errors: \(report.pageCount) pages would be built (\(report.warnings.count) warnings).")
        }
    }
}
