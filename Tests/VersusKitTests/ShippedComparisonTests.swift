import Foundation
import Testing
@testable import VersusKit

/// The shipped comparisons as a reader and a search engine see them: a numbered list of key differences
/// everywhere, text of their own rather than the two code pages pasted together, curated notes for the
/// pairs people confuse, and titles and descriptions that fit search results.
@Suite(.tags(.shippedSite), .enabled(if: TestRun.includesShippedSite, "VERSUS_TESTS=fast leaves out the shipped site"))
struct ShippedComparisonTests {
    /// Every unordered pair of codes of each family.
    static let pairsPerLocale: Int = (ShippedSite.content?.families ?? []).map { $0.codes.count * ($0.codes.count - 1) / 2 }.reduce(0, +)

    @Test func everyComparisonHasNumberedKeyDifferencesInEveryLocale() async throws {
        let pages = try await ShippedPages.all()
        let comparisons = pages.filter { $0.kind.hasPrefix("comparison") }
        let locales = Set(comparisons.map(\.locale))
        #expect(locales.count == 18)
        // Reply codes have facts of most kinds (outcome, retry, command, connection, codes sent with, RFC,
        // status; a non-standard code has no RFC and may list no codes); enhanced codes have no retry,
        // command or connection facts, and a deprecated one no outcome.
        let thin = comparisons.filter { $0.keyDifferences < ($0.kind == "comparison smtp" ? 5 : 3) }.map(\.path)
        var counts: [String: [Int: Int]] = [:]
        for page in comparisons where page.locale == "en" { counts[page.kind, default: [:]][page.keyDifferences, default: 0] += 1 }
        print("Key differences per English comparison (items: pages): \(counts.mapValues { $0.sorted { $0.key < $1.key } })")
        let expected: Int = 18 * Self.pairsPerLocale
        #expect(comparisons.count == expected)
        #expect(thin.isEmpty, "\(thin.count) comparisons with too few key differences: \(thin.prefix(10))")
    }

    /// Search results show about 60 characters of a title and 160 of a description: at least 95% of the
    /// indexable pages of every kind, in every locale, fit, and every title is unique in its locale.
    @Test func titlesAndDescriptionsFitSearchResults() async throws {
        let pages = try await ShippedPages.all()
        var rows: [String] = []
        var failures: [String] = []
        let groups = Dictionary(grouping: pages.filter(\.indexable)) { "\($0.locale) \($0.kind)" }
        for key in groups.keys.sorted() {
            let group = groups[key]!
            let titles = group.filter { $0.title.count <= 60 }.count
            let descriptions = group.filter { $0.description.count <= 160 }.count
            let titleShare = Double(titles) / Double(group.count), descriptionShare = Double(descriptions) / Double(group.count)
            rows.append(String(format: "%@: %d pages, titles ≤ 60: %.1f%%, descriptions ≤ 160: %.1f%%", key, group.count,
                               titleShare * 100, descriptionShare * 100))
            if titleShare < 0.95 || descriptionShare < 0.95 { failures.append(rows.last!) }
        }
        print("Title and description lengths per locale and page kind:\n" + rows.joined(separator: "\n"))
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        for (locale, localePages) in Dictionary(grouping: pages.filter(\.indexable), by: \.locale) {
            let titles = Dictionary(grouping: localePages, by: \.title).filter { $0.value.count > 1 }
            #expect(titles.isEmpty, "\(locale): the same title on several pages: \(titles.keys.prefix(5))")
        }
    }

    @Test func pairsPeopleConfuseHaveCuratedNotesInEnglishAndTurkish() throws {
        let content = try #require(ShippedSite.content)
        var notes: [String] = []
        for family in content.families {
            for (key, note) in family.pairNotes {
                notes.append("\(family.id) \(key.low)-\(key.high)")
                #expect(note.sections["en"]?[.difference] != nil && note.sections["tr"]?[.difference] != nil, "\(key)")
                #expect(note.confusion["en"] != nil && note.confusion["tr"] != nil, "\(key) has no confusion line in en and tr")
            }
        }
        #expect(notes.count >= 60, "\(notes.count) pair notes")
        let required = ["smtp 451-554", "smtp 421-451", "smtp 450-451", "smtp 421-554", "smtp 500-502", "smtp 252-502", "smtp 454-535",
                        "smtp 455-555", "smtp 503-530", "smtp 521-554", "smtp 550-556",
                        "enhanced X.1.1-X.1.10", "enhanced X.7.1-X.7.26", "enhanced X.7.0-X.7.1"]
        #expect(required.filter { !notes.contains($0) }.isEmpty, "\(required.filter { !notes.contains($0) })")
    }

