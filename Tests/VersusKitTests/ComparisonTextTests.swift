import Foundation
import Testing
@testable import VersusKit

/// What a comparison says of its own: the numbered key differences reasoned from the two codes' facts,
/// the operator's and the sender's side from `send_when`/`sender_action`, a pair note's `confusion:`,
/// the lean side-by-side part, and titles and descriptions fitted for search results.
@Suite struct ComparisonTextTests {
    static let comparison = "compare/smtp/451-title-451-vs-554-title-554/index.html"

    /// 451 (temporary, answers RCPT and DATA, stays open) against 554 (permanent, answers DATA, closes).
    static func pairSite() throws -> TestSite {
        let site = try TestSite(codes: [])
        try site.writeCode("451", extraFrontMatter: """
            send_when: "Send it when a lookup the server needs times out."
            sender_action: "Wait: your server retries by itself."

            """)
        try site.writeCode("554", extraFrontMatter: """
            closes_connection: true
            send_when: "Send it when the transaction is refused for good."
            sender_action: "Read the reason and change the message before you send it again."

            """)
        // Both answer RCPT and DATA, listed in different orders.
        for (code, commands) in [("451", "[RCPT, DATA]"), ("554", "[DATA, RCPT]")] {
            let text = try String(contentsOfFile: site.content + "/smtp/\(code).md", encoding: .utf8)
            try site.write("content/smtp/\(code).md", text.replacingOccurrences(of: "commands: [RCPT]", with: "commands: \(commands)"))
        }
        return site
    }

    static func keyDifferences(_ html: String) -> [String] {
        guard let start = html.range(of: "<section class=\"key-differences\""),
              let end = html.range(of: "</ol>", range: start.upperBound..<html.endIndex) else { return [] }
        return HTMLText.elements(String(html[start.upperBound..<end.lowerBound]), openingTag: "<li", closing: "</li>")
            .map { HTMLText.decode(HTMLText.stripTags($0)) }
    }

    @Test func keyDifferencesReasonAboutThePair() throws {
        let site = try Self.pairSite()
        defer { site.cleanUp() }
        #expect(site.build().failureValue == nil)
        let html = try site.read(Self.comparison)
        let items = Self.keyDifferences(html)
        #expect(html.contains("<ol>"))
        #expect(items.contains("451 is a temporary failure: nothing is lost, the message stays in the sending server's queue and can go through on a later attempt. 554 is a permanent failure: the server refuses, and the same request will fail again until something is changed."), "\(items)")
        #expect(items.contains { $0.hasPrefix("After 451 the sending server keeps the message") && $0.contains("After 554 the message must not be sent again unchanged") })
        #expect(items.contains("451 and 554 come back at the same point of the session, in answer to RCPT, DATA."), "\(items)")
        #expect(items.contains("554 ends the session and the server closes the connection, while after 451 the session goes on."))
        #expect(items.contains("451 and 554 are both defined in RFCs, so their meaning does not depend on the server."))
        // The lead no longer repeats the retry advice; the description still carries it when it fits.
        #expect(!HTMLText.elements(html, openingTag: "<p class=\"lead\"", closing: "</p>").joined().contains("advice"))
    }

    @Test func bothFormsAreUsedWhenTheCodesAgree() throws {
        let site = try TestSite(codes: ["550", "551"])
        defer { site.cleanUp() }
        #expect(site.build().failureValue == nil)
        let items = Self.keyDifferences(try site.read("compare/smtp/550-title-550-vs-551-title-551/index.html"))
        #expect(items.first == "550 and 551 are both permanent failures: repeating the same request gives the same refusal.")
        #expect(items.contains("Neither 550 nor 551 ends the session: the client can go on with its next command."))
        #expect(items.contains("550 and 551 come back at the same point of the session, in answer to RCPT."))
    }

    /// Enhanced codes have no retry, command or connection facts; their subject and the classes they are
    /// sent in tell them apart.
    @Test func enhancedCodesAreComparedBySubjectAndClassDigit() throws {
        let site = try FamiliesTests.site()
        defer { site.cleanUp() }
        #expect(site.build().failureValue == nil)
        let items = Self.keyDifferences(try site.read("compare/enhanced/x-1-1-bad-destination-mailbox-address-vs-x-7-1-delivery-not-authorized/index.html"))
        #expect(items.first == "X.1.1 and X.7.1 report on different subjects: X.1.1 on X.1.x Addressing Status, X.7.1 on X.7.x Security or Policy Status.", "\(items)")
        #expect(items.contains("X.1.1 is a permanent failure: the server refuses, and the same request will fail again until something is changed. X.7.1 can be temporary or permanent: sent as 4.x.x the message waits in the queue for another attempt, sent as 5.x.x it is refused."), "\(items)")
        #expect(items.contains("X.1.1 and X.7.1 come from the same specification, RFC\u{00A0}3463."), "\(items)")
        #expect(!items.contains { $0.contains("session") || $0.contains("resend") }, "no command, connection or retry facts: \(items)")
    }

