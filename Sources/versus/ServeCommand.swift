import ArgumentParser
import Foundation
import VersusKit
import VersusServe

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it on 127.0.0.1, rebuild on every save and reload open pages.",
        discussion: """
        While a change has errors, pages show them in an overlay and the last good build stays served. \
        The live-reload script is added to served pages only, never to the built files. Binds to loopback \
        only, unless --host names another address and --expose is given.
        """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The folder to build the preview into (default: a folder of its own under the system's temporary folder, kept between runs).")
    var output: String?

    @Option(name: .long, help: "The port to listen on (0 picks a free one).")
    var port: Int = 1414

    @Option(name: .long, help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Flag(name: .long, help: "Allow --host to be an address other machines can reach.")
    var expose = false

    func validate() throws {
        if !PreviewServer.isLoopback(host) && !expose {
            throw ValidationError("--host \(host) is reachable from other machines; add --expose if that is really wanted")
        }
        if !(0...65535).contains(port) { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let folder = output ?? Self.defaultOutput(content: site.content)
        let options = BuildOptions(contentDirectory: site.content, templatesDirectory: site.templates, outputDirectory: folder,
                                   baseURL: site.baseURL ?? "http://\(host):\(port)/", jobs: site.jobs, writeOutput: true)
        let quiet = site.quiet
        let server = PreviewServer(options: .init(build: options, host: host, port: port)) { message in
            if !quiet { Console.error(message) }
        }
        let host = self.host
        try await server.run { port in
            if !quiet { Console.output("Serving \(folder) at http://\(host):\(port)/ (Ctrl-C stops).") }
        }
    }

    /// A stable folder per content folder, so a second `versus serve` starts from the last build.
    static func defaultOutput(content: String) -> String {
        let absolute = URL(fileURLWithPath: content).standardizedFileURL.path
        let hash = ContentHash.of(absolute)
        return FileManager.default.temporaryDirectory.appendingPathComponent("versus-serve-" + String(hash, radix: 16)).path
    }
}

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
