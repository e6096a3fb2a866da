/// One locale's strings, from `content/locales/CODE.yml`, keyed by dotted name ("sections.description").
public struct LocaleStrings: Sendable {
    public enum Value: Sendable {
        case text(Sentence)
        case plural([PluralCategory: Sentence])
        /// Patterns in order of preference (see `LocaleKey.alternatives`).
        case alternatives([Sentence])

        /// Every pattern of the value, for fingerprints and the scaffold.
        var sentences: [Sentence] {
            switch self {
            case .text(let sentence): [sentence]
            case .plural(let forms): forms.sorted { $0.key.rawValue < $1.key.rawValue }.map(\.value)
            case .alternatives(let list): list
            }
        }
    }

    public var locale: String
    public var file: String
    public var values: [String: Value]
    public var locations: [String: SourceLocation]
    /// Where each group of keys starts ("sentences" -> the line of `sentences:`).
    var groupLocations: [String: SourceLocation] = [:]

    /// Where a missing key belongs in this file: under its closest group that is there, else at the top.
    func place(ofMissing key: String) -> SourceLocation {
        var group = key
        while let dot = group.lastIndex(of: ".") {
            group = String(group[..<dot])
            if let location = groupLocations[group] { return location }
        }
        return SourceLocation(file: file)
    }
}

enum LocaleStringsLoader {
    static func load(_ tree: YAMLTree, locale: String, file: String, diagnostics: inout DiagnosticList) -> LocaleStrings {
        var strings = LocaleStrings(locale: locale, file: file, values: [:], locations: [:])
        guard case .mapping(let entries, _) = tree else {
            diagnostics.error(tree.location, "a locale file must be a set of fields, found \(tree.kindName)")
            return strings
        }
        let knownNames = LocaleKeys.all.map(\.name)
        func walk(_ entries: [YAMLEntry], prefix: String) {
            for entry in entries {
                let name = prefix.isEmpty ? entry.key : prefix + "." + entry.key
                if let key = LocaleKeys.byName[name] {
                    if let value = readValue(entry.value, key: key, locale: locale, diagnostics: &diagnostics) {
                        strings.values[name] = value
                        strings.locations[name] = entry.keyLocation
                    }
                } else if case .mapping(let children, _) = entry.value,
                          knownNames.contains(where: { $0.hasPrefix(name + ".") }) {
                    strings.groupLocations[name] = entry.keyLocation
                    walk(children, prefix: name)
                } else {
                    diagnostics.error(entry.keyLocation, "unknown key \"\(name)\"\(Suggestion.didYouMean(name, in: knownNames))")
                }
            }
        }
        walk(entries, prefix: "")
        return strings
    }

    private static func readValue(_ tree: YAMLTree, key: LocaleKey, locale: String, diagnostics: inout DiagnosticList) -> LocaleStrings.Value? {
        func sentence(_ text: String, _ location: SourceLocation) -> Sentence? {
            do {
                let sentence = try Sentence(parsing: text.trimmingWhitespace)
                var ok = true
                for name in sentence.placeholders where !key.placeholders.contains(name) {
                    let allowed = key.placeholders.sorted().map { "{\($0)}" }.joined(separator: ", ")
                    diagnostics.error(location, "unknown placeholder {\(name)} in \"\(key.name)\"\(Suggestion.didYouMean(name, in: Array(key.placeholders)))" + (allowed.isEmpty ? "; this string takes no placeholders" : "; it can use \(allowed)"))
                    ok = false
                }
                if sentence.source.isEmpty {
                    diagnostics.error(location, "\"\(key.name)\" must not be empty")
                    ok = false
                }
                return ok ? sentence : nil
            } catch {
                diagnostics.error(location, "in \"\(key.name)\": \(error)")
                return nil
            }
        }
        if key.plural {
            guard case .mapping(let entries, let location) = tree else {
                let needed = PluralRules.categories(for: locale).map(\.rawValue).joined(separator: ", ")
                diagnostics.error(tree.location, "\"\(key.name)\" counts something, so it needs one form per plural category: \(needed)")
                return nil
            }
            var forms: [PluralCategory: Sentence] = [:]
            for entry in entries {
                guard let category = PluralCategory(rawValue: entry.key) else {
                    diagnostics.error(entry.keyLocation, "unknown plural category \"\(entry.key)\" (CLDR categories: zero, one, two, few, many, other)")
                    continue
                }
                guard case .scalar(let text, let textLocation) = entry.value else {
                    diagnostics.error(entry.value.location, "plural form \"\(entry.key)\" must be a single line of text")
                    continue
                }
                if let parsed = sentence(text, textLocation) { forms[category] = parsed }
            }
            for category in PluralRules.categories(for: locale) where forms[category] == nil {
                diagnostics.error(location, "\"\(key.name)\" is missing the plural form \"\(category.rawValue)\" that \(locale) needs")
            }
            return forms.isEmpty ? nil : .plural(forms)
        }
        if key.alternatives {
            switch tree {
            case .scalar(let text, let location):
                return sentence(text, location).map { .alternatives([$0]) }
            case .sequence(let items, let location):
                var list: [Sentence] = []
                for item in items {
                    guard case .scalar(let text, let itemLocation) = item else {
                        diagnostics.error(item.location, "each pattern of \"\(key.name)\" must be a single line of text, found \(item.kindName)")
                        continue
                    }
                    if let parsed = sentence(text, itemLocation) { list.append(parsed) }
                }
                if items.isEmpty { diagnostics.error(location, "\"\(key.name)\" needs at least one pattern") }
                return list.isEmpty ? nil : .alternatives(list)
            case .mapping(_, let location):
                diagnostics.error(location, "\"\(key.name)\" is a list of patterns, longest first (`- \"...\"`), found a set of fields")
                return nil
            }
        }
        guard case .scalar(let text, let location) = tree else {
            diagnostics.error(tree.location, "\"\(key.name)\" must be a single line of text, found \(tree.kindName)")
            return nil
        }
        return sentence(text, location).map { .text($0) }
    }
}
