/// Reads `content/FAMILY/family.yml`: the family's display name, how its codes look, and its classes
/// with their names in every locale.
enum FamilyFileParser {
    static let fields = ["name", "order", "code_pattern", "class_range", "classes", "short_name", "heading", "description",
                         "sentences"]
    /// The family's own texts, each a name per locale; absent ones fall back to `name` or the locale files' patterns.
    static let localizedFields = ["short_name", "heading", "description"]
    /// Locale sentences a family may word its own way ("is a 5xx reply" does not fit an enhanced code).
    static let sentenceKeys = ["code_class", "compare_summary_same_class", "compare_summary_different_class"]

    static func parse(_ tree: YAMLTree, id: String, file: String, locales: [LocaleInfo], defaultLocale: String,
                      diagnostics: inout DiagnosticList) -> Family? {
        guard var reader = FieldReader(tree, what: "a family file", diagnostics: &diagnostics) else { return nil }
        let name = reader.string("name", required: true, diagnostics: &diagnostics)
        let pattern = reader.string("code_pattern", required: true, diagnostics: &diagnostics)
        if let (text, location) = pattern {
            do { _ = try Regex(text) } catch {
                diagnostics.error(location, "code_pattern \"\(text)\" is not a valid regular expression: \(error)")
            }
        }
        var order = 0
        if let (text, location) = reader.string("order", diagnostics: &diagnostics) {
            if let value = Int(text) { order = value } else {
                diagnostics.error(location, "order must be a whole number (families are listed from the lowest), found \"\(text)\"")
            }
        }
        var classRange = "{class}"
        if let (text, location) = reader.string("class_range", diagnostics: &diagnostics) {
            if text.contains("{class}") { classRange = text } else {
                diagnostics.error(location, "class_range must contain {class}, like \"{class}xx\" or \"X.{class}.x\"")
            }
        }
        var classes: [CodeClass] = []
        let localeCodes = locales.map(\.code)
        var texts: [String: [String: String]] = [:]
        for field in localizedFields {
            guard let tree = reader.tree(field) else { continue }
            guard case .mapping(let names, _) = tree else {
                diagnostics.error(tree.location, "\"\(field)\" needs its text per locale (en: ..., tr: ...)")
                continue
            }
            texts[field] = localizedNames(names, what: "\"\(field)\"", at: tree.location, localeCodes: localeCodes,
                                          defaultLocale: defaultLocale, diagnostics: &diagnostics)
        }
        var sentences: [String: [String: Sentence]] = [:]
        if let tree = reader.tree("sentences") {
            if case .mapping(let entries, _) = tree {
                for entry in entries {
                    guard sentenceKeys.contains(entry.key), let key = LocaleKeys.byName["sentences." + entry.key] else {
                        diagnostics.error(entry.keyLocation, "a family may word only these sentences its own way: \(sentenceKeys.joined(separator: ", "))\(Suggestion.didYouMean(entry.key, in: sentenceKeys))")
                        continue
                    }
                    guard case .mapping(let names, _) = entry.value else {
                        diagnostics.error(entry.value.location, "sentence \"\(entry.key)\" needs its text per locale (en: ..., tr: ...)")
                        continue
                    }
                    let texts = localizedNames(names, what: "sentence \"\(entry.key)\"", at: entry.keyLocation, localeCodes: localeCodes,
                                               defaultLocale: defaultLocale, diagnostics: &diagnostics)
                    for nameEntry in names {
                        guard let text = texts[nameEntry.key] else { continue }
                        do {
                            let sentence = try Sentence(parsing: text)
                            let unknown = sentence.placeholders.filter { !key.placeholders.contains($0) }
                            if let first = unknown.first {
                                diagnostics.error(nameEntry.value.location, "unknown placeholder {\(first)} in sentence \"\(entry.key)\"; it may use \(key.placeholders.sorted().map { "{\($0)}" }.joined(separator: ", "))")
                            } else {
                                sentences[entry.key, default: [:]][nameEntry.key] = sentence
                            }
                        } catch {
                            diagnostics.error(nameEntry.value.location, "sentence \"\(entry.key)\": \(error)")
                        }
                    }
                }
            } else {
                diagnostics.error(tree.location, "\"sentences\" must map each sentence to its text per locale")
            }
        }
        if let tree = reader.tree("classes") {
            if case .mapping(let entries, _) = tree {
                for entry in entries {
                    guard case .mapping(let names, _) = entry.value else {
                        diagnostics.error(entry.value.location, "class \"\(entry.key)\" needs its name per locale (en: ..., tr: ...)")
                        continue
                    }
                    let byLocale = localizedNames(names, what: "class \"\(entry.key)\"", at: entry.keyLocation,
                                                  localeCodes: localeCodes, defaultLocale: defaultLocale, diagnostics: &diagnostics)
                    classes.append(CodeClass(key: entry.key, names: byLocale, location: entry.keyLocation))
                }
            } else {
                diagnostics.error(tree.location, "\"classes\" must map each class digit to its names, found \(tree.kindName)")
            }
        } else {
            diagnostics.error(reader.location, "missing required field \"classes\"")
        }
        reader.reportUnknownFields(known: fields, what: "a family file", diagnostics: &diagnostics)
        guard let (nameText, _) = name, let (patternText, _) = pattern else { return nil }
        return Family(id: id, name: nameText, order: order, codePattern: patternText, classRange: classRange, classes: classes,
                      texts: texts, sentences: sentences, codes: [], pairNotes: [:], location: SourceLocation(file: file, line: 1))
    }

