import VersusKit

/// Runs the link check over a built site and prints every broken link as `page: broken link -> target`.
enum LinkReport {
    /// - Parameter output: the built site's folder, without a trailing slash (`OutputOptions.folder`).
    static func run(output: String, siteURL: String, jobs: Int, quiet: Bool, say: (String) -> Void) throws {
        try report(LinkChecker.check(root: output, siteURL: siteURL, jobs: jobs), output: output, quiet: quiet, say: say)
    }

    static func report(_ result: LinkChecker.Result, output root: String, quiet: Bool, say: (String) -> Void) throws {
        for link in result.broken { Console.error(root + "/" + link.description) }
        if !result.broken.isEmpty {
            Console.error("versus: \(result.broken.count) broken link\(result.broken.count == 1 ? "" : "s") in \(root).")
            throw VersusExit(status: ExitStatus.invalidInput.rawValue)
        }
        if !quiet {
            say(result.pagesChecked == 0 ? "Links: no page changed, nothing to check."
                  : "Links: \(result.linksChecked) internal links in \(result.pagesChecked) pages resolve.")
        }
    }
}
