import Foundation
import Testing
@testable import VersusKit

/// A translation records which version of the English text it translates (`versus translations
/// record`); when that text changes, `versus check --translations` lists it as outdated with its file
/// and line, and the page tells the reader in their language, until it is reviewed and recorded again.
@Suite struct TranslationFreshnessTests {
    static let turkish550 = """
        ---
        title: Başlık 550
        summary: Türkçe özet.
        ---
        ## Description

        Türkçe açıklama.

        ## How to fix

        Türkçe çözüm.
        """

    static let englishBody = """
        ## Description

        What 550 means, in *Markdown*.

        ## When you see it

        After `RCPT TO`.

        ## How to fix

        Check the "address" -- then try again.
        """

    func outdated(_ site: TestSite) throws -> [TranslationFreshness.Item] {
        let content = try #require(ContentLoader.load(from: site.content).0)
        return TranslationFreshness.items(content).filter { $0.state == .outdated }
    }

    @Test func anEditedEnglishSectionMakesItsTranslationOutdatedUntilRecordedAgain() throws {
        let site = try TestSite(codes: ["550"])
        defer { site.cleanUp() }
        try site.write("content/smtp/550.tr.md", Self.turkish550)
        let unrecorded = try #require(ContentLoader.load(from: site.content).0)
        #expect(TranslationFreshness.items(unrecorded).map(\.state) == Array(repeating: .unrecorded, count: 4))

        let recorded = try #require(TranslationRecorder.record(contentDirectory: site.content, locales: ["tr"], files: nil).successValue)
        #expect(recorded.written.count == 1)
        let file = try String(contentsOfFile: site.content + "/smtp/550.tr.md", encoding: .utf8)
        #expect(file.contains("translated_from:\n  title: \(SourceVersion.hash("Title 550"))\n"))
        #expect(file.hasSuffix("## How to fix\n\nTürkçe çözüm."), "the body is untouched")
        #expect(ContentLoader.load(from: site.content).0.map(TranslationFreshness.items)?.isEmpty == true)

        // Re-wrapping a paragraph changes no meaning: nothing is outdated.
        try site.writeCode("550", body: Self.englishBody.replacingOccurrences(of: "What 550 means, in", with: "What 550 means,\nin"))
        #expect(try outdated(site).isEmpty)

        // A changed sentence makes that one section outdated, reported at its heading in the translation.
        try site.writeCode("550", body: Self.englishBody.replacingOccurrences(of: "What 550 means", with: "What 550 really means"))
        let items = try outdated(site)
        #expect(items.map(\.what) == ["550 description"])
        #expect(items.first?.location.file.hasSuffix("smtp/550.tr.md") == true)
        let headingLine = file.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "## Description" }.map { $0 + 1 }
        #expect(items.first?.location.line == headingLine)

        // The page says so in the reader's language, above that section only.
        try #require(site.build().successValue != nil)
        let strings = try #require(ContentLoader.load(from: site.content).0?.locales.first { $0.locale == "tr" })
        guard case .text(let note)? = strings.values["fallback.outdated"] else { Issue.record("tr.yml has no outdated note"); return }
        let notice = HTMLEscape.escape(note.format(["language": "English"]))
        let page = try site.read("tr/smtp/550-title-550/index.html")
        #expect(page.components(separatedBy: notice).count == 2, "one section carries the note")
        #expect(try !site.read("smtp/550-title-550/index.html").contains(notice))

