import Foundation

/// A short Markdown account of a build, for the job summary of a CI run (`GITHUB_STEP_SUMMARY`).
public enum BuildSummary {
    public static func markdown(_ report: BuildReport) -> String {
        let links: String
        if let result = report.links {
            links = result.broken.isEmpty
                ? "\(result.linksChecked) links in \(result.pagesChecked) pages resolve"
                : "**\(result.broken.count) broken** (\(result.linksChecked) links in \(result.pagesChecked) pages checked)"
        } else {
            links = "skipped"
        }
        let rows = [
            ("Pages", "\(report.pageCount)"),
            ("Files written", "\(report.filesWritten)"),
            ("Unchanged", "\(report.filesUnchanged)"),
            ("Removed", "\(report.filesRemoved)"),
            ("Time", String(format: "%.2f s", report.seconds)),
            ("Link check", links),
            ("Warnings", "\(report.warnings.count)"),
        ]
        return "### versus build\n\n| | |\n| --- | ---: |\n" + rows.map { "| \($0.0) | \($0.1) |\n" }.joined() + "\n"
    }

    /// For a build that stopped on errors in the sources.
    public static func markdown(failedWith diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }
        var text = "### versus build\n\nStopped on \(errors.count) error\(errors.count == 1 ? "" : "s"); nothing was written.\n\n"
        for error in errors.prefix(20) { text += "- `\(error.location)`: \(error.message)\n" }
        if errors.count > 20 { text += "- and \(errors.count - 20) more\n" }
        return text + "\n"
    }
}
