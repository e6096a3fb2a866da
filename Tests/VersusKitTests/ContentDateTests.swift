import Foundation
import Testing
@testable import VersusKit

/// `published:` and `updated:` become the article's datePublished and dateModified and the sitemaps'
/// lastmod; a translation's or a pair note's own `updated:` moves the pages that show it.
@Suite struct ContentDateTests {
    @Test func onlyRealDaysInISOFormParse() {
        #expect(ContentDate("2026-11-29")?.description == "2026-11-29")
        #expect(ContentDate("2024-02-29") != nil)  // a leap day
        for bad in ["2026-02-29", "2026-13-01", "2026-00-10", "2026-1-5", "26-01-05", "2026-01-05T10:00", "yesterday", "", "1969-12-31"] {
            #expect(ContentDate(bad) == nil, "\(bad)")
        }
        #expect(ContentDate("2026-01-31")! < ContentDate("2026-02-01")!)
    }

    /// 250 appeared first, 251 later; 251's Turkish translation and the pair's note changed after both.
    func datedSite() throws -> TestSite {
        let site = try TestSite(codes: ["550"])
        try site.writeCode("250", extraFrontMatter: "published: 2026-01-10\nupdated: 2026-03-01\n")
        try site.writeCode("251", extraFrontMatter: "published: 2026-02-01\n")
        try site.writeCompleteTranslation("250")
        try site.writeCompleteTranslation("251")
        try site.write("content/smtp/251.tr.md", try String(contentsOfFile: site.content + "/smtp/251.tr.md", encoding: .utf8)
            .replacingOccurrences(of: "---\ntitle:", with: "---\nupdated: 2026-04-01\ntitle:"))
        try site.write("content/smtp/pairs/250-251.md", "---\nupdated: 2026-05-02\n---\n## Difference\n\nOne completes, one forwards.\n")
        return site
    }

    static func article(_ html: String) throws -> [String: Any] {
        let json = try #require(HTMLText.elements(html, openingTag: "<script type=\"application/ld+json\"", closing: "</script>").first)
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let graph = try #require(object?["@graph"] as? [[String: Any]])
        return try #require(graph.first { $0["@type"] as? String == "TechArticle" })
    }

    @Test func articlesCarryTheirDays() throws {
        let site = try datedSite()
        defer { site.cleanUp() }
        _ = try #require(site.build().successValue)
        let english250 = try Self.article(site.read("smtp/250-title-250/index.html"))
        #expect(english250["datePublished"] as? String == "2026-01-10")
        #expect(english250["dateModified"] as? String == "2026-03-01")
        // No `updated:`: modified on the day it appeared.
        let english251 = try Self.article(site.read("smtp/251-title-251/index.html"))
        #expect(english251["datePublished"] as? String == "2026-02-01" && english251["dateModified"] as? String == "2026-02-01")
        // The Turkish page changed when its translation did; the English page did not.
        let turkish251 = try Self.article(site.read("tr/smtp/251-title-251/index.html"))
        #expect(turkish251["datePublished"] as? String == "2026-02-01" && turkish251["dateModified"] as? String == "2026-04-01")
        // A comparison appears with the later of its codes and changes with either code and its note
        // (the English note, which the Turkish page shows too).
        for file in ["compare/smtp/250-title-250-vs-251-title-251/index.html", "tr/compare/smtp/250-title-250-vs-251-title-251/index.html"] {
            let comparison = try Self.article(site.read(file))
            #expect(comparison["datePublished"] as? String == "2026-02-01", "\(file)")
            #expect(comparison["dateModified"] as? String == "2026-05-02", "\(file)")
        }
        // A code file without dates gives none, and its comparisons only the dates they have.
        let undated = try Self.article(site.read("smtp/550-title-550/index.html"))
        #expect(undated["datePublished"] == nil && undated["dateModified"] == nil)
        let mixed = try Self.article(site.read("compare/smtp/250-title-250-vs-550-title-550/index.html"))
        #expect(mixed["datePublished"] == nil && mixed["dateModified"] as? String == "2026-03-01")

        let sitemap = try site.read("sitemap-en.xml")
        #expect(sitemap.contains("<loc>https://example.org/smtp/250-title-250/</loc><lastmod>2026-03-01</lastmod>"))
        #expect(sitemap.contains("<loc>https://example.org/compare/smtp/250-title-250-vs-251-title-251/</loc><lastmod>2026-05-02</lastmod>"))
        #expect(sitemap.contains("<loc>https://example.org/smtp/550-title-550/</loc><xhtml:link"))
        // Pages made of lists, not articles, have no day of their own.
        #expect(sitemap.contains("<loc>https://example.org/</loc><xhtml:link"))
        #expect(try site.read("sitemap-tr.xml").contains("<loc>https://example.org/tr/smtp/251-title-251/</loc><lastmod>2026-04-01</lastmod>"))
    }

    @Test func changingOnlyADayRewritesThePagesThatPrintIt() throws {
        let site = try datedSite()
        defer { site.cleanUp() }
        _ = try #require(site.build().successValue)
        try site.writeCode("251", extraFrontMatter: "published: 2026-02-01\nupdated: 2026-06-01\n")
        let report = try #require(site.build().successValue)
        #expect(report.changedFiles.contains("smtp/251-title-251/index.html"))
        #expect(report.changedFiles.contains("compare/smtp/250-title-250-vs-251-title-251/index.html"))
        #expect(report.changedFiles.contains("sitemap-en.xml"))
        #expect(!report.changedFiles.contains("smtp/250-title-250/index.html"))
        #expect(try Self.article(site.read("smtp/251-title-251/index.html"))["dateModified"] as? String == "2026-06-01")
    }

    @Test func badDaysAreErrorsAtTheirLine() throws {
        let site = try TestSite(codes: ["550"])
        defer { site.cleanUp() }
        try site.writeCode("250", extraFrontMatter: "published: 2026-31-01\n")
        try site.writeCode("251", extraFrontMatter: "published: 2026-05-01\nupdated: 2026-04-30\n")
        try site.write("content/smtp/550.tr.md", "---\nupdated: soon\ntitle: Başlık\n---\n")
        try site.write("content/smtp/pairs/250-251.md", "---\nupdated: 2026/05/02\n---\n## Difference\n\nText.\n")
        let errors = site.errors().brief
        #expect(errors.contains("250.md:10: published: \"2026-31-01\" is not a date; write the day as YYYY-MM-DD, like 2026-11-29"), "\(errors)")
        #expect(errors.contains("251.md:11: updated: 2026-04-30 is before published: 2026-05-01; a page cannot change before it appears"), "\(errors)")
        #expect(errors.contains("550.tr.md:2: updated: \"soon\" is not a date; write the day as YYYY-MM-DD, like 2026-11-29"), "\(errors)")
        #expect(errors.contains("250-251.md:2: updated: \"2026/05/02\" is not a date; write the day as YYYY-MM-DD, like 2026-11-29"), "\(errors)")
        #expect(errors.count == 4, "\(errors)")
    }
}
