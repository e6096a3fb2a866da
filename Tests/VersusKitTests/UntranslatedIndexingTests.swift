import Foundation
import Testing
@testable import VersusKit

/// A page whose main text is not translated yet is not offered to search engines as that language: it
/// is noindex, left out of its locale's sitemap and of every hreflang list, and comes back once translated.
@Suite struct UntranslatedIndexingTests {
    static func completeTurkish(_ code: String) -> String {
        "---\ntitle: Başlık \(code)\nsummary: Özet \(code).\n---\n## Description\n\nAçıklama.\n\n## When you see it\n\nNe zaman.\n\n## How to fix\n\nÇözüm.\n"
    }

    @Test func untranslatedPagesStayOutOfSearchEnginesUntilTranslated() throws {
        let site = try TestSite(codes: ["250", "550"])
        defer { site.cleanUp() }
        try site.write("content/smtp/250.tr.md", Self.completeTurkish("250"))
        // Title and summary only: the body falls back to English.
        try site.write("content/smtp/550.tr.md", "---\ntitle: Başlık 550\nsummary: Özet 550.\n---\n")
        try #require(site.build().successValue != nil)

        let trAlternate = "hreflang=\"tr\""
        let translated = try site.read("tr/smtp/250-title-250/index.html")
        #expect(!translated.contains("noindex"))
        #expect(translated.contains("<link rel=\"alternate\" \(trAlternate) href=\"https://example.org/tr/smtp/250-title-250/\">"))
        #expect(translated.contains("<link rel=\"canonical\""))

        let untranslated = try site.read("tr/smtp/550-title-550/index.html")
        #expect(untranslated.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(!untranslated.contains("<link rel=\"alternate\""))
        let english550 = try site.read("smtp/550-title-550/index.html")
        #expect(english550.contains("<link rel=\"alternate\" hreflang=\"en\""))
        #expect(!english550.contains("<link rel=\"alternate\" \(trAlternate)"), "no page names the untranslated one")
        // A comparison is translated only when both of its codes are.
        let comparison = try site.read("tr/compare/smtp/250-title-250-vs-550-title-550/index.html")
        #expect(comparison.contains("noindex"))

        let trSitemap = try site.read("sitemap-tr.xml")
        #expect(trSitemap.contains("https://example.org/tr/smtp/250-title-250/"))
        #expect(!trSitemap.contains("550"), "neither the code page nor the comparison")
        let enSitemap = try site.read("sitemap-en.xml")
        #expect(enSitemap.contains("hreflang=\"tr\" href=\"https://example.org/tr/smtp/250-title-250/\""))
        #expect(!enSitemap.contains("hreflang=\"tr\" href=\"https://example.org/tr/smtp/550-title-550/\""))

        // Translated: the next (incremental) build puts it back everywhere, English pages included.
        try site.write("content/smtp/550.tr.md", Self.completeTurkish("550"))
        try #require(site.build().successValue != nil)
        #expect(try !site.read("tr/smtp/550-title-550/index.html").contains("noindex"))
        #expect(try site.read("smtp/550-title-550/index.html").contains("<link rel=\"alternate\" \(trAlternate)"))
        #expect(try !site.read("tr/compare/smtp/250-title-250-vs-550-title-550/index.html").contains("noindex"))
        #expect(try site.read("sitemap-tr.xml").contains("https://example.org/tr/compare/smtp/250-title-250-vs-550-title-550/"))
    }

    @Test func aComparisonWaitsForItsPairNote() throws {
        let site = try TestSite(codes: ["250", "550"])
        defer { site.cleanUp() }
        for code in ["250", "550"] { try site.write("content/smtp/\(code).tr.md", Self.completeTurkish(code)) }
        try site.write("content/smtp/pairs/250-550.md", "## Difference\n\nOne accepts, one refuses.\n")
        try #require(site.build().successValue != nil)
        #expect(try site.read("tr/compare/smtp/250-title-250-vs-550-title-550/index.html").contains("noindex"))
        #expect(try !site.read("tr/smtp/550-title-550/index.html").contains("noindex"), "the code pages do not depend on it")

        try site.write("content/smtp/pairs/250-550.tr.md", "## Difference\n\nBiri kabul eder, biri reddeder.\n")
        try #require(site.build().successValue != nil)
        #expect(try !site.read("tr/compare/smtp/250-title-250-vs-550-title-550/index.html").contains("noindex"))
    }
}