    /// "RFC 5321" stays on one line wherever a locale's sentence puts it, and nothing else changes.
    @Test func rfcNumbersAreKeptTogether() {
        #expect(LocaleText.keepingTogether("RFC 5321, section 4.2.2", number: "5321") == "RFC\u{00A0}5321, section 4.2.2")
        #expect(LocaleText.keepingTogether("RFC 5321 و RFC 5321، القسم", number: "5321") == "RFC\u{00A0}5321 و RFC\u{00A0}5321، القسم")
        #expect(LocaleText.keepingTogether("RFC 3463 (RFC 5321)", number: "5321") == "RFC 3463 (RFC\u{00A0}5321)")
        #expect(LocaleText.keepingTogether("RFC\u{00A0}5321, RFC 532", number: "5321") == "RFC\u{00A0}5321, RFC 532")
        #expect(LocaleText.keepingTogether("", number: "5321") == "")
    }

    @Test func operatorAndSenderSidesComeFromEachCodeWithTranslationsAndFallback() throws {
        let site = try Self.pairSite()
        defer { site.cleanUp() }
        try site.write("content/smtp/451.tr.md", """
            ---
            title: Yerel İşlem Hatası
            send_when: "Sunucunun ihtiyaç duyduğu bir sorgu zaman aşımına uğradığında gönderin."
            sender_action: "Bekleyin: sunucunuz kendisi yeniden dener."
            ---
            """)
        #expect(site.build().failureValue == nil)
        let english = try site.read(Self.comparison)
        #expect(english.contains("Send it when a lookup the server needs times out."))
        #expect(english.contains("Read the reason and change the message before you send it again."))
        #expect(english.contains("id=\"which-you-will-see\""))
        let turkish = try site.read("tr/" + Self.comparison)
        #expect(turkish.contains("Bekleyin: sunucunuz kendisi yeniden dener."))
        // 554 has no Turkish texts: the English ones are shown, marked as English.
        #expect(turkish.contains("<span lang=\"en\" dir=\"ltr\">Send it when the transaction is refused for good.</span>"))
    }

    @Test func theSideBySidePartIsLean() throws {
        let site = try Self.pairSite()
        defer { site.cleanUp() }
        #expect(site.build().failureValue == nil)
        let html = try site.read(Self.comparison)
        #expect(html.contains("id=\"451-how-to-fix\""))
        #expect(!html.contains("id=\"451-description\""), "the Description section stays on the code's page")
        #expect(!html.contains("id=\"451-when-you-see-it\""))
        #expect(html.contains("<p class=\"column-summary\">Code 451 says something complete about the transaction.</p>"))
        #expect(html.contains("<p class=\"full-page\"><a href=\"/smtp/451-title-451/\">Everything about 451 Title 451</a></p>"))
        #expect(html.contains("id=\"facts-side-by-side\""))
    }

    @Test func aPairNotesConfusionLineEndsTheKeyDifferences() throws {
        let site = try Self.pairSite()
        defer { site.cleanUp() }
        try site.write("content/smtp/pairs/451-554.md", """
            ---
            confusion: "Both can answer the end of DATA, and a busy filter may use either."
            ---
            ## Difference

            One waits, one refuses.
            """)
        try site.write("content/smtp/pairs/451-554.tr.md", """
            ## Uygulamadaki fark

            Biri bekler, biri reddeder.
            """)
        #expect(site.build().failureValue == nil)
        #expect(Self.keyDifferences(try site.read(Self.comparison)).last == "Both can answer the end of DATA, and a busy filter may use either.")
        // The Turkish note has no confusion line of its own: the English one is shown, marked as English.
        let turkish = try site.read("tr/" + Self.comparison)
        // The text is marked, not the list item, so that the number stays where the page's direction puts it.
        #expect(turkish.contains("<li><span lang=\"en\" dir=\"ltr\">Both can answer the end of DATA, and a busy filter may use either.</span></li>"))
    }

    @Test func aPairNoteTakesOnlyTheConfusionField() throws {
        let site = try Self.pairSite()
        defer { site.cleanUp() }
        try site.write("content/smtp/pairs/451-554.md", """
            ---
            confusion: "Fine."
            confusoin: "typo"
            codes: [451, 554]
            ---
            ## Difference

            Text.
            """)
        let errors = site.errors().brief
        #expect(errors.contains { $0.hasPrefix("451-554.md:3: unknown field \"confusoin\" in a pair note") && $0.contains("did you mean \"confusion\"") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("451-554.md:4: unknown field \"codes\"") && $0.contains("its codes come from the file name") }, "\(errors)")
    }

    @Test func aCodeTranslationMayGiveTheComparisonTextsButNoFacts() throws {
        let site = try Self.pairSite()
        defer { site.cleanUp() }
        try site.write("content/smtp/451.tr.md", """
            ---
            send_when: "Metin."
            retry: later
            ---
            """)
        let errors = site.errors().brief
        #expect(errors == ["451.tr.md:3: \"retry\" is the same in every language; set it in the code's main file, not in a translation"], "\(errors)")
    }
}

