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

    @OptionGroup var output: OutputOptions

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
        let folder = output.folder(default: Self.defaultOutput(content: site.content))
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
