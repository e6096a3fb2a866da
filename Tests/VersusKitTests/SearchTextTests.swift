import Foundation
import Testing
@testable import VersusKit

/// The words the search box looks through: each code page's sections as plain text, in the reader's
/// language, in a file of their own so the bounce decoder does not load them.
@Suite struct SearchTextTests {
    @Test func renderedMarkdownBecomesPlainText() {
        let html = MarkdownRenderer.html("Relay `550 5.7.1` &amp; *more*:\n\n- one\n- two\n\n```\nS: 550 5.7.1 <a@b.example>: Relay access denied\n```\n")
        #expect(SearchText.plain(html) == "Relay 550 5.7.1 & more : one two S: 550 5.7.1 <a@b.example>: Relay access denied")
        // Only the entities cmark writes are decoded; anything else stays as written.
        #expect(SearchText.plain("<p>a &copy; b &#39;c&#39;</p>") == "a &copy; b 'c'")
    }

    @Test func everyCodeHasItsPagesTextInTheReadersLanguageAndTheDecoderIndexStaysSmall() throws {
        let site = try FamiliesTests.site()
        defer { site.cleanUp() }
        try site.write("content/enhanced/X.1.1.tr.md", """
            ---
            title: Hatalı hedef posta kutusu adresi
            ---
            ## Description

            Alıcının **posta kutusu** yok.
            """ + "\n")
        _ = try #require(site.build().successValue)
        for locale in ["", "tr/"] {
            let index = try #require(try JSONSerialization.jsonObject(with: Data(site.read(locale + "search-index.json").utf8)) as? [[String: Any]])
            let texts = try #require(try JSONSerialization.jsonObject(with: Data(site.read(locale + "search-text.json").utf8)) as? [String])
            #expect(texts.count == index.count && !texts.isEmpty)
            #expect(!index.contains { $0["text"] != nil }, "the decoder's index carries no page text")
            let x11 = try #require(index.firstIndex { $0["code"] as? String == "X.1.1" })
            if locale.isEmpty {
                #expect(texts[x11].hasPrefix("About X.1.1. Often. Fix it."), "\(texts[x11])")
            } else {
                // The translated section, and the default locale's where a section is not translated.
                #expect(texts[x11].hasPrefix("Alıcının posta kutusu yok. Often. Fix it."), "\(texts[x11])")
            }
            #expect(!texts.contains { $0.contains("<") && $0.contains("</") })
        }
        let home = try site.read("tr/index.html")
        #expect(home.contains("data-index=\"/tr/search-index.json\" data-text=\"/tr/search-text.json\""))
    }
}
