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
