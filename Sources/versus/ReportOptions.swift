import ArgumentParser
import VersusKit

extension DiagnosticFormat: ExpressibleByArgument {}

/// How `build` and `check` report problems.
struct ReportOptions: ParsableArguments {
    @Option(name: .long, help: "How to print diagnostics: plain (path:line:col, on standard error), json (one object per line on standard output) or sarif (a SARIF 2.1.0 log on standard output).")
    var diagnostics: DiagnosticFormat = .plain
}