    /// A mapping of locale codes to one line of text each; the default locale is required, the others
    /// fall back to it with a warning.
    private static func localizedNames(_ names: [YAMLEntry], what: String, at location: SourceLocation,
                                       localeCodes: [String], defaultLocale: String,
                                       diagnostics: inout DiagnosticList) -> [String: String] {
        var byLocale: [String: String] = [:]
        for nameEntry in names {
            guard localeCodes.contains(nameEntry.key) else {
                diagnostics.error(nameEntry.keyLocation, "unknown locale \"\(nameEntry.key)\"\(Suggestion.didYouMean(nameEntry.key, in: localeCodes))")
                continue
            }
            guard case .scalar(let text, _) = nameEntry.value, !text.trimmingWhitespace.isEmpty else {
                diagnostics.error(nameEntry.value.location, "\(what) must be a single line of text in each locale")
                continue
            }
            byLocale[nameEntry.key] = text.trimmingWhitespace
        }
        if byLocale[defaultLocale] == nil {
            diagnostics.error(location, "\(what) has no text in the default locale \"\(defaultLocale)\"")
        }
        for locale in localeCodes where locale != defaultLocale && byLocale[locale] == nil {
            diagnostics.warning(location, "\(what) has no text in \"\(locale)\"; the \(defaultLocale) text is used")
        }
        return byLocale
    }
}

/// Reads a curated pair note (`pairs/251-551.md` or `pairs/251-551.tr.md`).
enum PairNoteParser {
    struct Parsed: Sendable {
        var sections: [PairSectionID: MarkdownSection]
        /// The one-line reason people mix the two codes up, when the front matter gives one.
        var confusion: String?
        /// Where each part is, by `PairNote.keys`.
        var locations: [String: SourceLocation]
        var recorded: [String: RecordedVersion]
        /// The day the note last changed, when the front matter says.
        var updated: ContentDate?
    }

    /// The note's sections, and its `confusion:` line when the front matter gives one.
    static func parse(text: String, file: String, locale: String, localeStrings: LocaleStrings?,
                      diagnostics: inout DiagnosticList) -> Parsed {
        let document = MarkdownDocument.parse(text, file: file, diagnostics: &diagnostics)
        var confusion: (String, SourceLocation)?
        var recorded: [String: RecordedVersion] = [:]
        var updated: ContentDate?
        if let frontMatter = document.frontMatter,
           var reader = FieldReader(frontMatter, what: "a pair note's front matter", diagnostics: &diagnostics) {
            confusion = reader.string("confusion", diagnostics: &diagnostics)
            recorded = SourceVersion.read(reader.tree(SourceVersion.field), known: PairNote.keys, diagnostics: &diagnostics)
            updated = ContentDate.read("updated", from: &reader, diagnostics: &diagnostics)?.0
            for entry in reader.entries where !["confusion", "updated", SourceVersion.field].contains(entry.key) {
                let hint = ["code", "codes", "low", "high"].contains(entry.key) ? "; its codes come from the file name" : Suggestion.didYouMean(entry.key, in: ["confusion", "updated"])
                diagnostics.error(entry.keyLocation, "unknown field \"\(entry.key)\" in a pair note (it takes `confusion:`, the reason people mix the two codes up, and `updated:`, the day it last changed)\(hint)")
            }
        }
        var byName: [String: PairSectionID] = [:]
        var names: [String] = []
        for id in PairSectionID.allCases {
            byName[id.heading.lowercased()] = id
            names.append(id.heading)
        }
        if case .text(let label)? = localeStrings?.values["labels.when_to_use_which"] {
            byName[label.source.lowercased()] = .whenToUseWhich
            names.append(label.source)
        }
        if case .text(let label)? = localeStrings?.values["labels.pair_note"] {
            byName[label.source.lowercased()] = .difference
            names.append(label.source)
        }
        let (sections, _) = SectionReader(byName: byName, names: names, unknownSuffix: " in a pair note")
            .read(document, diagnostics: &diagnostics)
        if sections.isEmpty, document.sections.isEmpty {
            diagnostics.error(SourceLocation(file: file, line: 1), "a pair note needs a \"## Difference\" section")
        }
        var locations = sections.mapValues(\.location).reduce(into: [String: SourceLocation]()) { $0[$1.key.rawValue] = $1.value }
        if let (_, location) = confusion { locations["confusion"] = location }
        return Parsed(sections: sections, confusion: confusion?.0, locations: locations, recorded: recorded, updated: updated)
    }
}
