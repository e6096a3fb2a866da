import Foundation
import Testing
@testable import VersusKit

/// What search engines read: unique titles, descriptions made of whole sentences, canonical links,
/// JSON-LD that parses, and the per-locale search index.
@Suite(.tags(.shippedSite), .enabled(if: TestRun.includesShippedSite, "VERSUS_TESTS=fast leaves out the shipped site"))
struct SearchEngineTests {
    @Test(arguments: MultilingualTests.expectedLocales)
    func titlesAreUniqueAndStructuredDataParses(locale: String) async throws {
        try await ShippedSite.ready()
        var titles: [String: String] = [:]
        for file in try ShippedSite.htmlFiles(locale: locale) {
            let html = try ShippedSite.page(file)
            guard !html.contains("http-equiv=\"refresh\"") else { continue }
            let title = try #require(HTMLText.elements(html, openingTag: "<title", closing: "</title>").first)
            if let other = titles[title] { Issue.record("\(file) and \(other) share the title \"\(title)\"") }
            titles[title] = file
            if file.hasSuffix("404.html") {
                // Not a page to index: no canonical of its own, and says so.
                #expect(html.contains("<meta name=\"robots\" content=\"noindex\">") && !html.contains("rel=\"canonical\""), "\(file)")
            } else if html.contains("<meta name=\"robots\" content=\"noindex\">") {
                // Kept out of search engines only while part of its text is still the default locale's.
                #expect(!html.contains("rel=\"canonical\"") && html.contains("class=\"fallback-note\""), "\(file)")
            } else {
                #expect(html.contains("<link rel=\"canonical\" href=\"https://"), "\(file)")
            }
            #expect(html.contains("<meta property=\"og:title\""))
            #expect(html.contains("<meta property=\"og:locale\" content=\"") && html.contains("<meta property=\"og:image\" content=\"https://"), "\(file)")
            if let json = HTMLText.elements(html, openingTag: "<script type=\"application/ld+json\"", closing: "</script>").first {
                let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
                let graph = try #require(object?["@graph"] as? [[String: Any]], "\(file)")
                #expect(graph.contains { $0["@type"] as? String == "BreadcrumbList" })
                let isFamilyIndex = file.hasSuffix("smtp/index.html") || file.hasSuffix("enhanced/index.html")
                if file.contains("compare/") || ((file.contains("smtp/") || file.contains("enhanced/")) && !isFamilyIndex) {
                    let article = try #require(graph.first { $0["@type"] as? String == "TechArticle" }, "\(file)")
                    #expect((article["publisher"] as? [String: Any])?["name"] as? String != nil, "\(file)")
                    // Every shipped code file says when it appeared and changed.
                    let published = try #require(article["datePublished"] as? String, "\(file)")
                    let modified = try #require(article["dateModified"] as? String, "\(file)")
                    #expect(ContentDate(published) != nil && ContentDate(modified) != nil && published <= modified, "\(file)")
                }
            } else if !file.hasSuffix("404.html") {
                Issue.record("\(file) has no JSON-LD")
            }
        }
        #expect(titles.count > 1400)
    }

    @Test func theSearchIndexListsEveryCodeInTheLocalesWords() async throws {
        try await ShippedSite.ready()
        let json = try ShippedSite.page("tr/search-index.json")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        let families = try #require(ShippedSite.content).families
        let codes = families[0].codes
        #expect(entries.count == families.map(\.codes.count).reduce(0, +))
        let entry550 = try #require(entries.first { $0["code"] as? String == "550" })
        #expect(entry550["url"] as? String == "/tr/smtp/550-mailbox-unavailable/")
        #expect((entry550["enhanced"] as? [String])?.contains("5.1.1") == true)
        #expect(entry550["title"] as? String == codes.first { $0.code == "550" }?.translations["tr"]?.title)
        // An enhanced code is found by the concrete codes it stands for.
        let x71 = try #require(entries.first { $0["code"] as? String == "X.7.1" })
        #expect((x71["variants"] as? [String])?.contains("5.7.1") == true)
    }
}
