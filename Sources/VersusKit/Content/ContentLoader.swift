import Foundation

/// Stage 1, load: reads `content/` into the content model and checks everything that can be checked
/// about it, reporting every problem with its file and line.
public enum ContentLoader {
    public static func load(from directory: String, jobs: Int = SystemInfo.defaultJobs) -> (SiteContent?, [Diagnostic]) {
        var diagnostics = DiagnosticList()
        let content = load(ContentFiles(root: directory, jobs: jobs), diagnostics: &diagnostics)
        return (diagnostics.hasErrors ? nil : content, diagnostics.sorted)
    }

    /// Only site.yml: for commands that need the site's settings and none of its content.
    public static func loadConfig(from directory: String) -> SiteConfig? {
        var diagnostics = DiagnosticList()
        return loadConfig(ContentFiles(root: directory, jobs: 1), diagnostics: &diagnostics)
    }

    /// The one reader of site.yml.
    private static func loadConfig(_ files: ContentFiles, diagnostics: inout DiagnosticList) -> SiteConfig? {
        guard let siteText = files.read("site.yml", diagnostics: &diagnostics),
              case .success(let siteTree) = parseYAML(siteText, file: files.path("site.yml"), diagnostics: &diagnostics)
        else { return nil }
        return SiteConfigLoader.load(siteTree, diagnostics: &diagnostics)
    }

    /// Folders of content/ that are not code families.
    static let reservedFolders: Set<String> = ["locales", "glossary"]

    static func load(_ files: ContentFiles, diagnostics: inout DiagnosticList) -> SiteContent? {
        let siteFile = files.path("site.yml")
        guard let config = loadConfig(files, diagnostics: &diagnostics) else { return nil }

        let glossaries = GlossaryLoader.load(config: config, files: files, diagnostics: &diagnostics)
        let locales = loadLocales(config: config, files: files, glossaries: glossaries, diagnostics: &diagnostics)
        let stringsByLocale = Dictionary(uniqueKeysWithValues: locales.map { ($0.locale, $0) })
        var families: [Family] = []
        for folder in files.subfolders() where !reservedFolders.contains(folder) {
            let familyFile = folder + "/family.yml"
            // A family's pages live under /FOLDER/: these names are the site's own, and so is every locale's.
            if SiteFolders.all.contains(folder) || config.locales.contains(where: { $0.code == folder }) {
                diagnostics.error(SourceLocation(file: files.path(folder)), "a family folder cannot be named \"\(folder)\": the site uses /\(folder)/ for \(SiteFolders.all.contains(folder) ? "its own pages" : "that locale"); rename the folder")
                continue
            }
            guard files.exists(familyFile) else {
                diagnostics.error(SourceLocation(file: files.path(folder)), "folder \"\(folder)\" has no family.yml; every folder in content/ except locales/ and glossary/ is a code family")
                continue
            }
            guard let text = files.read(familyFile, diagnostics: &diagnostics),
                  case .success(let tree) = parseYAML(text, file: files.path(familyFile), diagnostics: &diagnostics),
                  var family = FamilyFileParser.parse(tree, id: folder, file: files.path(familyFile), locales: config.locales,
                                                      defaultLocale: config.defaultLocale, diagnostics: &diagnostics)
            else { continue }
            loadCodes(into: &family, folder: folder, files: files, config: config, strings: stringsByLocale, glossaries: glossaries,
                      diagnostics: &diagnostics)
            loadPairNotes(into: &family, folder: folder, files: files, config: config, strings: stringsByLocale, glossaries: glossaries,
                          diagnostics: &diagnostics)
            FamilyValidator.validate(&family, diagnostics: &diagnostics)
            for (code, count) in family.errorsFollowing {
                diagnostics.note(count, errorsFollowFrom: files.path(folder + "/" + code + ".md"))
            }
            reportMissingTitles(family, config: config, diagnostics: &diagnostics)
            families.append(family)
        }
        // Site order: by each family's `order`, then by folder name.
        families.sort { ($0.order, $0.id) < ($1.order, $1.id) }
        CrossLinks.resolve(&families, diagnostics: &diagnostics)
        if families.isEmpty && !diagnostics.hasErrors {
            diagnostics.error(SourceLocation(file: siteFile), "no code family found: add a folder like content/smtp/ with a family.yml")
        }
        return SiteContent(config: config, locales: locales, families: families)
    }

