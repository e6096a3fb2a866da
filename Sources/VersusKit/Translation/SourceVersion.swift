/// Which version of the default locale's text a translation was made from.
///
/// A translation file keeps, in its front matter, a short hash of each English text it translates:
///
///     translated_from:
///       summary: 3f09a1c2b7de
///       description: 9b1d04e6a311
///
/// `versus translations record` writes it once a translator has reviewed the file; nobody writes it by
/// hand. When the English text changes afterwards, its hash no longer matches and the translation is
/// outdated until it is reviewed and recorded again.
public struct RecordedVersion: Sendable, Hashable {
    public var hash: String
    public var location: SourceLocation
}

public enum SourceVersion {
    /// The front matter field that holds the hashes.
    public static let field = "translated_from"

    /// Twelve hex digits of the text's hash. Words are joined by single spaces first, so re-wrapping a
    /// paragraph or trimming a trailing space does not make its translations outdated.
    public static func hash(_ text: String) -> String {
        var hasher = StableHasher()
        hasher.combine(text.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        let hex = String(hasher.value, radix: 16)
        let padded = String(repeating: "0", count: max(0, 16 - hex.count)) + hex
        return String(padded.prefix(12))
    }

    /// Reads `translated_from:`; keys must be among `known` (the fields and sections the file can translate).
    static func read(_ tree: YAMLTree?, known: [String], diagnostics: inout DiagnosticList) -> [String: RecordedVersion] {
        guard let tree else { return [:] }
        guard case .mapping(let entries, _) = tree else {
            diagnostics.error(tree.location, "\"\(field)\" must be a set of fields (written by `versus translations record`), found \(tree.kindName)")
            return [:]
        }
        var result: [String: RecordedVersion] = [:]
        for entry in entries {
            guard known.contains(entry.key) else {
                diagnostics.error(entry.keyLocation, "unknown field \"\(entry.key)\" in \(field)\(Suggestion.didYouMean(entry.key, in: known)); run `versus translations record` to rewrite it")
                continue
            }
            guard case .scalar(let value, let location) = entry.value, value.count == 12,
                  value.allSatisfy({ $0.isHexDigit }) else {
                diagnostics.error(entry.value.location, "\(field).\(entry.key) must be the 12-digit hash `versus translations record` writes")
                continue
            }
            result[entry.key] = RecordedVersion(hash: value, location: location)
        }
        return result
    }
}
