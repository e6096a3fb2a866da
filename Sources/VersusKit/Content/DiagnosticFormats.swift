import Foundation

/// How `versus build` and `versus check` print their diagnostics.
public enum DiagnosticFormat: String, CaseIterable, Sendable {
    /// `path:line:col: error: message`, compiler style, on standard error (the default).
    case plain
    /// One JSON object per line on standard output: file, line, column, severity, message, suggestion.
    case json
    /// One SARIF 2.1.0 log on standard output, for code-scanning tools.
    case sarif
}

extension Diagnostic {
    /// The word a "did you mean" hint suggests, if the message has one.
    public var suggestion: String? { Suggestion.split(message).suggestion }

    /// A short name for the kind of problem, the same for every diagnostic of that kind: the message
    /// without its quoted values, numbers in parentheses and suggestion ("unknown section").
    public var title: String {
        var text = ""
        var quoted = false
        for character in Suggestion.split(message).message {
            if character == "\"" { quoted.toggle(); continue }
            if !quoted { text.append(character) }
        }
        let words = text.split(whereSeparator: { $0.isWhitespace || $0 == "(" || $0 == ")" || $0 == ":" || $0 == ";" || $0 == "," })
            .prefix { !$0.contains(where: { $0 == "/" || $0 == "." }) }
        let title = words.prefix(8).joined(separator: " ")
        return title.isEmpty ? severity.rawValue : title
    }

    /// `title` as an identifier, for SARIF rules ("unknown-section").
    public var ruleID: String {
        title.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
    }
}

/// Diagnostics in the forms CI tools read. File paths are made relative to `base` (the repository
/// root: `GITHUB_WORKSPACE` in GitHub Actions, else the working folder), as those tools expect.
public enum DiagnosticOutput {
    /// One JSON object, on one line.
    public static func jsonLine(_ diagnostic: Diagnostic, base: String) -> String {
        var fields = [
            "\"file\":" + JSON.string(relativePath(diagnostic.location.file, to: base)),
            "\"line\":\(diagnostic.location.line)",
            "\"column\":\(diagnostic.location.column)",
            "\"severity\":" + JSON.string(diagnostic.severity.rawValue),
            "\"message\":" + JSON.string(diagnostic.message),
        ]
        fields.append("\"suggestion\":" + (diagnostic.suggestion.map(JSON.string) ?? "null"))
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// A GitHub Actions workflow command: GitHub shows it on the line of the pull request's diff.
    public static func githubCommand(_ diagnostic: Diagnostic, base: String) -> String {
        let properties = [
            "file=" + escapeProperty(relativePath(diagnostic.location.file, to: base)),
            "line=\(diagnostic.location.line)",
            "col=\(diagnostic.location.column)",
            "title=" + escapeProperty(diagnostic.title),
        ]
        return "::\(diagnostic.severity.rawValue) \(properties.joined(separator: ","))::" + escapeData(diagnostic.message)
    }

    /// A SARIF 2.1.0 log with one run of versus; one rule per kind of diagnostic.
    public static func sarif(_ diagnostics: [Diagnostic], base: String) -> String {
        var rules: [String: String] = [:]
        for diagnostic in diagnostics where rules[diagnostic.ruleID] == nil { rules[diagnostic.ruleID] = diagnostic.title }
        let ruleList = rules.keys.sorted()
        let ruleIndex = Dictionary(uniqueKeysWithValues: ruleList.enumerated().map { ($1, $0) })
        let rulesJSON = ruleList.map { id in
            "{\"id\":\(JSON.string(id)),\"name\":\(JSON.string(id)),\"shortDescription\":{\"text\":\(JSON.string(rules[id]!))}}"
        }
        let results = diagnostics.map { diagnostic -> String in
            let uri = relativePath(diagnostic.location.file, to: base)
            let region = "{\"startLine\":\(max(1, diagnostic.location.line)),\"startColumn\":\(max(1, diagnostic.location.column))}"
            return "{\"ruleId\":\(JSON.string(diagnostic.ruleID)),\"ruleIndex\":\(ruleIndex[diagnostic.ruleID]!),"
                + "\"level\":\(JSON.string(diagnostic.severity.rawValue)),\"message\":{\"text\":\(JSON.string(diagnostic.message))},"
                + "\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\(JSON.string(uri))},\"region\":\(region)}}]}"
        }
        return """
            {"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"tool":{"driver":\
            {"name":"versus","rules":[\(rulesJSON.joined(separator: ","))]}},\
            "columnKind":"unicodeCodePoints","results":[\(results.joined(separator: ","))]}]}

            """
    }

    /// `file` relative to `base` when it lies below it; otherwise as it is.
    static func relativePath(_ file: String, to base: String) -> String {
        let absolute = file.hasPrefix("/") ? file : FolderPath.normalized(FileManager.default.currentDirectoryPath) + "/" + file
        let root = FolderPath.normalized(base) + "/"
        guard absolute.hasPrefix(root) else { return file }
        return String(absolute.dropFirst(root.count))
    }

    /// Workflow-command escaping: data may not hold line breaks or "%".
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Properties may not hold ":" or "," either.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
