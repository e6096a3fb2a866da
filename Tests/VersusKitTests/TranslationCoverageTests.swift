import Foundation
import Testing
@testable import VersusKit

@Suite struct TranslationCoverageTests {
    @Test func untranslatedTitlesAreWarningsNamingTheFileToAdd() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("content/smtp/251.tr.md", "---\ntitle: Yerel Olmayan Kullanıcı\n---\n## Açıklama\n\nMetin.\n")
        let report = try #require(site.build().successValue)
        let warnings = report.warnings.brief
        #expect(warnings.contains("550.tr.md:1: missing key \"title\" for tr; the en title of 550 is shown until it is translated"))
        #expect(!warnings.contains { $0.hasPrefix("251.tr.md") })
    }

    @Test func coverageCountsLabelsTitlesSectionsAndNotes() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("content/smtp/251.tr.md", "---\ntitle: Yerel Olmayan Kullanıcı\n---\n## Açıklama\n\nMetin.\n\n## Nasıl Düzeltilir\n\nMetin.\n")
        try site.write("content/smtp/pairs/250-251.md", "## Difference\n\nX\n")
        let content = try #require(ContentLoader.load(from: site.content).0)
        let coverage = TranslationCoverage(content: content)
        let turkish = try #require(coverage.rows.first { $0.locale == "tr" })
        #expect(turkish.labels.present == LocaleKeys.all.count)
        #expect(turkish.titles.present == 1 && turkish.titles.total == 4)
        #expect(turkish.sections.present == 2 && turkish.sections.total == 12)
        #expect(turkish.pairNotes.present == 0 && turkish.pairNotes.total == 1)
        let table = coverage.table()
        #expect(table.contains("tr      \(LocaleKeys.all.count)/\(LocaleKeys.all.count) (100%)  1/4 (25%)    2/12 (16%)     0/1 (0%)"))
    }

    @Test func coverageDoesNotChangeTheExitStatus() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let result = try CommandLineTests().run(["check", "--translations"], in: site.root)
        #expect(result.status == 0)
        #expect(result.stdout.contains("locale  labels"))
        #expect(result.stdout.contains("tr      "))
    }
}
