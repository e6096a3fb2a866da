import Foundation

/// `versus translations record`: once a translator has reviewed a translation against today's
/// default-locale text, writes that text's version into the file's `translated_from:` block, and
/// touches nothing else in the file.
public enum TranslationRecorder {
    public struct Summary: Sendable {
        /// Files whose `translated_from:` changed.
        public var written: [String] = []
        /// Selected translation files already up to date.
        public var unchanged = 0
    }

    public enum Failure: Error, Sendable {
        /// The content has errors (they are listed): nothing was recorded.
        case invalidContent([Diagnostic])
        /// A named file is not a translation of the site.
        case notATranslation(String)
        case cannotWrite(String, String)
    }

    /// - Parameters:
    ///   - locales: only the translations into these locales (nil: every locale).
    ///   - files: only these translation files (nil: every file of the selected locales).
    public static func record(contentDirectory: String, locales: Set<String>?, files: [String]?) -> Result<Summary, Failure> {
        let (loaded, diagnostics) = ContentLoader.load(from: contentDirectory, jobs: 1)
        guard let content = loaded else { return .failure(.invalidContent(diagnostics.filter { $0.severity == .error })) }
        let defaultLocale = content.config.defaultLocale
        // Every translation file with the versions of what it translates, in file order.
        var versions: [String: [(key: String, hash: String)]] = [:]
        for family in content.families {
            for entry in family.codes {
                for (locale, translation) in entry.translations where locales?.contains(locale) ?? true {
                    versions[translation.location.file] = CodeTranslation.keys.compactMap { key in
                        guard TranslationFreshness.translated(translation, key),
                              let source = TranslationFreshness.source(entry, key) else { return nil }
                        return (key, SourceVersion.hash(source))
                    }
                }
            }
            for note in family.pairNotes.values {
                for (locale, places) in note.locations where locale != defaultLocale && (locales?.contains(locale) ?? true) {
                    guard let file = places.values.first?.file else { continue }
                    versions[file] = PairNote.keys.compactMap { key in
                        guard places[key] != nil, let source = TranslationFreshness.pairSource(note, key, defaultLocale) else { return nil }
                        return (key, SourceVersion.hash(source))
                    }
                }
            }
        }
        var selected = versions.keys.sorted()
        if let files {
            let byPath = Dictionary(uniqueKeysWithValues: selected.map { (standardized($0), $0) })
            selected = []
            for file in files {
                guard let known = byPath[standardized(file)] else { return .failure(.notATranslation(file)) }
                selected.append(known)
            }
        }
        var summary = Summary()
        for file in selected {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return .failure(.cannotWrite(file, "cannot read it")) }
            let updated = FrontMatterEditor.settingTranslatedFrom(versions[file] ?? [], in: text)
            if updated == text {
                summary.unchanged += 1
                continue
            }
            do {
                try updated.write(toFile: file, atomically: true, encoding: .utf8)
            } catch {
                return .failure(.cannotWrite(file, "\(error)"))
            }
            summary.written.append(file)
        }
        return .success(summary)
    }

    private static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

/// Rewrites the `translated_from:` block of a Markdown file's front matter, keeping every other line
/// as it was.
enum FrontMatterEditor {
    static func settingTranslatedFrom(_ versions: [(key: String, hash: String)], in text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var block = versions.isEmpty ? [] : [SourceVersion.field + ":"]
        for (key, hash) in versions { block.append("  \(key): \(hash)") }
        guard lines.first?.trimmingWhitespace == "---",
              let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingWhitespace == "---" }) else {
            // No front matter yet (a pair note may have none): one is added for the versions.
            return block.isEmpty ? text : (["---"] + block + ["---"]).joined(separator: "\n") + "\n" + text
        }
        var kept: [String] = []
        var inBlock = false
        for line in lines[1..<close] {
            if line.hasPrefix(SourceVersion.field + ":") {
                inBlock = true
                continue
            }
            if inBlock && (line.hasPrefix(" ") || line.hasPrefix("\t")) { continue }
            inBlock = false
            kept.append(line)
        }
        lines.replaceSubrange(0...close, with: ["---"] + kept + block + ["---"])
        return lines.joined(separator: "\n")
    }
}
