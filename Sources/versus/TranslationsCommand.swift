import ArgumentParser
import VersusKit

/// `versus translations record`: the reviewer's side of translation freshness (`versus check
/// --translations` lists what is outdated).
struct TranslationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translations",
        abstract: "Keep translations in step with the default locale's text.",
        subcommands: [RecordCommand.self]
    )
}

struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record that translations were reviewed against today's default-locale text.",
        discussion: """
        Writes, in each translation's front matter, `translated_from:` with a short hash of every \
        default-locale text it translates. When that text changes later, `versus check --translations` \
        lists the translation as outdated and its page says so, until it is reviewed and recorded again. \
        Example: versus translations record content/smtp/550.fr.md
        """
    )

    @Option(name: .long, help: "The content folder.")
    var content: String = "content"

    @Option(name: .long, help: "Record every translation into this locale (repeatable).")
    var locale: [String] = []

    @Flag(name: .long, help: "Record every translation file of every locale.")
    var all = false

    @Argument(help: "Translation files to record (like content/smtp/550.fr.md).")
    var files: [String] = []

    func validate() throws {
        if files.isEmpty && locale.isEmpty && !all {
            throw ValidationError("name the translation files you reviewed, or use --locale CODE or --all")
        }
    }

    func run() throws {
        let result = TranslationRecorder.record(contentDirectory: content, locales: locale.isEmpty ? nil : Set(locale),
                                                files: files.isEmpty ? nil : files)
        switch result {
        case .success(let summary):
            for file in summary.written { Console.output("recorded \(file)") }
            Console.output("\(summary.written.count) file\(summary.written.count == 1 ? "" : "s") recorded, \(summary.unchanged) already up to date.")
        case .failure(.invalidContent(let diagnostics)):
            _ = try Reporter(quiet: false).finish(.failure(.invalidInput(diagnostics)))
        case .failure(.notATranslation(let file)):
            Console.error("versus: error: \(file) is not a translation file of \(content) (a file like smtp/550.fr.md or smtp/pairs/450-451.fr.md)")
            throw VersusExit(status: ExitStatus.badUsage.rawValue)
        case .failure(.cannotWrite(let file, let reason)):
            Console.error("versus: error: cannot write \(file): \(reason)")
            throw VersusExit(status: ExitStatus.publishingFailed.rawValue)
        }
    }
}
