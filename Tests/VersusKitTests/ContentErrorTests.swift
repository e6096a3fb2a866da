import Foundation
import Testing
@testable import VersusKit

/// Every mistake an editor can make gets an error with its file and line, and nothing is written.
@Suite struct ContentErrorTests {
    func errors(_ setUp: (TestSite) throws -> Void) throws -> [String] {
        let site = try TestSite()
        defer { site.cleanUp() }
        try setUp(site)
        let errors = site.errors().brief
        #expect(!FileManager.default.fileExists(atPath: site.output), "a failed build must not create the output")
        return errors
    }

    @Test func malformedYAML() throws {
        let errors = try errors { site in
            try site.writeCode("251", extraFrontMatter: "commands: [RCPT\n")
        }
        #expect(errors.count == 1)
        // Reported on the line with the open bracket, the one to edit.
        #expect(errors[0].hasPrefix("251.md:10: malformed YAML: did not find expected ',' or ']' while parsing a flow sequence, which starts here"))
    }

    @Test func missingRequiredFieldsAndSections() throws {
        let errors = try errors { site in
            try site.write("content/smtp/251.md", "---\ncode: 251\nstatus: standard\n---\n## Description\n\nText.\n")
        }
        #expect(errors.contains("251.md:2: missing required field \"title\""))
        #expect(errors.contains("251.md:2: missing required field \"summary\""))
        #expect(errors.contains("251.md:1: missing required section \"When you see it\""))
        #expect(errors.contains("251.md:1: missing required section \"How to fix\""))
    }

    @Test func unknownSectionWithSuggestionInATranslation() throws {
        let errors = try errors { site in
            try site.write("content/smtp/251.tr.md", "---\ntitle: Başlık\n---\n## Açıklama\n\nMetin.\n\n## Descripton\n\nX\n")
        }
        #expect(errors == ["251.tr.md:8: unknown section \"Descripton\" (did you mean \"Description\"?)"])
    }

    @Test func duplicateSectionAndEmptySection() throws {
        let errors = try errors { site in
            try site.writeCode("251", body: "## Description\n\nA\n\n## When you see it\n\nB\n\n## How to fix\n\nC\n\n## Description\n\nD\n\n## Notes\n\n")
        }
        #expect(errors.contains("251.md:23: duplicate section \"Description\" (already at line 11)"))
        #expect(errors.contains("251.md:27: section \"Notes\" is empty; write it or delete the heading"))
    }

    @Test func duplicateCode() throws {
        let errors = try errors { site in
            let text = try String(contentsOfFile: site.content + "/smtp/251.md", encoding: .utf8)
            try site.write("content/smtp/251-copy.md", text)
        }
        #expect(errors.count == 1)
        #expect(errors[0].contains("duplicate code 251 (also defined at"))
    }

    @Test func codeThatDoesNotFitItsFamily() throws {
        let errors = try errors { site in try site.writeCode("2501") }
        #expect(errors == ["2501.md:2: code \"2501\" does not fit the SMTP family (its codes match [2-5][0-9][0-9])"])
    }

    @Test func translationAndPairNoteForUnknownCodeOrLocale() throws {
        let errors = try errors { site in
            try site.write("content/smtp/299.tr.md", "---\ntitle: X\n---\n")
            try site.write("content/smtp/251.xx.md", "---\ntitle: X\n---\n")
            try site.write("content/smtp/pairs/251-299.md", "## Difference\n\nX\n")
            try site.write("content/smtp/pairs/251-551.xx.md", "## Difference\n\nX\n")
        }
        #expect(errors.contains("299.tr.md:1: translation of unknown code \"299\": there is no 299.md beside it"))
        #expect(errors.contains { $0.hasPrefix("251.xx.md:1: translation for unknown locale \"xx\"") })
        #expect(errors.contains { $0.hasPrefix("251-299.md:1: pair note for unknown code \"299\"") })
        #expect(errors.contains { $0.hasPrefix("251-551.xx.md:1: pair note for unknown locale \"xx\"") })
    }

