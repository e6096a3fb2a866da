/// Reads the fields of one YAML mapping with typed accessors that record a diagnostic (with file and
/// line) for every wrong type, missing required field or unknown field, instead of stopping at the first.
struct FieldReader {
    let entries: [YAMLEntry]
    let location: SourceLocation
    private(set) var consumed: Set<String> = []

    init?(_ tree: YAMLTree, what: String, diagnostics: inout DiagnosticList) {
        guard case .mapping(let entries, let location) = tree else {
            diagnostics.error(tree.location, "\(what) must be a set of fields, found \(tree.kindName)")
            return nil
        }
        self.entries = entries
        self.location = location
    }

    func entry(_ key: String) -> YAMLEntry? { entries.first { $0.key == key } }

    mutating func tree(_ key: String) -> YAMLTree? {
        consumed.insert(key)
        return entry(key)?.value
    }

    mutating func string(_ key: String, required: Bool = false, diagnostics: inout DiagnosticList) -> (String, SourceLocation)? {
        consumed.insert(key)
        guard let entry = entry(key) else {
            if required { diagnostics.error(location, "missing required field \"\(key)\"") }
            return nil
        }
        guard case .scalar(let value, let location) = entry.value else {
            diagnostics.error(entry.value.location, "field \"\(key)\" must be a single value, found \(entry.value.kindName)")
            return nil
        }
        let trimmed = value.trimmingWhitespace
        if trimmed.isEmpty {
            if required { diagnostics.error(location, "field \"\(key)\" must not be empty") }
            return nil
        }
        return (trimmed, location)
    }

    mutating func bool(_ key: String, required: Bool = false, diagnostics: inout DiagnosticList) -> Bool? {
        guard let (value, location) = string(key, required: required, diagnostics: &diagnostics) else { return nil }
        switch value.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            diagnostics.error(location, "field \"\(key)\" must be true or false, found \"\(value)\"")
            return nil
        }
    }

    /// A list of single values; a lone value is accepted as a list of one.
    mutating func strings(_ key: String, diagnostics: inout DiagnosticList) -> [(String, SourceLocation)] {
        consumed.insert(key)
        guard let entry = entry(key) else { return [] }
        switch entry.value {
        case .scalar(let value, let location):
            let trimmed = value.trimmingWhitespace
            return trimmed.isEmpty ? [] : [(trimmed, location)]
        case .sequence(let items, _):
            var result: [(String, SourceLocation)] = []
            for item in items {
                if case .scalar(let value, let location) = item {
                    result.append((value.trimmingWhitespace, location))
                } else {
                    diagnostics.error(item.location, "each item of \"\(key)\" must be a single value, found \(item.kindName)")
                }
            }
            return result
        case .mapping(_, let location):
            diagnostics.error(location, "field \"\(key)\" must be a list, found a set of fields")
            return []
        }
    }

    /// Reports every field that was never asked for, with the closest known name.
    func reportUnknownFields(known: [String], what: String, diagnostics: inout DiagnosticList) {
        for entry in entries where !consumed.contains(entry.key) {
            diagnostics.error(entry.keyLocation,
                              "unknown field \"\(entry.key)\" in \(what)\(Suggestion.didYouMean(entry.key, in: known))")
        }
    }
}

extension StringProtocol {
    var trimmingWhitespace: String {
        var scalars = Substring(String(self))
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
