import Foundation
import Testing
@testable import VersusKit

/// The shipped site in all its locales: every page type everywhere, no English passed off as another
/// language, honest fallback, reciprocal hreflang, right-to-left Arabic.
@Suite(.tags(.shippedSite), .enabled(if: TestRun.includesShippedSite, "VERSUS_TESTS=fast leaves out the shipped site"))
struct MultilingualTests {
    static let expectedLocales = ["en", "tr", "de", "fr", "es", "pt", "it", "nl", "pl", "ru", "ja", "ko", "zh-hans",
                                  "id", "vi", "th", "hi", "ar"]

    var content: SiteContent { get throws { try #require(ShippedSite.content) } }

    @Test func allEighteenLocalesAreConfiguredWithCompleteStrings() async throws {
        try await ShippedSite.ready()
        let content = try content
        #expect(content.config.locales.map(\.code) == Self.expectedLocales)
        #expect(content.config.locales.first { $0.code == "ar" }?.rightToLeft == true)
        for strings in content.locales {
            let missing = LocaleKeys.all.filter { strings.values[$0.name] == nil }.map(\.name)
            #expect(missing.isEmpty, "\(strings.locale) lacks \(missing)")
        }
        for code in content.families.flatMap(\.codes) {
            for locale in Self.expectedLocales.dropFirst() {
                #expect(code.translations[locale]?.title != nil, "\(code.code) has no \(locale) title")
            }
        }
    }

    @Test(arguments: expectedLocales)
    func everyPageTypeIsBuiltInEveryLocale(locale: String) async throws {
        try await ShippedSite.ready()
        let prefix = locale == "en" ? "" : locale + "/"
        let families = try content.families
        #expect(families.map(\.id) == ["smtp", "enhanced"])
        var pages = ["index.html", "404.html", "decode/index.html", "search-index.json"]
        for family in families {
            let first = family.codes[0].pathName, last = family.codes[family.codes.count - 1].pathName
            pages += ["\(family.id)/index.html", "\(family.id)/\(first)/index.html",
                      "compare/\(family.id)/\(first)-vs-\(last)/index.html", "compare/\(family.id)/\(last)-vs-\(first)/index.html"]
        }
        for page in pages {
            let html = try ShippedSite.page(prefix + page)
            if page.hasSuffix(".html") { #expect(html.contains("<html lang=\"\(locale)\" dir=\"\(locale == "ar" ? "rtl" : "ltr")\">"), "\(prefix + page)") }
        }
        let files = try ShippedSite.htmlFiles(locale: locale)
        // home + 404 + decoder, then per family: its index + N codes + N(N-1) comparison URLs (both orders) = 1 + N²
        var expected = 3
        for family in families { expected += 1 + family.codes.count * family.codes.count }
        #expect(files.count == expected)
    }

    @Test(arguments: expectedLocales.dropFirst())
    func noEnglishLabelOrGeneratedSentenceOutsideMarkedFallback(locale: String) async throws {
        try await ShippedSite.ready()
        let content = try content
        let english = try #require(content.locales.first { $0.locale == "en" })
        let own = try #require(content.locales.first { $0.locale == locale })
        var phrases = Set<String>()
        for key in LocaleKeys.all {
            guard let englishValue = english.values[key.name] else { continue }
            // A key the locale lacks falls back to English: all of its words count as leaks.
            let ownFragments = own.values[key.name].map(EnglishLeak.fragments) ?? []
            for fragment in EnglishLeak.fragments(englishValue) where !ownFragments.contains(fragment) {
                phrases.insert(fragment)
            }
        }
        for family in content.families {
            for codeClass in family.classes where codeClass.names[locale] != codeClass.names["en"] {
                if let name = codeClass.names["en"] { phrases.insert(name) }
            }
            for code in family.codes where code.translations[locale]?.title != code.title { phrases.insert(code.title) }
        }
        // A one-word fragment that is also a word of the locale itself ("codes" in Dutch, "or" in French)
        // is not a leak.
        var ownWords = Set<String>()
        var ownTexts: [String] = own.values.values.flatMap { EnglishLeak.fragments($0) }
        for translation in content.families.flatMap({ $0.codes.compactMap { $0.translations[locale] } }) {
            ownTexts += [translation.title ?? "", translation.summary ?? ""]
            // The locale's own body text: Polish "on" (he) is the locale's word, not a leak.
            ownTexts += translation.sections.values.map(\.markdown)
        }
        for text in ownTexts { ownWords.formUnion(text.split { !$0.isLetter }.map(String.init)) }
        phrases = phrases.filter { $0.contains(" ") || !ownWords.contains($0) }
        #expect(phrases.count > 60)
        let sample = try EnglishLeak.sample(locale: locale)
        var leaks: [String] = []
        for file in sample {
            let text = EnglishLeak.textOutsideEnglishBlocks(try ShippedSite.page(file))
            for phrase in phrases where EnglishLeak.contains(text, phrase: phrase) { leaks.append("\(file): \"\(phrase)\"") }
        }
        #expect(leaks.isEmpty, "\(leaks.prefix(20).joined(separator: "\n"))")
    }

    @Test(arguments: ["", "tr/", "ar/", "ja/"])
    func hreflangAlternatesAreReciprocalAndExist(prefix: String) async throws {
        try await ShippedSite.ready()
        let folder = try ShippedSite.output.get()
        let site = SiteURL(try content.config.baseURL)
        let codes = try content.families[0].codes
        let samples = ["index.html", "smtp/index.html", "smtp/\(codes[5].pathName)/index.html",
                       "compare/smtp/\(codes[2].pathName)-vs-\(codes[40].pathName)/index.html"]
        let noindex = "<meta name=\"robots\" content=\"noindex\">"
        let ownLocale = prefix.isEmpty ? "en" : String(prefix.dropLast())
        for suffix in samples {
            let sample = prefix + suffix
            let html = try ShippedSite.page(sample)
            // A page not translated yet is noindex and names no alternates (and no page names it).
            let indexedIn = try Self.expectedLocales.filter { !(try ShippedSite.page(($0 == "en" ? "" : $0 + "/") + suffix)).contains(noindex) }
            let alternates = Alternates.parse(html)
            guard indexedIn.contains(ownLocale) else {
                #expect(alternates.isEmpty, "\(sample)")
                continue
            }
            let canonical = try #require(HTMLText.attribute("href", inTagsContaining: "rel=\"canonical\"", of: html).first)
            #expect(Set(alternates.keys) == Set(indexedIn + ["x-default"]), "\(sample)")
            for (hreflang, url) in alternates {
                let (file, _) = try #require(site.resolve(url, from: sample))
                #expect(FileManager.default.fileExists(atPath: folder + "/" + file), "\(sample) -> \(url)")
                guard hreflang != "x-default" else { continue }
                let back = Alternates.parse(try ShippedSite.page(file))
                #expect(back[ownLocale] == canonical, "\(file) does not point back to \(sample)")
            }
        }
        // The sitemap lists exactly the Japanese pages that are indexed, each with the alternates its page has.
        let sitemap = try ShippedSite.page("sitemap-ja.xml")
        let entries = sitemap.components(separatedBy: "<url><loc>").dropFirst()
        let indexedPages = try ShippedSite.htmlFiles(locale: "ja").filter { !(try ShippedSite.page($0)).contains(noindex) }
        #expect(entries.count == indexedPages.count)
        for suffix in samples where !(try ShippedSite.page("ja/" + suffix)).contains(noindex) {
            let url = try content.config.baseURL + "ja/" + suffix.replacingOccurrences(of: "index.html", with: "")
            let entry = try #require(entries.first { $0.hasPrefix(url + "</loc>") }, "\(url)")
            let pageAlternates = Alternates.parse(try ShippedSite.page("ja/" + suffix)).count
            #expect(entry.components(separatedBy: "<xhtml:link").count - 1 == pageAlternates, "\(url)")
        }
    }

    @Test func arabicIsRightToLeftWithCodesKeptLeftToRight() async throws {
        try await ShippedSite.ready()
        let page = try ShippedSite.page("ar/compare/smtp/251-user-not-local-vs-551-user-not-local/index.html")
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"))
        #expect(page.contains("<span class=\"code-number\" dir=\"ltr\">251</span>"))
        #expect(page.contains("<code dir=\"ltr\">"))
        // Wire transcripts are in <pre>, which the stylesheet keeps left-to-right.
        let css = try ShippedSite.page(try TestSite.assetFile("style.css", in: try ShippedSite.output.get()))
        #expect(css.contains("pre { direction: ltr;"))
        #expect(!css.contains("margin-left") && !css.contains("padding-left") && !css.contains("text-align: left;\n"))
    }

    @Test func pluralFormsFollowEachLanguage() async throws {
        try await ShippedSite.ready()
        let content = try content
        let count = content.families[0].codes.count
        for (locale, expected) in [("ru", CLDRPlural.russian(count)), ("ar", CLDRPlural.arabic(count)),
                                   ("pl", CLDRPlural.polish(count)), ("en", count == 1 ? .one : PluralCategory.other)] {
            let strings = try #require(content.locales.first { $0.locale == locale })
            guard case .plural(let forms)? = strings.values["sentences.code_count"] else { Issue.record("\(locale)"); continue }
            let text = try #require(forms[expected]).format(["count": String(count)])
            let home = try ShippedSite.page(locale == "en" ? "index.html" : locale + "/index.html")
            #expect(home.contains("<p class=\"count\">\(HTMLEscape.escape(text))</p>"), "\(locale): \(text)")
        }
    }
}

/// CLDR's cardinal rules for whole numbers in three languages, written here from the CLDR tables and
/// not from `PluralRules`, so that the page test above has an expectation of its own.
enum CLDRPlural {
    static func russian(_ n: Int) -> PluralCategory {
        if n % 10 == 1 && n % 100 != 11 { return .one }
        if (2...4).contains(n % 10) && !(12...14).contains(n % 100) { return .few }
        return .many
    }

    static func polish(_ n: Int) -> PluralCategory {
        if n == 1 { return .one }
        if (2...4).contains(n % 10) && !(12...14).contains(n % 100) { return .few }
        return .many
    }

    static func arabic(_ n: Int) -> PluralCategory {
        switch n {
        case 0: return .zero
        case 1: return .one
        case 2: return .two
        default:
            if (3...10).contains(n % 100) { return .few }
            if (11...99).contains(n % 100) { return .many }
            return .other
        }
    }
}

enum Alternates {
    static func parse(_ html: String) -> [String: String] {
        var result: [String: String] = [:]
        for tag in html.components(separatedBy: "<link rel=\"alternate\" ").dropFirst() {
            let attributes = tag.prefix { $0 != ">" }
            let values = HTMLLinks.attributeValues(in: " " + attributes, names: ["hreflang", "href"])
            if values.count == 2 { result[values[0]] = values[1] }
        }
        return result
    }
}

enum EnglishLeak {
    /// The literal parts of a locale string (placeholders removed), each of at least two letters.
    static func fragments(_ value: LocaleStrings.Value) -> Set<String> {
        var result = Set<String>()
        for sentence in value.sentences {
            for part in sentence.parts {
                guard case .literal(let text) = part else { continue }
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
                if trimmed.filter(\.isLetter).count >= 2 { result.insert(trimmed) }
            }
        }
        return result
    }

    /// Home, 404, each family's index, 40 code pages and every 97th comparison of each family, in one locale.
    static func sample(locale: String) throws -> [String] {
        let files = try ShippedSite.htmlFiles(locale: locale)
        let families = (ShippedSite.content?.families ?? []).map(\.id)
        var sample = files.filter { file in !file.contains("compare/") && !families.contains { file.contains($0 + "/") && !file.hasSuffix($0 + "/index.html") } }
        for family in families {
            sample += files.filter { $0.contains(family + "/") && !$0.contains("compare/") && !$0.hasSuffix(family + "/index.html") }.prefix(40)
            let comparisons = files.filter { $0.contains("compare/" + family + "/") }
            sample += stride(from: 0, to: comparisons.count, by: 97).map { comparisons[$0] }
        }
        return sample
    }

    /// Visible generated text: without the prose of code sections and pair notes (content written by
    /// editors, which may quote English reply text), wire transcripts, code, and every element marked
    /// lang="en".
    static func textOutsideEnglishBlocks(_ html: String) -> String {
        var text = html
        while let marker = text.range(of: " lang=\"en\"") ?? text.range(of: "<div class=\"prose\"") {
            guard let open = text[..<marker.upperBound].lastIndex(of: "<") else { break }
            let name = String(text[text.index(after: open)...].prefix { $0.isLetter })
            var depth = 0
            var cursor = open
            var end: String.Index?
            while let next = text[cursor...].firstIndex(of: "<") {
                let rest = text[next...]
                if rest.hasPrefix("</\(name)>") {
                    depth -= 1
                    if depth == 0 { end = text.index(next, offsetBy: name.count + 3); break }
                } else if rest.hasPrefix("<\(name)") , let after = rest.dropFirst(name.count + 1).first, after == " " || after == ">" {
                    depth += 1
                }
                cursor = text.index(after: next)
            }
            guard let end else { break }
            text.replaceSubrange(open..<end, with: " ")
        }
        for element in ["code"] {
            while let start = text.range(of: "<\(element)"), let close = text.range(of: "</\(element)>", range: start.upperBound..<text.endIndex) {
                text.replaceSubrange(start.lowerBound..<close.upperBound, with: " ")
            }
        }
        return HTMLText.visibleText(text) + " " + HTMLText.attribute("content", inTagsContaining: "name=\"description\"", of: html).joined(separator: " ")
    }

    /// Whole-word, case-sensitive match.
    static func contains(_ text: String, phrase: String) -> Bool {
        var searchRange = text.startIndex..<text.endIndex
        while let found = text.range(of: phrase, range: searchRange) {
            let before = found.lowerBound == text.startIndex ? " " : text[text.index(before: found.lowerBound)]
            let after = found.upperBound == text.endIndex ? " " : text[found.upperBound]
            if !before.isLetter && !after.isLetter { return true }
            searchRange = found.upperBound..<text.endIndex
        }
        return false
    }
}
