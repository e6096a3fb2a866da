import Foundation
import Testing
@testable import VersusKit

@Suite struct MarkdownTests {
    /// What pkg-config reads from Debian's libcmark-dev, independent of the library's own answer.
    static func installedCmarkVersion() throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pkg-config", "--modversion", "libcmark"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func rendersCommonMarkWithSmartPunctuation() {
        let html = MarkdownRenderer.html("A \"quoted\" word -- and *emphasis*.")
        #expect(html == "<p>A \u{201C}quoted\u{201D} word \u{2013} and <em>emphasis</em>.</p>\n")
    }

    @Test func rawHTMLAndJavascriptLinksAreRemoved() {
        let html = MarkdownRenderer.html("<script>alert(1)</script>\n\n[x](javascript:alert(1))")
        #expect(!html.contains("<script>"))
        #expect(html.contains("<!-- raw HTML omitted -->"))
        #expect(html.contains("<a href=\"\">x</a>"))
    }

    @Test func usesTheSystemLibrary() throws {
        // The version the linked library reports must be the one the system's package says is installed.
        #expect(MarkdownRenderer.libraryVersion == (try Self.installedCmarkVersion()))
    }
}

@Suite struct SentenceTests {
    @Test func fillsNamedPlaceholdersInAnyOrder() throws {
        let sentence = try Sentence(parsing: "{b} then {a}, literal {{braces}}")
        #expect(sentence.placeholders == ["b", "a"])
        #expect(sentence.format(["a": "1", "b": "2"]) == "2 then 1, literal {braces}")
    }

    @Test func rejectsBrokenPlaceholders() {
        #expect(throws: SentenceError.self) { try Sentence(parsing: "open {code") }
        #expect(throws: SentenceError.self) { try Sentence(parsing: "stray } brace") }
        #expect(throws: SentenceError.self) { try Sentence(parsing: "{bad name}") }
    }
}

@Suite struct PluralRuleTests {
    @Test(arguments: [
        ("en", 1, PluralCategory.one), ("en", 0, .other), ("en", 2, .other),
        ("tr", 1, .one), ("tr", 5, .other),
        ("fr", 0, .one), ("fr", 1, .one), ("fr", 2, .other), ("fr", 1_000_000, .many),
        ("ru", 1, .one), ("ru", 21, .one), ("ru", 3, .few), ("ru", 11, .many), ("ru", 25, .many),
        ("pl", 1, .one), ("pl", 22, .few), ("pl", 12, .many), ("pl", 21, .many),
        ("ar", 0, .zero), ("ar", 2, .two), ("ar", 5, .few), ("ar", 11, .many), ("ar", 100, .other),
        ("ja", 1, .other), ("zh-hans", 3, .other),
    ])
    func categoryFollowsCLDR(locale: String, count: Int, expected: PluralCategory) {
        #expect(PluralRules.category(for: count, locale: locale) == expected)
    }
}

@Suite struct SlugAndOrderTests {
    @Test func slugsAreAsciiAndStable() {
        #expect(Slug.make("User Not Local") == "user-not-local")
        #expect(Slug.make("Temporary Auth/TLS Failure") == "temporary-auth-tls-failure")
        #expect(Slug.make("  Mailbox   Unavailable (Temporary) ") == "mailbox-unavailable-temporary")
    }

    @Test func codesSortNumericallyPartByPart() {
        #expect(["551", "251", "4.10.1", "4.2.2"].sorted(by: CodeOrder.less) == ["4.2.2", "4.10.1", "251", "551"])
    }

    @Test func suggestionsFindNearMisses() {
        #expect(Suggestion.closest(to: "Descripton", in: ["Description", "Notes"]) == "Description")
        #expect(Suggestion.closest(to: "Completely", in: ["Description", "Notes"]) == nil)
    }
}

@Suite struct HTMLEscapeTests {
    /// The escaping `HTMLEscape` must give, written the plainest way (and not over bytes).
    private func expected(_ text: String) -> String {
        var result = ""
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    @Test func everyCharacterThatMattersIsEscapedAtEveryPlaceOfAWord() {
        // Each of the five at every offset of texts from 0 to 20 bytes, among ASCII, bytes next to them
        // and multi-byte letters.
        let fillers = ["a", "%", "=", "?", "é", "ß", "日", "!", "(", ";"]
        for special in ["&", "<", ">", "\"", "'"] {
            for length in 0...20 {
                for position in 0...length {
                    let filler = fillers[(length + position) % fillers.count]
                    let text = String(repeating: filler, count: position) + special + String(repeating: "x", count: length - position)
                    #expect(HTMLEscape.escape(text) == expected(text), "\(text)")
                }
            }
        }
        let page = "SMTP 550 <5.7.1> \"rejected\" by the receiver's policy & no more. Ünïcødé – 受信者 "
        #expect(HTMLEscape.escape(String(repeating: page, count: 5)) == expected(String(repeating: page, count: 5)))
        #expect(HTMLEscape.escape("") == "")
        #expect(HTMLEscape.escape("plain text of exactly 32 bytes!!") == "plain text of exactly 32 bytes!!")
    }
}