/// Titles and descriptions: the first pattern that fits the limit and whose placeholders all have a value.
@Suite struct FittedTitleTests {
    static func text(_ yaml: String) throws -> LocaleText {
        var diagnostics = DiagnosticList()
        let tree = try YAMLParser.parse(yaml, file: "en.yml").get()
        let strings = LocaleStringsLoader.load(tree, locale: "en", file: "en.yml", diagnostics: &diagnostics)
        #expect(diagnostics.all.isEmpty, "\(diagnostics.all.map(\.message))")
        let info = LocaleInfo(code: "en", name: "English", rightToLeft: false, location: SourceLocation(file: "site.yml"))
        return LocaleText(info: info, strings: strings, fallback: strings)
    }

    @Test func theFirstPatternThatFitsIsUsed() throws {
        let text = try Self.text("""
            pages:
              compare_title:
                - "{family} {code_a} vs {code_b}: {shared_title}"
                - "{family} {code_a} {title_a} vs {code_b} {title_b}"
                - "{family} {code_a} vs {code_b}"
            """)
        let different: SentenceValues = ["family": "SMTP", "code_a": "250", "title_a": "OK", "code_b": "251", "title_b": "User Not Local",
                                         "shared_title": ""]
        #expect(text.fitting("pages.compare_title", different, limit: 60) == "SMTP 250 OK vs 251 User Not Local")
        #expect(text.fitting("pages.compare_title", different, limit: 20) == "SMTP 250 vs 251")
        let same = different.merging(["title_a": "User Not Local", "shared_title": "User Not Local"])
        #expect(text.fitting("pages.compare_title", same, limit: 60) == "SMTP 250 vs 251: User Not Local")
        // Nothing fits: the shortest usable pattern.
        #expect(text.fitting("pages.compare_title", different, limit: 5) == "SMTP 250 vs 251")
        // Characters as a reader counts them: "İ" and "é" are one each.
        #expect(text.fitting("pages.compare_title", ["family": "SMTP", "code_a": "1", "title_a": "İé", "code_b": "2", "title_b": "é",
                                                     "shared_title": ""], limit: 16) == "SMTP 1 İé vs 2 é")
        // An accent written as its own combining mark: two scalars, one character.
        let combining: SentenceValues = ["family": "SMTP", "code_a": "1", "title_a": "e\u{301}e\u{301}", "code_b": "2",
                                         "title_b": "e\u{301}", "shared_title": ""]
        #expect(text.fitting("pages.compare_title", combining, limit: 16) == "SMTP 1 e\u{301}e\u{301} vs 2 e\u{301}")
        #expect(text.fitting("pages.compare_title", combining, limit: 15) == "SMTP 1 vs 2")
        // The heading keeps the first pattern.
        #expect(text.text("pages.compare_title", same) == "SMTP 250 vs 251: User Not Local")
    }

    @Test func aPatternListIsCheckedLikeAnyString() throws {
        var diagnostics = DiagnosticList()
        let yaml = """
            pages:
              compare_title:
                - "{family} {code_a} vs {code_c}"
                - [nested]
              code_title:
                family: "{family}"
              code_description: []
            """
        let tree = try YAMLParser.parse(yaml, file: "en.yml").get()
        _ = LocaleStringsLoader.load(tree, locale: "en", file: "en.yml", diagnostics: &diagnostics)
        let messages = diagnostics.all.map { "\($0.location.line): \($0.message)" }
        #expect(messages.contains { $0.hasPrefix("3: unknown placeholder {code_c} in \"pages.compare_title\"") }, "\(messages)")
        #expect(messages.contains("4: each pattern of \"pages.compare_title\" must be a single line of text, found a list"), "\(messages)")
        #expect(messages.contains { $0.hasPrefix("6: \"pages.code_title\" is a list of patterns") }, "\(messages)")
        #expect(messages.contains("7: \"pages.code_description\" needs at least one pattern"), "\(messages)")
    }

    @Test func siteLimitsAreReadAndChecked() throws {
        let site = try TestSite(codes: ["250", "251"])
        defer { site.cleanUp() }
        let config = try String(contentsOfFile: site.content + "/site.yml", encoding: .utf8) + "\n"
        let line = config.filter { $0 == "\n" }.count + 1
        try site.write("content/site.yml", config + "title_length: 12\n")
        #expect(site.build().failureValue == nil)
        // Nothing fits 12 characters: the shortest pattern, "SMTP 250".
        #expect(try site.read("smtp/250-title-250/index.html").contains("<title>SMTP 250</title>"))
        try site.write("content/site.yml", config + "title_length: short\n")
        #expect(site.errors().brief == ["site.yml:\(line): title_length is a number of characters, at least 10, found \"short\""])
    }

    @Test func theFirstSentenceIsFoundWithoutCuttingCodesOrAbbreviations() {
        #expect(SentenceSplit.first(of: "It refuses 5.7.1 mail, e.g. spam. Then it closes.") == "It refuses 5.7.1 mail, e.g. spam.")
        #expect(SentenceSplit.first(of: "One sentence only.") == nil)
        #expect(SentenceSplit.first(of: "サーバーは拒否しました。再送しないでください。") == "サーバーは拒否しました。")
    }
}
