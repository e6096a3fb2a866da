import Foundation
import Testing
@testable import VersusKit

/// The bounce decoder page: one per locale, linked from every header, in the sitemap, and carrying what
/// its script needs (the locale's search index and each family's comparison URL pattern). The script
/// itself is judged in Chromium by Tests/SiteChecks/test_decoder.py.
@Suite struct DecoderPageTests {
    @Test func everyLocaleHasADecoderLinkedFromEveryHeader() throws {
        let site = try FamiliesTests.site()
        defer { site.cleanUp() }
        _ = try #require(site.build().successValue)
        let english = try site.read("decode/index.html")
        #expect(english.contains("<h1>Bounce decoder</h1>"))
        #expect(english.contains("<form class=\"decoder\" data-index=\"/search-index.json\""))
        #expect(english.contains("<input type=\"hidden\" name=\"compare\" data-family=\"smtp\" value=\"/compare/smtp/{first}-vs-{second}/\">"))
        #expect(english.contains("<input type=\"hidden\" name=\"compare\" data-family=\"enhanced\" value=\"/compare/enhanced/{first}-vs-{second}/\">"))
        let turkish = try site.read("tr/decode/index.html")
        #expect(turkish.contains("<h1>Geri dönen ileti çözücü</h1>") && turkish.contains("data-index=\"/tr/search-index.json\""))
        for page in ["index.html", "smtp/550-title-550/index.html", "404.html", "decode/index.html"] {
            #expect(try site.read(page).contains("<a class=\"decoder-link\" href=\"/decode/\">Decode a bounce</a>"), "\(page)")
        }
        #expect(try site.read("tr/index.html").contains("<a class=\"decoder-link\" href=\"/tr/decode/\">"))
        #expect(try site.read("sitemap-en.xml").contains("<loc>https://example.org/decode/</loc>"))
        // The script builds comparison links from each entry's family and folder name.
        let index = try site.read("search-index.json")
        #expect(index.contains("\"code\":\"X.7.1\",\"family\":\"SMTP\",\"family_id\":\"enhanced\""))
        #expect(index.contains("\"url\":\"/smtp/550-title-550/\",\"path\":\"550-title-550\",\"tags\":[]}"))
    }

    @Test(arguments: ["decode", "compare", "api", "assets", "tr"])
    func aFamilyFolderCannotTakeOneOfTheSitesOwnFolders(folder: String) throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("content/\(folder)/family.yml", FamiliesTests.enhancedFamily)
        let errors = site.errors().map(\.description)
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.contains("content/\(folder):1:1: error: a family folder cannot be named \"\(folder)\"") == true, "\(errors)")
    }
}
