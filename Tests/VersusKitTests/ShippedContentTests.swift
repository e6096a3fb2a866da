import Foundation
import Testing
@testable import VersusKit

/// The shipped SMTP content, judged as its readers would judge it.
@Suite(.tags(.shippedSite), .enabled(if: TestRun.includesShippedSite, "VERSUS_TESTS=fast leaves out the shipped site"))
struct ShippedContentTests {
    static let standardCodes = ["211", "214", "220", "221", "250", "251", "252", "354", "421", "450", "451", "452", "455",
                                "500", "501", "502", "503", "504", "550", "551", "552", "553", "554", "555",
                                "235", "334", "432", "454", "530", "534", "535", "538", "521", "556", "253", "458", "459",
                                "453", "355"]
    static let nonStandardCodes = ["420", "431", "441", "442", "446", "447", "449", "471", "510", "511", "512", "513", "541", "571"]

    var family: Family {
        get throws { try #require(ShippedSite.content?.families.first { $0.id == "smtp" }) }
    }

    @Test func everyCodeIsThereWithTheRightStatus() async throws {
        try await ShippedSite.ready()
        let codes = Dictionary(uniqueKeysWithValues: try family.codes.map { ($0.code, $0) })
        for code in Self.standardCodes {
            let entry = try #require(codes[code], "missing \(code)")
            #expect(entry.status != .nonStandard, "\(code)")
            #expect(!entry.rfcs.isEmpty, "\(code) has no RFC reference")
        }
        #expect(codes["538"]?.status == .deprecated)
        for code in Self.nonStandardCodes {
            let entry = try #require(codes[code], "missing \(code)")
            #expect(entry.status == .nonStandard, "\(code)")
            #expect(!entry.related.isEmpty, "\(code) must point to the standard code to read instead")
        }
    }

    @Test func everyCodeAndPairNoteIsTranslatedIntoTurkish() async throws {
        try await ShippedSite.ready()
        let family = try family
        for entry in family.codes {
            let turkish = try #require(entry.translations["tr"], "\(entry.code) has no Turkish translation")
            #expect(turkish.title != nil && turkish.summary != nil, "\(entry.code).tr.md needs title and summary")
            #expect(Set(turkish.sections.keys) == Set(entry.sections.keys), "\(entry.code).tr.md does not translate every section")
        }
        #expect(family.pairNotes.count >= 20)
        for (key, note) in family.pairNotes {
            #expect(note.sections["tr"] != nil, "pair note \(key.low)-\(key.high) has no Turkish translation")
        }
    }

    @Test func descriptionsAndFixesNameNoUnrelatedCode() async throws {
        try await ShippedSite.ready()
        let family = try family
        let known = Set(family.codes.map(\.code))
        for entry in family.codes {
            let allowed = Set(entry.related + [entry.code])
            var texts = [("en", entry.sections[.description], allowed), ("en", entry.sections[.howToFix], allowed)]
            // A translation may repeat any number its English section has: the quantity words that tell
            // "512 octets" from a code are English ones, and the English is already held to the rule.
            func numbers(_ section: MarkdownSection?) -> Set<String> {
                Set((section?.markdown ?? "").split { !$0.isNumber }.map(String.init))
            }
            for (locale, translation) in entry.translations {
                texts += [(locale, translation.sections[.description], allowed.union(numbers(entry.sections[.description]))),
                          (locale, translation.sections[.howToFix], allowed.union(numbers(entry.sections[.howToFix])))]
            }
            for (locale, section, allowed) in texts {
                guard let section else { continue }
                for number in CodeMentions.find(in: section.markdown) where known.contains(number) && !allowed.contains(number) {
                    Issue.record("\(entry.code) (\(locale)) names \(number), which is not in its related list: \(section.location)")
                }
            }
        }
    }

    @Test func everyRFCReferenceLinksToItsSection() async throws {
        try await ShippedSite.ready()
        for entry in try family.codes {
            for reference in entry.rfcs {
                #expect(reference.url.hasPrefix("https://www.rfc-editor.org/rfc/rfc\(reference.number)"))
                if let section = reference.section { #expect(reference.url.hasSuffix("#section-" + section), "\(entry.code)") }
            }
        }
        let page = try ShippedSite.page("smtp/550-mailbox-unavailable/index.html")
        #expect(page.contains("href=\"https://www.rfc-editor.org/rfc/rfc5321#section-4.2.2\""))
    }

    @Test(arguments: ["en", "tr"])
    func pagesReadAsIfAPersonWroteThem(locale: String) async throws {
        try await ShippedSite.ready()
        let files = try ShippedSite.htmlFiles(locale: locale)
        #expect(files.count > 2000)
        var problems: [String] = []
        for file in files {
            let html = try ShippedSite.page(file)
            if html.contains("http-equiv=\"refresh\"") { continue }
            // Generated text: the title, the main heading, the lead, the meta description, the intro lines.
            let generated = (HTMLText.elements(html, openingTag: "<title", closing: "</title>")
                + HTMLText.elements(html, openingTag: "<h1", closing: "</h1>")
                + HTMLText.elements(html, openingTag: "<p class=\"lead\"", closing: "</p>")
                + HTMLText.elements(html, openingTag: "<p class=\"count\"", closing: "</p>")).map { HTMLText.decode(HTMLText.stripTags($0)) }
                + HTMLText.attribute("content", inTagsContaining: "name=\"description\"", of: html)
            for sentence in generated {
                if let repeated = TextQuality.repeatedWord(in: sentence) { problems.append("\(file): repeated word \"\(repeated)\" in \"\(sentence)\"") }
                if let bad = TextQuality.lowercaseSentenceStart(in: sentence) { problems.append("\(file): sentence starts lowercase: \"\(bad)\"") }
            }
            for description in HTMLText.attribute("content", inTagsContaining: "name=\"description\"", of: html) {
                if !TextQuality.endsAsAWholeSentence(description) { problems.append("\(file): description cut short: \"\(description.suffix(40))\"") }
            }
            for section in HTMLText.elements(html, openingTag: "<div class=\"prose\"", closing: "</div>")
            where HTMLText.stripTags(section).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                problems.append("\(file): empty section")
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(30).joined(separator: "\n"))")
    }

    @Test func textQualityChecksCatchTheModelSitesFlaws() {
        #expect(TextQuality.repeatedWord(in: "You encounter 211 when when querying") == "when")
        #expect(TextQuality.repeatedWord(in: "It is, is it not? 250 250") == nil)
        #expect(TextQuality.lowercaseSentenceStart(in: "Fine. then broken.") == "then broken.")
        #expect(TextQuality.lowercaseSentenceStart(in: "Fine. `code` ok. 550 is fine.") == nil)
        #expect(!TextQuality.endsAsAWholeSentence("The server accepted the recipient but will forw"))
        #expect(TextQuality.endsAsAWholeSentence("Sunucu iletiyi reddetti."))
        #expect(CodeMentions.find(in: "Unlike 251, see 5.1.1 and port 587; 550 too, 4.2.1x, 512 octets") == ["251", "587", "550"])
    }
}

enum CodeMentions {
    /// Three-digit reply code numbers in prose: not parts of enhanced codes (5.1.1), dotted versions,
    /// or longer numbers.
    static func find(in text: String) -> [String] {
        let characters = Array(text)
        var found: [String] = []
        var index = 0
        while index < characters.count {
            guard characters[index].isNumber else { index += 1; continue }
            var end = index
            while end < characters.count, characters[end].isNumber { end += 1 }
            let before = index > 0 ? characters[index - 1] : " "
            let after = end < characters.count ? characters[end] : " "
            let afterNext = end + 1 < characters.count ? characters[end + 1] : " "
            let number = String(characters[index..<end])
            let partOfDotted = before == "." || (after == "." && afterNext.isNumber)
            // A size ("512 octets", "512 sekizli") is a number, not a reply code.
            let nextWord = String(characters[min(end + 1, characters.count)...].prefix(while: { $0.isLetter })).lowercased()
            let isQuantity = ["octet", "oktett", "byte", "sekizli", "bayt", "character", "karakter", "zeichen", "caracter"].contains { nextWord.hasPrefix($0) }
            if number.count == 3, ("2"..."5").contains(number.first!), !partOfDotted, !isQuantity, !before.isLetter, !after.isLetter {
                found.append(number)
            }
            index = end
        }
        return found
    }
}

enum TextQuality {
    static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: { $0.isWhitespace })
    }

