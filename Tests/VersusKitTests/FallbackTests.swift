import Foundation
import Testing
@testable import VersusKit

/// Text a locale has not translated yet falls back to the default locale, marked as such, never passed
/// off as the page's own language. The fixture has a locale of its own with titles but no body text,
/// so the test does not depend on which shipped locale happens to be untranslated.
@Suite struct FallbackTests {
    @Test func untranslatedBodiesCarryTheDefaultLanguageAndATranslatedNote() throws {
        let site = try TestSite(codes: ["250", "550"])
        defer { site.cleanUp() }
        try FileManager.default.copyItem(atPath: TestSite.repository.appendingPathComponent("content/locales/fr.yml").path,
                                         toPath: site.content + "/locales/fr.yml")
        let config = try String(contentsOfFile: site.content + "/site.yml", encoding: .utf8)
        try site.write("content/site.yml", config + "\n  - code: fr\n    name: Français\n    direction: ltr\n")
        for code in ["250", "550"] {
            try site.write("content/smtp/\(code).fr.md", "---\ntitle: Titre \(code)\nsummary: Résumé du code \(code).\n---\n")
            try site.write("content/smtp/\(code).tr.md", "---\ntitle: Başlık \(code)\n---\n## Description\n\nTürkçe açıklama \(code).\n")
        }
        try #require(site.build().successValue != nil)

        let french = try site.read("fr/smtp/550-title-550/index.html")
        let strings = try #require(ContentLoader.load(from: site.content).0?.locales.first { $0.locale == "fr" })
        guard case .text(let note)? = strings.values["fallback.not_translated"] else { Issue.record("fr.yml has no fallback note"); return }
        #expect(french.contains("<div class=\"prose\" lang=\"en\" dir=\"ltr\">"))
        #expect(french.contains(HTMLEscape.escape(note.format(["language": "English"]))))
        #expect(french.contains("What 550 means"), "the English text is there")
        #expect(french.contains("Titre 550"), "the translated title is used")

        let turkish = try site.read("tr/smtp/550-title-550/index.html")
        #expect(turkish.contains("Türkçe açıklama 550"))
        #expect(turkish.contains("<div class=\"prose\">"), "the translated section is not marked as English")
        // Sections the Turkish file leaves out still fall back, section by section.
        #expect(turkish.contains("<div class=\"prose\" lang=\"en\" dir=\"ltr\">"))
    }
}
