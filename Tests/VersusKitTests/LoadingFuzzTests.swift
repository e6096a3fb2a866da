import Foundation
import Testing
@testable import VersusKit

/// Seeded random damage to the shipped content files, thousands of times per run: the loader never
/// crashes or hangs, and every file it refuses gets diagnostics that point inside that file.
/// `VERSUS_SEED=N` repeats a run with other damage; a failure names its seed, file and mutation.
/// The time limit catches a hang, not slowness: beside the shipped-site suites on two busy cores the
/// run has taken over thirteen minutes.
@Suite(.timeLimit(.minutes(20)))
struct LoadingFuzzTests {
    static let mutationsPerRun = 4_000

    /// The shipped files of every kind, as bytes.
    static func shippedFiles() throws -> [(path: String, bytes: [UInt8])] {
        let content = TestSite.repository.appendingPathComponent("content").path
        var files: [(String, [UInt8])] = []
        let enumerator = try #require(FileManager.default.enumerator(atPath: content))
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".md") || relative.hasSuffix(".yml") else { continue }
            let path = content + "/" + relative
            files.append((path, Array(try #require(FileManager.default.contents(atPath: path)))))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    @Test func damagedFilesGetDiagnosticsInsideThemAndNeverACrash() async throws {
        let seed = ProcessInfo.processInfo.environment["VERSUS_SEED"].flatMap { UInt64($0) } ?? 7_021_202
        let files = try Self.shippedFiles()
        #expect(files.count > 500)
        let strings = try #require(ContentLoader.load(from: TestSite.repository.appendingPathComponent("content").path).0).locales
        // The loading runs off the cooperative pool (see `offThePool`); what is wrong is checked here.
        let (refused, accepted, wrong) = try await offThePool { () -> (Int, Int, [String]) in
            var random = SeededRandom(seed: seed)
            var refused = 0, accepted = 0, wrong: [String] = []
            for round in 1...Self.mutationsPerRun {
                let (path, original) = random.pick(files)
                let (bytes, mutation) = Self.mutate(original, &random)
                let diagnostics = Self.load(bytes, path: path, strings: strings)
                let lineCount = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count
                for diagnostic in diagnostics where diagnostic.location.file != path || diagnostic.location.column < 1
                    || !(1...max(1, lineCount)).contains(diagnostic.location.line) || diagnostic.message.isEmpty {
                    wrong.append("seed \(seed), round \(round), \(mutation) in \(path): \(diagnostic)")
                }
                if diagnostics.contains(where: { $0.severity == .error }) { refused += 1 } else { accepted += 1 }
            }
            return (refused, accepted, wrong)
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10).joined(separator: "\n"))")
        // The damage is real: many files are refused, and some damage is harmless.
        #expect(refused > Self.mutationsPerRun / 10, "refused \(refused), accepted \(accepted)")
        #expect(accepted > 0)
    }

    /// One random change of the kind editors and broken tools make.
    static func mutate(_ bytes: [UInt8], _ random: inout SeededRandom) -> ([UInt8], String) {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        let line = random.next(upTo: max(1, lines.count))
        let snippets: [String] = ["---", ":", "\"", "'", "[", "]", "{", "}", "- ", "## ", "#", "\t", "  ", "*", "&anchor", "*alias",
                                  "? ", "|", ">", "%YAML 1.2", "{placeholder", "}", "\u{202E}", "é", "🙂", "\\", "`", "<!--", "-->"]
        switch random.next(upTo: 9) {
        case 0:
            lines.remove(at: line)
            return (Array(lines.joined(separator: [UInt8(ascii: "\n")])), "line \(line + 1) removed")
        case 1:
            lines.insert(lines[line], at: line)
            return (Array(lines.joined(separator: [UInt8(ascii: "\n")])), "line \(line + 1) doubled")
        case 2:
            let snippet = random.pick(snippets)
            let at = random.next(upTo: lines[line].count + 1)
            lines[line].insert(contentsOf: Array(snippet.utf8), at: at)
            return (Array(lines.joined(separator: [UInt8(ascii: "\n")])), "\"\(snippet)\" put into line \(line + 1)")
        case 3:
            let cut = random.next(upTo: bytes.count + 1)
            return (Array(bytes[..<cut]), "cut at byte \(cut)")
        case 4:
            var damaged = bytes
            let at = random.next(upTo: max(1, damaged.count))
            let junk = UInt8(truncatingIfNeeded: random.next())
            if damaged.isEmpty { damaged = [junk] } else { damaged[at] = junk }
            return (damaged, "byte \(at) set to \(junk)")
        case 5:
            lines[line] = Array(lines[line].drop { $0 == UInt8(ascii: " ") })
            return (Array(lines.joined(separator: [UInt8(ascii: "\n")])), "line \(line + 1) unindented")
        case 6:
            lines[line] = Array(repeating: UInt8(ascii: " "), count: 1 + random.next(upTo: 6)) + lines[line]
            return (Array(lines.joined(separator: [UInt8(ascii: "\n")])), "line \(line + 1) indented")
        case 7:
            let other = random.next(upTo: max(1, lines.count))
            lines.swapAt(line, other)
            return (Array(lines.joined(separator: [UInt8(ascii: "\n")])), "lines \(line + 1) and \(other + 1) swapped")
        default:
            return (Array(lines.joined(separator: Array("\r\n".utf8))), "CRLF line endings")
        }
    }

    /// Reads one file the way the loader reads its kind, and returns what it reported.
    static func load(_ bytes: [UInt8], path: String, strings: [LocaleStrings]) -> [Diagnostic] {
        var diagnostics = DiagnosticList()
        let text: String
        switch SourceText.decode(Data(bytes)) {
        case .success(let decoded): text = decoded
        case .failure(let invalid):
            return [.error(SourceLocation(file: path, line: invalid.line, column: invalid.column), "the file is not valid UTF-8 text")]
        }
        let name = (path as NSString).lastPathComponent
        let folder = ((path as NSString).deletingLastPathComponent as NSString).lastPathComponent
        let fileName = ContentFileName(name)
        let locale = fileName?.locale ?? "en"
        let localeStrings = strings.first { $0.locale == locale }
        func yaml() -> YAMLTree? {
            switch YAMLParser.parse(text, file: path) {
            case .success(let tree): return tree
            case .failure(let diagnostic): diagnostics.append(contentsOf: [diagnostic]); return nil
            }
        }
        if folder == "pairs" {
            _ = PairNoteParser.parse(text: text, file: path, locale: locale, localeStrings: localeStrings, diagnostics: &diagnostics)
        } else if name.hasSuffix(".md") {
            let headings = CodeFileParser.Headings(localeStrings: localeStrings)
            if fileName?.locale == nil {
                _ = CodeFileParser.parseBase(text: text, file: path, family: "smtp", headings: headings, diagnostics: &diagnostics)
            } else {
                _ = CodeFileParser.parseTranslation(text: text, file: path, locale: locale, headings: headings, diagnostics: &diagnostics)
            }
        } else if folder == "locales", let tree = yaml() {
            _ = LocaleStringsLoader.load(tree, locale: String(name.dropLast(4)), file: path, diagnostics: &diagnostics)
        } else if name == "family.yml", let tree = yaml() {
            let locales = ["en", "tr", "de"].map { LocaleInfo(code: $0, name: $0, rightToLeft: false, location: SourceLocation(file: path)) }
            _ = FamilyFileParser.parse(tree, id: "smtp", file: path, locales: locales, defaultLocale: "en", diagnostics: &diagnostics)
        } else if name == "site.yml", let tree = yaml() {
            _ = SiteConfigLoader.load(tree, diagnostics: &diagnostics)
        }
        return diagnostics.all
    }
}
