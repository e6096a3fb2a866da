import Foundation
import VersusKit

/// Prints diagnostics in the format asked for (and as GitHub Actions workflow commands when running
/// there), and turns a failure into its exit status.
struct Reporter {
    var quiet: Bool
    var format: DiagnosticFormat = .plain
    var environment = ProcessInfo.processInfo.environment

    /// GitHub Actions sets GITHUB_ACTIONS=true in every step.
    var inGitHubActions: Bool { environment["GITHUB_ACTIONS"] == "true" }

    /// Paths in machine-readable output are relative to the repository root.
    var base: String { environment["GITHUB_WORKSPACE"] ?? FileManager.default.currentDirectoryPath }

    /// A line for people: on standard output, unless standard output carries JSON or SARIF.
    func say(_ text: String) {
        if format == .plain { Console.output(text) } else { Console.error(text) }
    }

    func finish(_ result: Result<BuildReport, BuildFailure>) throws -> BuildReport {
        switch result {
        case .success(let report):
            print(report.diagnostics, peopleSee: quiet ? [] : report.diagnostics)
            return report
        case .failure(.invalidInput(let diagnostics)):
            print(diagnostics, peopleSee: quiet ? diagnostics.filter { $0.severity == .error } : diagnostics)
            let errors = diagnostics.filter { $0.severity == .error }.count
            Console.error("versus: \(errors) error\(errors == 1 ? "" : "s"); nothing was written.")
            throw VersusExit(status: ExitStatus.invalidInput.rawValue)
        case .failure(.badUsage(let message)):
            Console.error("versus: error: \(message)")
            throw VersusExit(status: ExitStatus.badUsage.rawValue)
        case .failure(.publishing(let message, _)):
            Console.error("\(message)\nversus: the output could not be written completely.")
            throw VersusExit(status: ExitStatus.publishingFailed.rawValue)
        }
    }

    /// Machine-readable forms always carry every diagnostic; `--quiet` only shortens what people read.
    private func print(_ diagnostics: [Diagnostic], peopleSee: [Diagnostic]) {
        switch format {
        case .plain: for diagnostic in peopleSee { Console.error(diagnostic.description) }
        case .json: for diagnostic in diagnostics { Console.output(DiagnosticOutput.jsonLine(diagnostic, base: base)) }
        case .sarif: Console.output(DiagnosticOutput.sarif(diagnostics, base: base), newline: false)
        }
        if inGitHubActions {
            // The runner reads workflow commands from both streams; standard output stays clean for JSON and SARIF.
            for diagnostic in diagnostics {
                let command = DiagnosticOutput.githubCommand(diagnostic, base: base)
                if format == .plain { Console.output(command) } else { Console.error(command) }
            }
        }
    }

    static func format(seconds: Double) -> String {
        let milliseconds = Int((seconds * 1000).rounded())
        return milliseconds < 1000 ? "\(milliseconds) ms" : "\(milliseconds / 1000).\(String(format2: (milliseconds % 1000) / 10)) s"
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }

    init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
}
