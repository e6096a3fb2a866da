import Foundation
import Testing
@testable import VersusKit

/// What a shared link, a browser tab and a search engine read from a page's head: og:locale and its
/// alternates, the preview picture, the favicon, and the article's publisher.
@Suite struct LinkPreviewTests {
    static let siteWithOpenGraphLocales = """
        base_url: https://example.org/
        default_locale: en
        locales:
          - code: en
            name: English
            og_locale: en_US
          - code: tr
            name: Türkçe
            og_locale: tr_TR
        """

    @Test func pagesAnnounceTheirLocalePictureAndIcons() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("content/site.yml", Self.siteWithOpenGraphLocales)
        try site.writeCompleteTranslation("250")
        _ = try #require(site.build().successValue)
        let english = try site.read("smtp/250-title-250/index.html")
        let card = try TestSite.assetFile("social-card.png", in: site.output)
        #expect(english.contains("<meta property=\"og:locale\" content=\"en_US\">"))
        #expect(english.contains("<meta property=\"og:locale:alternate\" content=\"tr_TR\">"))
        #expect(!english.contains("og:locale:alternate\" content=\"en_US"))
        #expect(english.contains("<meta property=\"og:image\" content=\"https://example.org/\(card)\">"))
        #expect(english.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"))
        #expect(english.contains("<link rel=\"icon\" href=\"/\(try TestSite.assetFile("icon.svg", in: site.output))\" type=\"image/svg+xml\">"))
        #expect(english.contains("\"publisher\":{\"@type\":\"Organization\",\"name\":\"SMTP Reply Codes\",\"url\":\"https://example.org/\"}"))
        let turkish = try site.read("tr/smtp/250-title-250/index.html")
        #expect(turkish.contains("<meta property=\"og:locale\" content=\"tr_TR\">"))
        #expect(turkish.contains("<meta property=\"og:locale:alternate\" content=\"en_US\">"))
        #expect(turkish.contains("\"url\":\"https://example.org/tr/\"}"))
        // An untranslated Turkish page is no alternate, in og:locale:alternate as in hreflang.
        let untranslated = try site.read("smtp/551-title-551/index.html")
        #expect(untranslated.contains("og:locale\" content=\"en_US\"") && !untranslated.contains("og:locale:alternate"))
        // Browsers and crawlers that never read a page ask the root for /favicon.ico.
        let files = site.outputFiles()
        let favicon = try #require(files["favicon.ico"])
        #expect(favicon == FileManager.default.contents(atPath: site.templates + "/assets/favicon.ico"))
        #expect(favicon.prefix(4) == Data([0, 0, 1, 0]))
    }

    @Test func aSiteWithoutThePictureOrIconsLinksNone() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        for asset in ["social-card.png", "icon.svg", "favicon.ico"] { try site.remove("templates/assets/" + asset) }
        _ = try #require(site.build().successValue)
        let page = try site.read("smtp/250-title-250/index.html")
        #expect(!page.contains("og:image") && !page.contains("rel=\"icon\"") && !page.contains("og:locale"))
        #expect(page.contains("<meta name=\"twitter:card\" content=\"summary\">"))
        #expect(site.outputFiles()["favicon.ico"] == nil)
    }

    @Test(arguments: ["pt-PT", "PT_pt", "pt_", "portuguese_PT", "pt_PRT"])
    func aMalformedOpenGraphLocaleIsAnErrorWithItsLine(value: String) throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("content/site.yml", Self.siteWithOpenGraphLocales.replacingOccurrences(of: "og_locale: tr_TR", with: "og_locale: \(value)"))
        let errors = site.errors().map(\.description)
        #expect(errors.count == 1)
        #expect(errors.first?.hasSuffix("site.yml:9:16: error: og_locale must be a language and a region joined by \"_\", like \"pt_PT\", found \"\(value)\"") == true, "\(errors)")
    }
}