    /// A word (letters only) repeated right after itself, case-insensitively.
    static func repeatedWord(in text: String) -> String? {
        var previous: String?
        for token in words(text) {
            let word = token.filter { $0.isLetter }.lowercased()
            let isWord = !word.isEmpty && token.allSatisfy { $0.isLetter || ",;:.!?)(\"'".contains($0) }
            if isWord, let previous, previous == word, !token.first!.isPunctuation { return word }
            // Punctuation between two words breaks the run ("is, is").
            previous = isWord && !(token.last!.isPunctuation) ? word : nil
        }
        return nil
    }

    /// The first sentence (after ". ", "! ", "? ") that starts with a lowercase letter.
    static func lowercaseSentenceStart(in text: String) -> String? {
        var rest = Substring(text)
        var atStart = true
        while let first = rest.first {
            if atStart, first.isLetter {
                if first.isLowercase { return String(rest) }
                atStart = false
            } else if atStart, !first.isWhitespace {
                atStart = false
            }
            if ".!?".contains(first) {
                let next = rest.dropFirst()
                if next.first?.isWhitespace == true { atStart = true }
            }
            rest = rest.dropFirst()
        }
        return nil
    }

    /// Ends with a full stop (in any script) or closing punctuation after one, never mid-word.
    static func endsAsAWholeSentence(_ text: String) -> Bool {
        guard let last = text.trimmingCharacters(in: .whitespaces).last else { return false }
        return ".!?。！？।)\"»”".contains(last)
    }
}