        // Reviewed and recorded: current again, and the note is gone.
        let again = TranslationRecorder.record(contentDirectory: site.content, locales: nil, files: [site.content + "/smtp/550.tr.md"])
        #expect(again.successValue?.written.count == 1)
        #expect(try outdated(site).isEmpty)
        try #require(site.build().successValue != nil)
        #expect(try !site.read("tr/smtp/550-title-550/index.html").contains(notice))
    }

    @Test func pairNotesAreTrackedLikeCodes() throws {
        let site = try TestSite(codes: ["450", "550"])
        defer { site.cleanUp() }
        try site.write("content/smtp/pairs/450-550.md", "---\nconfusion: \"Both refuse a mailbox.\"\n---\n## Difference\n\nOne waits.\n")
        try site.write("content/smtp/pairs/450-550.tr.md", "## Difference\n\nBiri bekler.\n")
        let summary = try #require(TranslationRecorder.record(contentDirectory: site.content, locales: nil, files: nil).successValue)
        #expect(summary.written.count == 1)
        let file = try String(contentsOfFile: site.content + "/smtp/pairs/450-550.tr.md", encoding: .utf8)
        #expect(file.hasPrefix("---\ntranslated_from:\n  difference: "), "front matter is added where there was none")
        try site.write("content/smtp/pairs/450-550.md", "---\nconfusion: \"Both refuse a mailbox.\"\n---\n## Difference\n\nOne waits a while.\n")
        #expect(try outdated(site).map(\.what) == ["450-550 difference"])
        // The untranslated `confusion:` line is no translation: nothing to be outdated.
        #expect(ContentLoader.load(from: site.content).0.map(TranslationFreshness.items)?.count == 1)
    }

    @Test func recordingRewritesOnlyItsOwnBlock() {
        let text = "---\ntitle: Başlık\ntranslated_from:\n  title: 000000000000\n  summary: 111111111111\nsummary: Özet\n---\n## Açıklama\n\nMetin.\n"
        let updated = FrontMatterEditor.settingTranslatedFrom([("title", "aaaaaaaaaaaa")], in: text)
        #expect(updated == "---\ntitle: Başlık\nsummary: Özet\ntranslated_from:\n  title: aaaaaaaaaaaa\n---\n## Açıklama\n\nMetin.\n")
        #expect(FrontMatterEditor.settingTranslatedFrom([("title", "aaaaaaaaaaaa")], in: updated) == updated, "idempotent")
    }

    @Test func aBadRecordIsAnErrorAndAnUnknownFileIsRefused() throws {
        let site = try TestSite(codes: ["550"])
        defer { site.cleanUp() }
        try site.write("content/smtp/550.tr.md", "---\ntitle: Başlık\ntranslated_from:\n  title: xyz\n  descripton: 0123456789ab\n---\n")
        let errors = site.errors().brief
        #expect(errors.contains { $0.hasPrefix("550.tr.md:4: translated_from.title must be the 12-digit hash") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("550.tr.md:5: unknown field \"descripton\" in translated_from (did you mean \"description\"?)") }, "\(errors)")
        guard case .failure(.invalidContent(let found))? = TranslationRecorder.record(contentDirectory: site.content, locales: nil, files: nil).failureValue.map({ Result<Void, TranslationRecorder.Failure>.failure($0) }) else {
            Issue.record("recording content with errors must fail")
            return
        }
        #expect(found.count == errors.count)

        try site.write("content/smtp/550.tr.md", "---\ntitle: Başlık\n---\n")
        let refused = TranslationRecorder.record(contentDirectory: site.content, locales: nil, files: [site.content + "/smtp/550.md"])
        guard case .failure(.notATranslation(let file)) = refused else { Issue.record("the English file is not a translation"); return }
        #expect(file.hasSuffix("smtp/550.md"))
    }

    /// The hash translations record is taken scalar by scalar for speed; it must stay the hash of the
    /// words split by Character, or every recorded translation would turn outdated.
    @Test(arguments: ["plain words", "  leading and trailing  ", "line\nbreaks\r\nand\ttabs\u{0B}\u{0C}", "em — dash “quotes” é",
                      "no-break\u{00A0}space and\u{2009}thin\u{3000}ideographic", "next line\u{0085}and\u{2028}separator",
                      "a combining \u{0301}mark after a space", "an Arabic sign\u{0600} 1", "a zero-width\u{200D} joiner",
                      "emoji 👍🏽 here", "", "   ", "\u{1F}unit separator is not white space"])
    func theFastHashIsTheHashOfTheWordsSplitByCharacter(_ text: String) {
        var reference = StableHasher()
        reference.combine(text.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        let hex = String(reference.value, radix: 16)
        #expect(SourceVersion.hash(text) == String((String(repeating: "0", count: 16 - hex.count) + hex).prefix(12)))
        if let fast = SourceVersion.joinedWords(text) {
            #expect(String(decoding: fast, as: UTF8.self) == text.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        }
    }

    @Test func everydayTextTakesTheFastRoad() {
        for text in ["plain words", "em — dash “quotes” é\nnext line", "日本語の文。次の文", "नमस्ते दुनिया", "مرحبا بالعالم"] {
            #expect(SourceVersion.joinedWords(text) != nil, "\(text)")
        }
    }
}
