import Foundation
import Testing
@testable import VersusKit

/// Rebuilds skip pages whose inputs did not change, without rendering them, and still produce exactly
/// what a clean build produces.
@Suite struct IncrementalBuildTests {
    /// 5 codes, en + tr: per locale home, 404, family, 5 codes, 10 comparisons, 10 redirects.
    func site() throws -> TestSite { try TestSite(codes: ["250", "251", "450", "550", "551"]) }

    /// Builds `site` from scratch into a fresh folder and compares it with the incremental output.
    func expectSameAsCleanBuild(_ site: TestSite) throws {
        let clean = site.root.appendingPathComponent("clean").path
        _ = try #require(site.build(output: clean).successValue)
        var incremental = site.outputFiles(), fresh = site.outputFiles(clean)
        incremental[Manifest.fileName] = nil
        fresh[Manifest.fileName] = nil
        #expect(incremental == fresh)
        try FileManager.default.removeItem(atPath: clean)
    }

    @Test func noChangeRendersNothing() throws {
        let site = try site()
        defer { site.cleanUp() }
        let first = try #require(site.build().successValue)
        #expect(first.pagesRendered == first.pageCount)
        let second = try #require(site.build().successValue)
        #expect(second.pagesRendered == 0)
        #expect(second.filesWritten == 0)
        #expect(!second.fileSetChanged)
    }

    @Test func editingADescriptionRendersOnlyThePagesThatShowIt() throws {
        let site = try site()
        defer { site.cleanUp() }
        _ = try #require(site.build().successValue)
        try site.writeCode("450", body: "## Description\n\nNew words.\n\n## When you see it\n\nA\n\n## How to fix\n\nB\n")
        let report = try #require(site.build().successValue)
        // Per locale: 450's page and its 4 comparisons; redirects show titles only and are kept. The
        // search text, which holds the description, is written again; the search index is not.
        #expect(report.pagesRendered == 2 * (1 + 4))
        #expect(report.filesWritten == 2 * (1 + 4) + 2)
        #expect(report.changedFiles.contains("tr/search-text.json") && !report.changedFiles.contains("tr/search-index.json"))
        #expect(report.changedFiles.contains("tr/smtp/450-title-450/index.html"))
        try expectSameAsCleanBuild(site)
    }

    @Test func editingATranslationTouchesOnlyItsLocale() throws {
        let site = try site()
        defer { site.cleanUp() }
        _ = try #require(site.build().successValue)
        try site.write("content/smtp/551.tr.md", "---\nsummary: Türkçe özet.\n---\n")
        let report = try #require(site.build().successValue)
        #expect(report.changedFiles.allSatisfy { $0.hasPrefix("tr/") || !$0.hasSuffix(".html") })
        #expect(report.pagesRendered > 0 && report.pagesRendered < report.pageCount / 2)
        try expectSameAsCleanBuild(site)
    }

    @Test func editingATitleRendersTheListsAndRedirectsThatShowIt() throws {
        let site = try site()
        defer { site.cleanUp() }
        _ = try #require(site.build().successValue)
        try site.writeCode("551", title: "Title 551", extraFrontMatter: "summary_unused: x\n")
        #expect(site.build().failureValue != nil)  // an unknown field is an error; nothing changes
        try site.writeCode("551", title: "Renamed Title", extraFrontMatter: "slug: title-551\n")
        let report = try #require(site.build().successValue)
        #expect(report.pagesRendered > 2 * 10)
        try expectSameAsCleanBuild(site)
    }

    @Test func editingALabelOrATemplateRendersEverythingItReaches() throws {
        let site = try site()
        defer { site.cleanUp() }
        let first = try #require(site.build().successValue)
        var turkish = try String(contentsOfFile: site.content + "/locales/tr.yml", encoding: .utf8)
        turkish = turkish.replacingOccurrences(of: "learn_more: Daha Fazla Öğren", with: "learn_more: Daha Fazlası")
        try site.write("content/locales/tr.yml", turkish)
        let label = try #require(site.build().successValue)
        #expect(label.pagesRendered == first.pageCount / 2)
        try expectSameAsCleanBuild(site)

        var footer = try String(contentsOfFile: site.templates + "/partials/footer.mustache", encoding: .utf8)
        footer = footer.replacingOccurrences(of: "<footer class=\"site-footer\">", with: "<footer class=\"site-footer changed\">")
        try site.write("templates/partials/footer.mustache", footer)
        let template = try #require(site.build().successValue)
        #expect(template.pagesRendered == first.pageCount)
        try expectSameAsCleanBuild(site)
    }

    @Test func aPageChangedOrDeletedByHandIsRebuilt() throws {
        let site = try site()
        defer { site.cleanUp() }
        _ = try #require(site.build().successValue)
        let page = site.output + "/smtp/251-title-251/index.html"
        let original = try String(contentsOfFile: page, encoding: .utf8)
        try FileManager.default.removeItem(atPath: page)
        try site.write("Output/smtp/250-title-250/index.html", "hand edit")
        let report = try #require(site.build().successValue)
        #expect(report.pagesRendered == 2)
        #expect(try String(contentsOfFile: page, encoding: .utf8) == original)
        try expectSameAsCleanBuild(site)
    }
}