    /// A code title is text the generator writes in headings and sentences, so a missing one is never
    /// passed over silently: it is a warning naming the file to add.
    private static func reportMissingTitles(_ family: Family, config: SiteConfig, diagnostics: inout DiagnosticList) {
        for locale in config.locales.map(\.code) where locale != config.defaultLocale {
            for code in family.codes where code.translations[locale]?.title == nil {
                let file = code.location.file
                let translation = (file.hasSuffix(".md") ? String(file.dropLast(3)) : file) + ".\(locale).md"
                diagnostics.warning(code.translations[locale]?.location ?? SourceLocation(file: translation),
                                    "missing key \"title\" for \(locale); the \(config.defaultLocale) title of \(code.code) is shown until it is translated")
            }
        }
    }

    private static func parseYAML(_ text: String, file: String, diagnostics: inout DiagnosticList) -> Result<YAMLTree, Diagnostic> {
        let result = YAMLParser.parse(text, file: file)
        if case .failure(let diagnostic) = result { diagnostics.append(contentsOf: [diagnostic]) }
        return result
    }

    private static func loadLocales(config: SiteConfig, files: ContentFiles, glossaries: [String: GlossaryScanner],
                                    diagnostics: inout DiagnosticList) -> [LocaleStrings] {
        var result: [LocaleStrings] = []
        var defaultStrings: LocaleStrings?
        // Each locale file is read and parsed on its own thread, then taken in site.yml's order.
        let parsed = ParallelMap.map(config.locales, jobs: files.jobs) { locale -> (LocaleStrings?, [Diagnostic]) in
            var diagnostics = DiagnosticList()
            let relative = "locales/\(locale.code).yml"
            let file = files.path(relative)
            guard files.exists(relative) else {
                diagnostics.error(locale.location, "locale \"\(locale.code)\" has no strings file \(file)")
                return (nil, diagnostics.all)
            }
            guard let text = files.read(relative, diagnostics: &diagnostics),
                  case .success(let tree) = parseYAML(text, file: file, diagnostics: &diagnostics) else { return (nil, diagnostics.all) }
            glossaries[locale.code]?.scan(text, file: file, kind: .yaml, diagnostics: &diagnostics)
            return (LocaleStringsLoader.load(tree, locale: locale.code, file: file, diagnostics: &diagnostics), diagnostics.all)
        }
        for (locale, (loaded, found)) in zip(config.locales, parsed) {
            diagnostics.append(contentsOf: found)
            guard let strings = loaded else { continue }
            if locale.code == config.defaultLocale {
                for key in LocaleKeys.all where strings.values[key.name] == nil {
                    diagnostics.error(strings.place(ofMissing: key.name), "missing key \"\(key.name)\" in the default locale")
                }
                defaultStrings = strings
            } else if let defaultStrings {
                for key in LocaleKeys.all where strings.values[key.name] == nil {
                    let original = defaultStrings.locations[key.name].map { " (\(($0.file as NSString).lastPathComponent):\($0.line))" } ?? ""
                    diagnostics.warning(strings.place(ofMissing: key.name),
                                        "missing key \"\(key.name)\"; the \(config.defaultLocale) text\(original) is used until it is translated")
                }
            }
            result.append(strings)
        }
        let configured = Set(config.locales.map(\.code))
        for name in files.list("locales") where name.hasSuffix(".yml") {
            let code = String(name.dropLast(4))
            if !configured.contains(code) {
                diagnostics.warning(SourceLocation(file: files.path("locales/" + name)), "locale file for \"\(code)\", which site.yml does not list; it is not built")
            }
        }
        return result
    }

