import ArgumentParser

/// Where the sources are: every command that reads them has these.
struct SourceOptions: ParsableArguments {
    @Option(name: .long, help: "The content folder.")
    var content: String = "content"

    @Option(name: .long, help: "The templates folder.")
    var templates: String = "templates"
}
