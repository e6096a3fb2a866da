import Foundation
import Testing
@testable import VersusKit

/// A locale's glossary (`content/glossary/LOCALE.yml`) makes `versus check` warn about every forbidden
/// variant in that locale's files, with file, line and column, and about nothing else.
@Suite struct GlossaryTests {
    static let turkish = """
        terms:
          - en: greylisting
            use: gri listeleme
            avoid: [greylisting, gri liste]
          - en: log
            use: günlük
            avoid: [log]
        """

    @Test func aVariantInATranslationIsAWarningAtItsLineAndColumn() throws {
        let site = try TestSite(codes: ["550"])
        defer { site.cleanUp() }
        try site.write("content/glossary/tr.yml", Self.turkish)
        try site.write("content/smtp/550.tr.md", """
            ---
            title: Başlık
            summary: Bir greylisting özeti.
            ---
            ## Description

            Sunucu bir Greylisting denetimi yapar.

            ## How to fix

            Gri listeleme bitene kadar bekleyin; `greylisting` ve ```log``` kod olarak kalır.
            Katalog ve blog sözcükleri sorun değildir, ama log kayıtları öyle değil.

            ```
            S: 450 greylisting in action, see log
            ```
            """)
        let report = try #require(site.build().successValue)
        let found = report.warnings.filter { $0.message.contains("glossary") }
        #expect(found.map { "\($0.location.line):\($0.location.column)" } == ["3:14", "7:12", "12:48"], "\(found.brief)")
        #expect(found.first?.message.contains("write \"gri listeleme\"") == true)
        #expect(found.first?.message.contains("glossary/tr.yml:2") == true, "the message names the glossary entry")
        #expect(found.allSatisfy { $0.location.file.hasSuffix("smtp/550.tr.md") })
    }

    @Test func theDefaultLocaleAndOtherLocalesAreNotChecked() throws {
        let site = try TestSite(codes: ["550"])
        defer { site.cleanUp() }
        try site.write("content/glossary/tr.yml", Self.turkish)
        try site.writeCode("550", body: "## Description\n\nGreylisting and log files.\n\n## When you see it\n\nAny.\n\n## How to fix\n\nWait.\n")
        let report = try #require(site.build().successValue)
        #expect(report.warnings.filter { $0.message.contains("glossary") }.isEmpty)
    }

    @Test func theLocaleStringsFileIsCheckedInItsValuesOnly() throws {
        let site = try TestSite(codes: ["550"])
        defer { site.cleanUp() }
        // "labels" is a key of tr.yml and {site} a placeholder in its sentences: neither is Turkish text.
        try site.write("content/glossary/tr.yml", "terms:\n  - en: label\n    use: etiket\n    avoid: [labels, site]\n")
        let report = try #require(site.build().successValue)
        let found = report.warnings.filter { $0.message.contains("glossary") }
        #expect(found.isEmpty, "\(found.brief)")

        let trStrings = try String(contentsOfFile: site.content + "/locales/tr.yml", encoding: .utf8)
        try site.write("content/locales/tr.yml", trStrings + "\n# bir bölüm yorumu: comments are not checked\n")
        try site.write("content/glossary/tr.yml", "terms:\n  - en: section\n    use: kısım\n    avoid: [bölüm]\n")
        let second = try #require(site.build().successValue)
        let inStrings = second.warnings.filter { $0.message.contains("glossary") && $0.location.file.hasSuffix("locales/tr.yml") }
        let lines = trStrings.split(separator: "\n", omittingEmptySubsequences: false)
        let noteLine = try #require(lines.firstIndex { $0.contains("not_translated:") }) + 1
        #expect(inStrings.contains { $0.location.line == noteLine }, "a value of the strings file: \(inStrings.brief)")
        #expect(!inStrings.contains { $0.location.line > lines.count }, "not the comment added at the end")
    }

