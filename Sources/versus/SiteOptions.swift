import ArgumentParser
import VersusKit

/// The options every command that builds or checks the site shares.
struct SiteOptions: ParsableArguments {
    @OptionGroup var sources: SourceOptions

    var content: String { sources.content }
    var templates: String { sources.templates }

    @Option(name: .long, help: "The site's public URL, overriding base_url in site.yml.")
    var baseURL: String?

    @Option(name: .long, help: "Threads to render and write with (default: all cores).")
    var jobs: Int = SystemInfo.defaultJobs

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }
}
