import ArgumentParser
import VersusKit

/// --output, declared once for every command that writes or reads a built site.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "The output folder (build and check --links: Output; serve: a folder of its own under the system's temporary folder, kept between runs).")
    var output: String?

    /// The folder, without a trailing slash, with `default` when none was given.
    func folder(default fallback: String) -> String {
        FolderPath.normalized(output ?? fallback)
    }

    /// The folder of `build` and `check --links`.
    var folder: String { folder(default: "Output") }
}
