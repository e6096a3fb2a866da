/// One problem found in content or templates, printed compiler style: `path:line:col: error: message`.
public struct Diagnostic: Error, Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public static func error(_ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, location, message)
    }

    public static func warning(_ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, location, message)
    }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.severity.rawValue, lhs.message) < (rhs.location, rhs.severity.rawValue, rhs.message)
    }
}

/// Collects diagnostics while a stage runs, so that all of them are reported at once.
public struct DiagnosticList: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init() {}

    public mutating func error(_ location: SourceLocation, _ message: String) {
        all.append(.error(location, message))
    }

    public mutating func warning(_ location: SourceLocation, _ message: String) {
        all.append(.warning(location, message))
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        all.append(contentsOf: other)
    }

    /// Folds errors that only follow from the first error in `file` into that error: "N more errors
    /// follow from this one".
    mutating func note(_ count: Int, errorsFollowFrom file: String) {
        guard count > 0, let index = all.indices.filter({ all[$0].severity == .error && all[$0].location.file == file })
            .min(by: { all[$0].location < all[$1].location }) else { return }
        all[index].message += " (\(count) more error\(count == 1 ? "" : "s") follow\(count == 1 ? "s" : "") from this one: other files name this code)"
    }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }
    /// Sorted by file, line and column: the order an editor reads them in.
    public var sorted: [Diagnostic] { Array(Set(all)).sorted() }
}

/// Thrown when a stage found errors; carries every diagnostic, warnings included.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