    private static func loadCodes(into family: inout Family, folder: String, files: ContentFiles, config: SiteConfig,
                                  strings: [String: LocaleStrings], glossaries: [String: GlossaryScanner],
                                  diagnostics: inout DiagnosticList) {
        var basesByStem: [String: Int] = [:]
        var translations: [(stem: String, translation: CodeTranslation)] = []
        enum Parsed: Sendable {
            case base(stem: String, CodeEntry)
            case translation(stem: String, CodeTranslation)
            /// A code file with errors that leave no code to build.
            case unreadable(stem: String)
            case nothing
        }
        // Files are read and parsed on every core (YAML front matter and Markdown sections are most of a
        // no-change rebuild's time), then taken in name order, so diagnostics and codes come out the same.
        let familyID = family.id
        // A file's headings are matched against each locale's section names, lowercased once here rather than per file.
        let headingsByLocale = Dictionary(config.locales.map { ($0.code, CodeFileParser.Headings(localeStrings: strings[$0.code])) }) { first, _ in first }
        let parsed = ParallelMap.map(files.list(folder).sorted(), jobs: files.jobs) { name -> (Parsed, [Diagnostic]) in
            var diagnostics = DiagnosticList()
            let relative = folder + "/" + name
            if name == "family.yml" || name == "pairs" { return (.nothing, []) }
            guard let fileName = ContentFileName(name) else {
                if !name.hasPrefix(".") {
                    diagnostics.warning(SourceLocation(file: files.path(relative)), "ignored: only .md code files, family.yml and pairs/ belong in a family folder")
                }
                return (.nothing, diagnostics.all)
            }
            let stem = fileName.stem
            guard let text = files.read(relative, diagnostics: &diagnostics) else { return (.nothing, diagnostics.all) }
            if let glossary = glossaries[fileName.locale ?? config.defaultLocale] {
                glossary.scan(text, file: files.path(relative), kind: .markdown, diagnostics: &diagnostics)
            }
            if fileName.locale != nil {
                guard let locale = fileName.checkedLocale(config, what: "translation", location: SourceLocation(file: files.path(relative)),
                                                          diagnostics: &diagnostics)
                else { return (.nothing, diagnostics.all) }
                let headings = headingsByLocale[locale] ?? CodeFileParser.Headings(localeStrings: strings[locale])
                let translation = CodeFileParser.parseTranslation(text: text, file: files.path(relative), locale: locale,
                                                                  headings: headings, diagnostics: &diagnostics)
                return (.translation(stem: stem, translation), diagnostics.all)
            }
            let headings = headingsByLocale[config.defaultLocale] ?? CodeFileParser.Headings(localeStrings: strings[config.defaultLocale])
            guard let entry = CodeFileParser.parseBase(text: text, file: files.path(relative), family: familyID,
                                                       headings: headings, diagnostics: &diagnostics) else { return (.unreadable(stem: stem), diagnostics.all) }
            return (.base(stem: stem, entry), diagnostics.all)
        }
        for (result, found) in parsed {
            diagnostics.append(contentsOf: found)
            switch result {
            case .nothing: break
            case .unreadable(let stem): family.unreadableCodes.insert(stem)
            case .translation(let stem, let translation): translations.append((stem, translation))
            case .base(let stem, let entry):
                if let earlier = family.codes.first(where: { $0.code == entry.code }) {
                    diagnostics.error(entry.location, "duplicate code \(entry.code) (also defined at \(earlier.location))")
                    continue
                }
                basesByStem[stem] = family.codes.count
                family.codes.append(entry)
            }
        }
        for (stem, translation) in translations where !family.followsFromUnreadable(stem) {
            guard let index = basesByStem[stem] else {
                diagnostics.error(translation.location, "translation of unknown code \"\(stem)\": there is no \(stem).md beside it")
                continue
            }
            family.codes[index].translations[translation.locale] = translation
        }
        family.codes.sort { CodeOrder.less($0.code, $1.code) }
    }

