import Yams

/// A YAML value that remembers where it stands in its file. The rest of the loader works on this tree,
/// so that every field it reads can point an editor at its line.
indirect enum YAMLTree: Sendable {
    case scalar(String, SourceLocation)
    case mapping([YAMLEntry], SourceLocation)
    case sequence([YAMLTree], SourceLocation)

    var location: SourceLocation {
        switch self {
        case .scalar(_, let location), .mapping(_, let location), .sequence(_, let location): location
        }
    }

    var kindName: String {
        switch self {
        case .scalar: "a single value"
        case .mapping: "a set of fields"
        case .sequence: "a list"
        }
    }
}

struct YAMLEntry: Sendable {
    var key: String
    var keyLocation: SourceLocation
    var value: YAMLTree
}

enum YAMLParser {
    /// Parses `text` (which starts at `firstLine` of `file`) into a located tree.
    /// An empty document gives an empty mapping; a syntax error gives a diagnostic at the reported spot.
    static func parse(_ text: String, file: String, firstLine: Int = 1) -> Result<YAMLTree, Diagnostic> {
        func location(_ mark: Mark?) -> SourceLocation {
            guard let mark else { return SourceLocation(file: file, line: firstLine, column: 1) }
            return SourceLocation(file: file, line: mark.line + firstLine - 1, column: mark.column)
        }
        func convert(_ node: Node) -> YAMLTree {
            switch node {
            case .scalar(let scalar):
                return .scalar(scalar.string, location(scalar.mark))
            case .mapping(let mapping):
                let entries = mapping.map { pair in
                    YAMLEntry(key: pair.key.string ?? "", keyLocation: location(pair.key.mark), value: convert(pair.value))
                }
                return .mapping(entries, location(mapping.mark))
            case .sequence(let sequence):
                return .sequence(sequence.map(convert), location(sequence.mark))
            case .alias(let alias):
                return .scalar("", location(alias.mark))
            }
        }
        do {
            // The encoding is named: left to its default, Yams reads the whole process environment for
            // every document (3% of a no-change rebuild). The basic resolver tags every scalar as text,
            // which is all `convert` reads, without the default one's regular expressions per scalar.
            guard let root = try Yams.compose(yaml: text, Resolver.basic, Constructor.default, .utf8) else {
                return .success(.mapping([], SourceLocation(file: file, line: firstLine, column: 1)))
            }
            return .success(convert(root))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, location: location))
        } catch {
            return .failure(.error(SourceLocation(file: file, line: firstLine), "malformed YAML: \(error)"))
        }
    }

    private static func diagnostic(for error: YamlError, location: (Mark?) -> SourceLocation) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // A construct left open (a quote, a bracket) is reported where it starts, the line to edit,
            // not where the parser ran out of text.
            if let context, location(context.mark).line < location(mark).line {
                return .error(location(context.mark), "malformed YAML: \(problem) \(context.text), which starts here (found at line \(location(mark).line))")
            }
            var message = "malformed YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(location(context.mark).line))" }
            return .error(location(mark), message)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(location(context.mark), "duplicate field \"\(duplicates.joined(separator: "\", \""))\"")
        default:
            return .error(location(nil), "malformed YAML: \(error)")
        }
    }
}