    /// The share of a comparison's main text (as runs of six words) that is on neither code's page.
    @Test(arguments: [("en", 0.40), ("tr", 0.35)])
    func everyComparisonIsMostlyTextOfItsOwn(locale: String, target: Double) async throws {
        try await ShippedSite.ready()
        let files = try ShippedSite.htmlFiles(locale: locale).filter { $0.contains("compare/") }
        var codePages: [String: Set<Int>] = [:]
        func shingles(ofCodePage href: String) throws -> Set<Int> {
            if let known = codePages[href] { return known }
            let set = Set(NovelText.shingles(NovelText.mainBlocks(try ShippedSite.page(String(href.dropFirst()) + "index.html"))))
            codePages[href] = set
            return set
        }
        var shares: [(Double, String)] = []
        for file in files {
            let html = try ShippedSite.page(file)
            if html.contains("http-equiv=\"refresh\"") { continue }
            let columns = HTMLText.elements(html, openingTag: "<article class=\"code-column\"", closing: "</h2>")
            let links = columns.compactMap { HTMLText.attribute("href", inTagsContaining: "<a", of: "<" + $0).first }
            #expect(links.count == 2, "\(file)")
            let known = try links.reduce(into: Set<Int>()) { $0.formUnion(try shingles(ofCodePage: $1)) }
            let own = NovelText.shingles(NovelText.mainBlocks(html))
            let novel = own.filter { !known.contains($0) }.count
            shares.append((Double(novel) / Double(max(1, own.count)), file))
        }
        shares.sort { $0.0 < $1.0 }
        let median = shares[shares.count / 2].0
        let minimum: (Double, String) = shares[0]
        print(String(format: "Novel text of %@ comparisons (%d pages): minimum %.1f%% (%@), median %.1f%%", locale, shares.count,
                     minimum.0 * 100, minimum.1, median * 100))
        let expected: Int = Self.pairsPerLocale
        #expect(shares.count == expected)
        let under: [String] = shares.filter { $0.0 < target }.map { String(format: "%.1f%% %@", $0.0 * 100, $0.1) }
        #expect(under.isEmpty, "\(under.count) comparisons under the target: \(under.prefix(5))")
    }
}

/// Reads the main text of a page as blocks (paragraphs, list items, cells, headings), so that runs of
/// words never cross from one block into the next, and hashes every run of six words.
enum NovelText {
    static let blockTags: Set<String> = ["p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "dt", "dd", "caption"]

    static func mainBlocks(_ html: String) -> [[Substring]] {
        guard let start = html.range(of: "<main"), let end = html.range(of: "</main>") else { return [] }
        var blocks: [String] = []
        var current = "", tagName = "", inTag = false, readingName = false
        for character in html[start.lowerBound..<end.upperBound] {
            if inTag {
                if character == ">" {
                    inTag = false
                    if blockTags.contains(tagName) { blocks.append(current); current = "" } else { current.append(" ") }
                } else if readingName {
                    if character.isLetter || character.isNumber { tagName.append(character) }
                    else if character != "/" || !tagName.isEmpty { readingName = false }
                }
            } else if character == "<" {
                inTag = true; readingName = true; tagName = ""
            } else {
                current.append(character)
            }
        }
        blocks.append(current)
        return blocks.map { words(HTMLText.decode($0).lowercased()) }
    }

    /// Words: letters and digits, with ".", "'" and "-" kept inside them (5.7.1, don't, e-mail).
    static func words(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var start: String.Index?
        var index = text.startIndex
        func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c.unicodeScalars.first!.properties.generalCategory == .nonspacingMark }
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if isWordCharacter(character) {
                if start == nil { start = index }
            } else if start != nil, [".", "'", "’", "-"].contains(character), next < text.endIndex, isWordCharacter(text[next]) {
                // Inside a word: 5.7.1, don't.
            } else if let wordStart = start {
                result.append(text[wordStart..<index])
                start = nil
            }
            index = next
        }
        if let wordStart = start { result.append(text[wordStart...]) }
        return result
    }

    static func shingles(_ blocks: [[Substring]], size: Int = 6) -> [Int] {
        var result: [Int] = []
        for block in blocks where block.count >= size {
            let hashes = block.map { $0.hashValue }
            for offset in 0...(block.count - size) {
                var hasher = Hasher()
                for hash in hashes[offset..<offset + size] { hasher.combine(hash) }
                result.append(hasher.finalize())
            }
        }
        return result
    }
}

/// One pass over every page of the shipped site, shared by the tests above.
struct ShippedPage: Sendable {
    var path: String
    var locale: String
    /// "home", "decoder", "family", "code smtp", "comparison enhanced", "not found"...
    var kind: String
    var indexable: Bool
    var title: String
    var description: String
    var keyDifferences: Int
}

enum ShippedPages {
    static func all() async throws -> [ShippedPage] {
        try await ShippedSite.ready()
        return try await offThePool { try pages.get() }
    }

    private static let pages: Result<[ShippedPage], Error> = Result {
        guard let config = ShippedSite.content?.config else { throw ShippedSiteError.contentDoesNotLoad }
        var result: [ShippedPage] = []
        for locale in config.locales.map(\.code) {
            for file in try ShippedSite.htmlFiles(locale: locale) {
                let html = try ShippedSite.page(file)
                // Everything but the key differences is in the head: search only there.
                let head = html.range(of: "</head>").map { String(html[..<$0.lowerBound]) } ?? html
                if head.contains("http-equiv=\"refresh\"") { continue }
                var parts = file.split(separator: "/").map(String.init)
                if locale != config.defaultLocale { parts.removeFirst() }
                let kind = switch (parts.first, parts.count) {
                case ("404.html", _): "not found"
                case ("index.html", _): "home"
                case (SiteFolders.decoder, _): "decoder"
                case ("compare", _): "comparison " + parts[1]
                case (_, 2): "family"
                default: "code " + (parts.first ?? "")
                }
                let title = HTMLText.decode(HTMLText.elements(head, openingTag: "<title", closing: "</title>").first ?? "")
                let description = HTMLText.decode(HTMLText.attribute("content", inTagsContaining: "name=\"description\"", of: head).first ?? "")
                var keyDifferences = 0
                if let start = html.range(of: "<section class=\"key-differences\""), let end = html.range(of: "</ol>", range: start.upperBound..<html.endIndex) {
                    keyDifferences = html[start.upperBound..<end.lowerBound].components(separatedBy: "<li").count - 1
                }
                result.append(ShippedPage(path: file, locale: locale, kind: kind, indexable: !head.contains("name=\"robots\" content=\"noindex\""),
                                          title: title, description: description, keyDifferences: keyDifferences))
            }
        }
        return result
    }
}