    @Test func scriptsWithoutSpacesMatchAnywhereAndSpacedOnesAtWordStarts() {
        func warnings(_ avoid: String, use: String, in text: String) -> Int {
            let glossary = Glossary(locale: "xx", terms: [.init(concept: "c", use: use, avoid: [avoid], location: SourceLocation(file: "g"))], file: "g")
            var diagnostics = DiagnosticList()
            GlossaryScanner(glossary).scan(text, file: "f.md", kind: .markdown, diagnostics: &diagnostics)
            return diagnostics.warnings.count
        }
        #expect(warnings("参照", use: "ルックアップ", in: "## 説明\n\nDNSの参照に失敗しました。\n") == 1)
        #expect(warnings("查询", use: "查找", in: "## 说明\n\nDNS查询失败。\n") == 1)
        #expect(warnings("log", use: "journal", in: "## A\n\nA catalog, a logbook.\n") == 1, "the start of a word, not inside one")
        #expect(warnings("log", use: "registro", in: "## A\n\nCon AUTH LOGIN el cliente envía.\n") == 0, "a protocol keyword in capitals")
        #expect(warnings("log", use: "registro", in: "## A\n\nAUTH LOGIN y luego un login, y LOGIN.\n") == 1, "only where it is written as prose")
        #expect(warnings("log", use: "registro", in: "## A\n\nEl LOG del servidor.\n") == 1, "the variant itself in capitals")
        let spanish = Glossary(locale: "es", terms: [.init(concept: "log", use: "registro", avoid: ["log"], location: SourceLocation(file: "g"))], file: "g")
        var diagnostics = DiagnosticList()
        GlossaryScanner(spanish).scan("## A\n\nAUTH LOGIN y luego un login, y LOGIN.\n", file: "f.md", kind: .markdown, diagnostics: &diagnostics)
        #expect(diagnostics.warnings.map { "\($0.location.line):\($0.location.column)" } == ["3:23"], "the prose one")
        #expect(warnings("отказ", use: "сбой", in: "## A\n\nОтказом сервера.\n") == 1, "case and inflection")
        #expect(warnings("x", use: "y", in: "## A\n\nA lone x") == 1, "a one-byte variant in the very last byte")
        // Variants of one script share their first byte (Cyrillic letters start with 0xD0 or 0xD1):
        // each is still found, and only where it is written.
        let russian = Glossary(locale: "ru", terms: [
            .init(concept: "a", use: "сбой", avoid: ["отказ", "почтовик"], location: SourceLocation(file: "g")),
            .init(concept: "b", use: "письмо", avoid: ["мейл"], location: SourceLocation(file: "g")),
        ], file: "g")
        var found = DiagnosticList()
        GlossaryScanner(russian).scan("## A\n\nПочтовик вернул отказ, мейл не дошёл; опять отказ.\n", file: "f.md", kind: .markdown, diagnostics: &found)
        #expect(found.warnings.map { "\($0.location.line):\($0.location.column)" }.sorted() == ["3:1", "3:17", "3:24", "3:45"])
        #expect(warnings("relai", use: "relais", in: "## A\n\nUn relais ouvert.\n") == 0, "inside the right term")
        #expect(warnings("relai", use: "relais", in: "## A\n\nUn relai ouvert.\n") == 1)
        #expect(warnings("queue", use: "file", in: "## A\n\nLa réponse `451 4.3.0 queue\nfull` est claire.\n\nUne queue.\n") == 1,
                "a code span that wraps onto the next line is code on both lines")
        #expect(warnings("log", use: "registro", in: "---\nsummary: \"Con `AUTH LOGIN` o un log.\"\n---\n## A\n\nTexto.\n") == 1,
                "code spans in front matter values are code too")
        #expect(warnings("bounce", use: "rebond", in: "## A\n\n[rebond](https://example.org/bounce) <https://x.org/bounce>\n") == 0,
                "link targets are not prose")
    }

    @Test func mistakesInAGlossaryAreReportedWithTheirLine() throws {
        let site = try TestSite(codes: ["550"])
        defer { site.cleanUp() }
        try site.write("content/glossary/tr.yml", """
            terms:
              - en: queue
                use: kuyruk
                avoid: [Kuyruk]
              - en: server
                avoid: [server]
              - en: queue
                use: sıra
                colour: red
            """)
        try site.write("content/glossary/xx.yml", "terms: []\n")
        let errors = site.errors().brief
        #expect(errors.contains("tr.yml:4: \"Kuyruk\" is the term to use; it cannot also be a variant to avoid"), "\(errors)")
        #expect(errors.contains { $0.hasPrefix("tr.yml:5: missing required field \"use\"") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("tr.yml:7: \"queue\" is in the glossary twice") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("tr.yml:9: unknown field \"colour\"") }, "\(errors)")

        try site.remove("content/glossary/tr.yml")
        let report = try #require(site.build().successValue)
        #expect(report.warnings.brief.contains { $0.hasPrefix("xx.yml:1: glossary for \"xx\", which site.yml does not list") })
    }
}

extension GlossaryTests {
    /// The scan lowers a file's bytes itself: they must be exactly those of `lowercased()`, for every
    /// scalar there is (capitals of every script, ones whose mapping is longer, like "İ", and ones left
    /// alone), and for texts that mix them.
    @Test func lowercasedBytesAreThoseOfLowercasedForEveryScalar() {
        var mismatches: [UInt32] = []
        var chunk = ""
        func check() {
            if chunk.lowercasedUTF8 != Array(chunk.lowercased().utf8) {
                for scalar in chunk.unicodeScalars where String(scalar).lowercasedUTF8 != Array(String(scalar).lowercased().utf8) {
                    mismatches.append(scalar.value)
                }
            }
            chunk = ""
        }
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            chunk.unicodeScalars.append(scalar)
            if chunk.utf8.count > 4_000 { check() }
        }
        check()
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
        let mixed = "SMTP 550 İSTANBUL Straße ΣΊΣΥΦΟΣ Почтовый ЯЩИК 受信者 ǅ"
        #expect(mixed.lowercasedUTF8 == Array(mixed.lowercased().utf8))
        #expect("".lowercasedUTF8.isEmpty)
    }
}
