import Foundation
import Testing
@testable import VersusKit

/// `provider_tags:` in a code file: the tags a provider prints in its bounces (Yahoo's [TSS04]), which the
/// search index carries for the bounce decoder. Its Chromium test is in Tests/SiteChecks/test_decoder.py.
@Suite struct ProviderTagTests {
    @Test func tagsReachTheSearchIndexOfEveryLocale() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.writeCode("550", extraFrontMatter: "provider_tags:\n  - tag: TSS04\n    provider: Yahoo\n  - tag: ATTR34\n    provider: Microsoft 365\n")
        _ = try #require(site.build().successValue)
        for file in ["search-index.json", "tr/search-index.json"] {
            let index = try site.read(file)
            #expect(index.contains("\"code\":\"550\"") && index.contains(
                "\"tags\":[{\"tag\":\"TSS04\",\"provider\":\"Yahoo\"},{\"tag\":\"ATTR34\",\"provider\":\"Microsoft 365\"}]"), "\(file)")
            #expect(index.contains("\"code\":\"251\"") && index.contains("\"tags\":[]"), "\(file)")
        }
    }

    @Test(arguments: [
        ("provider_tags:\n  - tag: tss04\n    provider: Yahoo\n", 11,
         "a provider tag is capital letters then digits, as bounces print it without brackets (like TSS04), found \"tss04\""),
        ("provider_tags:\n  - tag: \"[TSS04]\"\n    provider: Yahoo\n", 11, "found \"[TSS04]\""),
        ("provider_tags:\n  - tag: TSS04\n", 11, "provider"),
        ("provider_tags:\n  - tag: TSS04\n    provider: Yahoo\n  - tag: TSS04\n    provider: Yahoo\n", 13,
         "provider tag \"TSS04\" is listed twice"),
        ("provider_tags: TSS04\n", 10, "\"provider_tags\" must be a list of entries like `- tag: TSS04` with `provider: Yahoo`"),
        ("provider_tags:\n  - tag: TSS04\n    provider: Yahoo\n    url: https://example.com\n", 13, "url"),
    ])
    func aWrongTagIsAnErrorAtItsLine(frontMatter: String, line: Int, message: String) throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.writeCode("550", extraFrontMatter: frontMatter)
        let errors = site.errors().map(\.description)
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.contains("content/smtp/550.md:\(line):") == true && errors.first?.contains(message) == true, "\(errors)")
    }

    @Test func aTagLeadsToOnePageOfAFamily() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.writeCode("550", extraFrontMatter: "provider_tags:\n  - tag: TSS04\n    provider: Yahoo\n")
        try site.writeCode("551", extraFrontMatter: "provider_tags:\n  - tag: TSS04\n    provider: Yahoo\n")
        let errors = site.errors().map(\.description)
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.contains("provider tag TSS04 of 551 already belongs to 550") == true, "\(errors)")
    }
}