    @Test func unknownRelatedCodeAndBadFieldValues() throws {
        let errors = try errors { site in
            try site.writeCode("251", related: ["999"], extraFrontMatter: "retry: sometimes\nclosez_connection: true\n")
        }
        #expect(errors.contains { $0.hasPrefix("251.md:9: related code \"999\" does not exist in SMTP") })
        #expect(errors.contains { $0.hasPrefix("251.md:10: unknown retry advice \"sometimes\"") })
        #expect(errors.contains("251.md:11: unknown field \"closez_connection\" in a code's front matter (did you mean \"closes_connection\"?)"))
    }

    @Test func missingLabelInTheDefaultLocaleIsAnError() throws {
        let errors = try errors { site in
            var text = try String(contentsOfFile: site.content + "/locales/en.yml", encoding: .utf8)
            text = text.replacingOccurrences(of: "  learn_more: Learn more\n", with: "")
            try site.write("content/locales/en.yml", text)
        }
        // Pointed at the group it belongs in (`labels:`), not at the top of the file.
        let labelsLine = try #require(try String(contentsOfFile: TestSite.repository.appendingPathComponent("content/locales/en.yml").path,
                                                 encoding: .utf8).components(separatedBy: "\n").firstIndex(of: "labels:")) + 1
        #expect(errors == ["en.yml:\(labelsLine): missing key \"labels.learn_more\" in the default locale"])
    }

    @Test func missingLabelInAnotherLocaleIsOnlyAWarning() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        var text = try String(contentsOfFile: site.content + "/locales/tr.yml", encoding: .utf8)
        text = text.replacingOccurrences(of: "  learn_more: Daha Fazla Öğren\n", with: "")
        try site.write("content/locales/tr.yml", text)
        let report = try #require(site.build().successValue)
        let lines = { (file: String) throws -> [String] in
            try String(contentsOfFile: site.content + "/locales/" + file, encoding: .utf8).components(separatedBy: "\n")
        }
        let labelsLine = try #require(try lines("tr.yml").firstIndex(of: "labels:")) + 1
        let englishLine = try #require(try lines("en.yml").firstIndex(of: "  learn_more: Learn more")) + 1
        #expect(report.warnings.brief.contains(
            "tr.yml:\(labelsLine): missing key \"labels.learn_more\"; the en text (en.yml:\(englishLine)) is used until it is translated"),
            "\(report.warnings.brief)")
        // The fallback is the English label, never an empty gap.
        #expect(try site.read("tr/compare/smtp/250-title-250-vs-251-title-251/index.html").contains("<h2>Learn more</h2>"))
    }

    @Test func unknownPlaceholderAndUnknownKeyInALocale() throws {
        let errors = try errors { site in
            var text = try String(contentsOfFile: site.content + "/locales/tr.yml", encoding: .utf8)
            text = text.replacingOccurrences(of: "  code_class: \"{code} bir {class} yanıtıdır.\"",
                                             with: "  code_class: \"{kod} bir {class} yanıtıdır.\"\n  code_clas: x")
            try site.write("content/locales/tr.yml", text)
        }
        #expect(errors.contains { $0.hasPrefix("tr.yml:") && $0.contains("unknown placeholder {kod} in \"sentences.code_class\"") })
        #expect(errors.contains { $0.contains("unknown key \"sentences.code_clas\" (did you mean \"sentences.code_class\"?)") })
    }

    @Test func templateSyntaxErrorAndUnknownVariable() throws {
        let errors = try errors { site in
            var code = try String(contentsOfFile: site.templates + "/code.mustache", encoding: .utf8)
            code = code.replacingOccurrences(of: "<main id=\"main\">", with: "<main id=\"main\">{{headng}}")
            try site.write("templates/code.mustache", code)
            try site.write("templates/partials/footer.mustache", "<footer>\n{{#t}}\n</footer>")
        }
        #expect(errors.contains { $0.hasPrefix("code.mustache:4: unknown variable \"headng\": the code page does not provide it (did you mean \"heading\"?)") })
        #expect(errors.contains("footer.mustache:2: section {{#t}} is never closed with {{/t}}"))
    }

    @Test func everyErrorIsReportedAtOnceAndSorted() throws {
        let errors = try errors { site in
            try site.writeCode("251", related: ["998"])
            try site.writeCode("550", related: ["997"])
        }
        #expect(errors.count == 2)
        #expect(errors[0].hasPrefix("251.md") && errors[1].hasPrefix("550.md"))
    }
}
