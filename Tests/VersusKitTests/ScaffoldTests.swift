import Foundation
import Testing
@testable import VersusKit

@Suite struct ScaffoldTests {
    @Test func aNewCodeHasEveryFieldAndSectionAndCheckPointsAtWhatIsLeft() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let path = try Scaffold.newCode("252", family: "smtp", contentDirectory: site.content)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for field in CodeFileParser.baseFields where field != "slug" {
            #expect(text.contains("\n\(field):") || text.contains("# \(field):"), "no \(field)")
        }
        for section in SectionID.allCases { #expect(text.contains("## \(section.heading)\n")) }
        // Until it is written, the check names each empty value with its line; nothing is published.
        let errors = site.errors().brief
        let titleLine = try #require(text.components(separatedBy: "\n").firstIndex(of: "title:")) + 1
        #expect(errors.contains("252.md:\(titleLine): field \"title\" must not be empty"), "\(errors)")
        #expect(errors.contains { $0.hasPrefix("252.md:") && $0.contains("\"summary\"") })
        #expect(errors.contains { $0.contains("section \"Description\" is empty") })
        #expect(errors.contains { $0.contains("section \"Notes\" is empty; write it or delete the heading") })
    }

    @Test func aFilledInScaffoldBuilds() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let path = try Scaffold.newCode("252", family: "smtp", contentDirectory: site.content)
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "\ntitle:\n", with: "\ntitle: Cannot Verify User\n")
            .replacingOccurrences(of: "\nsummary:\n", with: "\nsummary: The server cannot verify the user but will try delivery.\n")
            .replacingOccurrences(of: "<!-- What the code means, in two or three short paragraphs that stand alone. -->", with: "Meaning.")
            .replacingOccurrences(of: "<!-- - **Sending:** where a sender meets it. -->", with: "- Often.")
            .replacingOccurrences(of: "<!-- Concrete steps, for the sender and for the server operator where they differ. -->", with: "Steps.")
        text = String(text[..<text.range(of: "## Provider variants")!.lowerBound])
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(site.build().successValue != nil)
        #expect(FileManager.default.fileExists(atPath: site.output + "/smtp/252-cannot-verify-user/index.html"))
    }

    @Test func aNewLocaleHasEveryKeyMarkedForTranslationAndLoads() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let path = try Scaffold.newLocale("pl", contentDirectory: site.content)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.split(separator: "\n").filter { $0.hasSuffix("translate") && $0.contains("# ") }.count == LocaleKeys.all.count)
        // Polish needs one, few, many and other for counted strings.
        #expect(text.contains("  code_count:  # translate\n    one: \"{count} code\"\n    few: \"{count} codes\"\n    many: \"{count} codes\"\n    other: \"{count} codes\"\n"))
        guard case .success(let tree) = YAMLParser.parse(text, file: path) else { Issue.record("not valid YAML"); return }
        var diagnostics = DiagnosticList()
        let strings = LocaleStringsLoader.load(tree, locale: "pl", file: path, diagnostics: &diagnostics)
        #expect(diagnostics.all.isEmpty, "\(diagnostics.all)")
        #expect(strings.values.count == LocaleKeys.all.count)
    }

    @Test func neverOverwritesAndRefusesWhatCannotExist() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let before = try String(contentsOfFile: site.content + "/smtp/251.md", encoding: .utf8)
        #expect(throws: Scaffold.Failure.self) { try Scaffold.newCode("251", family: "smtp", contentDirectory: site.content) }
        #expect(try String(contentsOfFile: site.content + "/smtp/251.md", encoding: .utf8) == before)
        #expect(throws: Scaffold.Failure.self) { try Scaffold.newLocale("tr", contentDirectory: site.content) }
        #expect(throws: Scaffold.Failure.self) { try Scaffold.newCode("2501", family: "smtp", contentDirectory: site.content) }
        #expect(throws: Scaffold.Failure.self) { try Scaffold.newCode("252", family: "nope", contentDirectory: site.content) }
        #expect(throws: Scaffold.Failure.self) { try Scaffold.newLocale("Not A Locale", contentDirectory: site.content) }
    }
}

@Suite struct CommandLineNewAndProgressTests {
    @Test func newRefusesToOverwriteWithExitOne() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let created = try CommandLineTests().run(["new", "code", "252"], in: site.root)
        #expect(created.status == 0 && created.stdout.contains("content/smtp/252.md"))
        let again = try CommandLineTests().run(["new", "code", "252"], in: site.root)
        #expect(again.status == 1 && again.stderr.contains("already exists; versus new never overwrites a file"))
        let locale = try CommandLineTests().run(["new", "locale", "de"], in: site.root)
        #expect(locale.status == 0 && FileManager.default.fileExists(atPath: site.content + "/locales/de.yml"))
    }

    @Test func serveRefusesANonLoopbackAddressWithoutExpose() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let result = try CommandLineTests().run(["serve", "--host", "0.0.0.0"], in: site.root)
        #expect(result.status == 2 && result.stderr.contains("--expose"))
    }

    @Test func progressIsPlainLinesWhenNotATerminalAndSilentWhenQuiet() throws {
        // 2,000 pages at least: 32 codes in 2 locales make 2 × (3 + 32 + 32 × 31) pages.
        let site = try TestSite(codes: (0..<32).map { String(200 + $0 * 11) })
        defer { site.cleanUp() }
        let result = try CommandLineTests().run(["build", "--no-link-check"], in: site.root)
        #expect(result.status == 0)
        let lines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("Rendering ") }
        #expect(lines.count >= 5 && lines.count <= 10)
        #expect(lines.last?.hasPrefix("Rendering 2056/2056 pages") == true)
        #expect(!result.stderr.contains("\r"))
        #expect(result.stdout.contains("Built 2056 pages"))
        let quiet = try CommandLineTests().run(["build", "--quiet", "--no-link-check"], in: site.root)
        #expect(quiet.stdout.isEmpty && quiet.stderr.isEmpty)
    }
}
