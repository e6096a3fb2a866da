import Foundation
import VersusKit

/// Prints diagnostics compiler style on standard error and turns a failure into its exit status.
struct Reporter {
    var quiet: Bool

    func finish(_ result: Result<BuildReport, BuildFailure>) throws -> BuildReport {
        switch result {
        case .success(let report):
            if !quiet { printDiagnostics(report.diagnostics) }
            return report
        case .failure(.invalidInput(let diagnostics)):
            printDiagnostics(quiet ? diagnostics.filter { $0.severity == .error } : diagnostics)
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

    private func printDiagnostics(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { Console.error(diagnostic.description) }
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