    private static func loadPairNotes(into family: inout Family, folder: String, files: ContentFiles, config: SiteConfig,
                                      strings: [String: LocaleStrings], glossaries: [String: GlossaryScanner],
                                      diagnostics: inout DiagnosticList) {
        let pairsFolder = folder + "/pairs"
        let known = Set(family.codes.map(\.code))
        var fileOfKey: [PairKey: [String: String]] = [:]
        var accepted: [(relative: String, file: String, locale: String, key: PairKey, location: SourceLocation)] = []
        for name in files.list(pairsFolder).sorted() where !name.hasPrefix(".") {
            let relative = pairsFolder + "/" + name
            let file = files.path(relative)
            let location = SourceLocation(file: file)
            guard let fileName = ContentFileName(name) else {
                diagnostics.warning(location, "ignored: pair notes are .md files named like 450-550.md")
                continue
            }
            let stem = fileName.stem
            guard let locale = fileName.checkedLocale(config, what: "pair note", location: location, diagnostics: &diagnostics) else { continue }
            let codes = stem.split(separator: "-").map(String.init)
            guard codes.count == 2 else {
                diagnostics.error(location, "a pair note's name is its two codes joined by \"-\", like 450-550.md")
                continue
            }
            var bad = false
            for code in codes where !known.contains(code) && !family.unreadableCodes.contains(code) {
                diagnostics.error(location, "pair note for unknown code \"\(code)\"\(Suggestion.didYouMean(code, in: Array(known)))")
                bad = true
            }
            if codes[0] == codes[1] {
                diagnostics.error(location, "a pair note compares two different codes")
                bad = true
            }
            if bad || codes.contains(where: { family.followsFromUnreadable($0) }) { continue }
            let key = CodeOrder.less(codes[0], codes[1]) ? PairKey(low: codes[0], high: codes[1]) : PairKey(low: codes[1], high: codes[0])
            if let earlier = fileOfKey[key]?[locale] {
                diagnostics.error(location, "duplicate pair note: \(earlier) already compares \(key.low) and \(key.high)")
                continue
            }
            fileOfKey[key, default: [:]][locale] = file
            accepted.append((relative, file, locale, key, location))
        }
        // Each accepted note is read, checked against the glossary and parsed on every core, then taken
        // in name order, so that notes and diagnostics come out the same.
        let parsedNotes = ParallelMap.map(accepted, jobs: files.jobs) { note -> (PairNoteParser.Parsed?, [Diagnostic]) in
            var found = DiagnosticList()
            guard let text = files.read(note.relative, diagnostics: &found) else { return (nil, found.all) }
            glossaries[note.locale]?.scan(text, file: note.file, kind: .markdown, diagnostics: &found)
            let parsed = PairNoteParser.parse(text: text, file: note.file, locale: note.locale, localeStrings: strings[note.locale],
                                              diagnostics: &found)
            return (parsed, found.all)
        }
        for ((_, _, locale, key, location), (parsed, found)) in zip(accepted, parsedNotes) {
            diagnostics.append(contentsOf: found)
            guard let parsed else { continue }
            var note = family.pairNotes[key] ?? PairNote(key: key, sections: [:], location: location)
            note.sections[locale] = parsed.sections
            note.confusion[locale] = parsed.confusion
            note.locations[locale] = parsed.locations
            note.recorded[locale] = parsed.recorded
            note.updated[locale] = parsed.updated
            if locale == config.defaultLocale { note.location = location }
            family.pairNotes[key] = note
        }
        for (key, note) in family.pairNotes where note.sections[config.defaultLocale] == nil {
            diagnostics.error(note.location, "translated pair note for \(key.low)-\(key.high) has no \(key.low)-\(key.high).md in the default locale")
        }
    }
}
