/// Reads `content/FAMILY/family.yml`: the family's display name, how its codes look, and its classes
/// with their names in every locale.
enum FamilyFileParser {
    static let fields = ["name", "code_pattern", "classes"]

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
        var classes: [CodeClass] = []
        let localeCodes = locales.map(\.code)
        if let tree = reader.tree("classes") {
            if case .mapping(let entries, _) = tree {
                for entry in entries {
                    guard case .mapping(let names, _) = entry.value else {
                        diagnostics.error(entry.value.location, "class \"\(entry.key)\" needs its name per locale (en: ..., tr: ...)")
                        continue
                    }
                    var byLocale: [String: String] = [:]
                    for nameEntry in names {
                        guard localeCodes.contains(nameEntry.key) else {
                            diagnostics.error(nameEntry.keyLocation, "unknown locale \"\(nameEntry.key)\"\(Suggestion.didYouMean(nameEntry.key, in: localeCodes))")
                            continue
                        }
                        guard case .scalar(let text, _) = nameEntry.value, !text.trimmingWhitespace.isEmpty else {
                            diagnostics.error(nameEntry.value.location, "a class name must be a single line of text")
                            continue
                        }
                        byLocale[nameEntry.key] = text.trimmingWhitespace
                    }
                    if byLocale[defaultLocale] == nil {
                        diagnostics.error(entry.keyLocation, "class \"\(entry.key)\" has no name in the default locale \"\(defaultLocale)\"")
                    }
                    for locale in localeCodes where locale != defaultLocale && byLocale[locale] == nil {
                        diagnostics.warning(entry.keyLocation, "class \"\(entry.key)\" has no name in \"\(locale)\"; the \(defaultLocale) name is used")
                    }
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
        return Family(id: id, name: nameText, codePattern: patternText, classes: classes, codes: [], pairNotes: [:],
                      location: SourceLocation(file: file, line: 1))
    }
}

/// Reads a curated pair note (`pairs/251-551.md` or `pairs/251-551.tr.md`).
enum PairNoteParser {
    static func parse(text: String, file: String, locale: String, localeStrings: LocaleStrings?,
                      diagnostics: inout DiagnosticList) -> [PairSectionID: MarkdownSection] {
        let document = MarkdownDocument.parse(text, file: file, diagnostics: &diagnostics)
        if let frontMatter = document.frontMatter, case .mapping(let entries, _) = frontMatter {
            for entry in entries {
                diagnostics.error(entry.keyLocation, "a pair note has no front matter fields; its codes come from the file name")
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
        return sections
    }
}
