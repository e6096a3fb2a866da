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
        if let words = joinedWords(text) {
            hasher.combine(utf8: words)
        } else {
            hasher.combine(text.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        }
        let hex = String(hasher.value, radix: 16)
        let padded = String(repeating: "0", count: max(0, 16 - hex.count)) + hex
        return String(padded.prefix(12))
    }

    /// The UTF-8 of `text.split(whereSeparator: \.isWhitespace).joined(separator: " ")`, made scalar by
    /// scalar: splitting by Character costs a grapheme break test per character, and every build hashes
    /// each English text once per locale (a fifth of a full build's loading time went there). Where a
    /// scalar could join a whitespace into one Character with its neighbour (a combining mark after
    /// it, a format character before it), the split by Character may differ: nil, and the caller takes
    /// the slow road, so the hashes translations recorded stay the same.
    static func joinedWords(_ text: String) -> [UInt8]? {
        var words: [UInt8] = []
        words.reserveCapacity(text.utf8.count)
        var spacePending = false
        var previous: Unicode.Scalar?
        var previousIsSpace = false
        for scalar in text.unicodeScalars {
            let isSpace: Bool
            if scalar.isASCII {
                isSpace = scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value)
            } else {
                isSpace = scalar.properties.isWhitespace
                if !isSpace, previousIsSpace, joinsPrevious(scalar) { return nil }
            }
            if isSpace, let previous, !previous.isASCII, joinsNext(previous) { return nil }
            if isSpace {
                spacePending = !words.isEmpty
            } else {
                if spacePending { words.append(0x20); spacePending = false }
                words.append(contentsOf: UTF8.encode(scalar)!)
            }
            previous = scalar
            previousIsSpace = isSpace
        }
        return words
    }

    /// Grapheme extenders, joiners and spacing marks attach to the scalar before them.
    private static func joinsPrevious(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isGraphemeExtend || scalar.value == 0x200D || properties.generalCategory == .spacingMark
            || properties.isEmojiModifier
    }

    /// Prepended concatenation marks (Arabic number signs and the like, all format characters) attach
    /// to the scalar after them.
    private static func joinsNext(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .format
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
