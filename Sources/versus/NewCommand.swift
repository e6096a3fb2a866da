import ArgumentParser
import VersusKit

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new code or locale file with every field, section and key, and comments saying what goes where.",
        discussion: "Never overwrites a file. Examples: versus new code 252; versus new locale de."
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case code, locale
    }

    @Argument(help: "What to create: code or locale.")
    var kind: Kind

    @Argument(help: "The code number (252) or the locale code (de).")
    var name: String

    @Option(name: .long, help: "The content folder.")
    var content: String = "content"

    @Option(name: .long, help: "The family of a new code.")
    var family: String = "smtp"

    func run() throws {
        do {
            let path = switch kind {
            case .code: try Scaffold.newCode(name, family: family, contentDirectory: content)
            case .locale: try Scaffold.newLocale(name, contentDirectory: content)
            }
            print("Created \(path). `versus check` lists what is left to fill in.")
        } catch {
            Console.error("versus: error: \(error)")
            throw VersusExit(status: ExitStatus.invalidInput.rawValue)
        }
    }
}
