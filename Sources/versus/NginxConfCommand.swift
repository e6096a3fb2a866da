import ArgumentParser
import VersusKit

struct NginxConfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nginx-conf",
        abstract: "Print an nginx server block for the built site: every locale's 404 page, the security headers, and caching.",
        discussion: "Made from content/site.yml and the templates, so it follows the site's locales. Example: versus nginx-conf --root /srv/site/Output > /etc/nginx/sites-enabled/site.conf"
    )

    @OptionGroup var sources: SourceOptions

    @Option(name: .long, help: "The folder nginx serves: where the site was built.")
    var root: String = "/srv/versus/Output"

    @Option(name: .long, help: "The server_name; by default the host of base_url in site.yml.")
    var serverName: String?

    func run() throws {
        switch HostConfiguration.nginx(content: sources.content, templates: sources.templates, root: root, serverName: serverName) {
        case .success(let block):
            Console.output(block, newline: false)
        case .failure(let failure):
            _ = try Reporter(quiet: false).finish(.failure(failure))
        }
    }
}
