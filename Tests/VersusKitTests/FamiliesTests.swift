import Foundation
import Testing
@testable import VersusKit

/// A second family of another shape (enhanced status codes, X.Y.Z) beside the reply codes: its pages,
/// its classes, the links between the two families in both directions, and the JSON export.
@Suite struct FamiliesTests {
    static let enhancedFamily = """
        name: SMTP
        order: 2
        code_pattern: "X\\\\.([0-7])\\\\.[0-9]{1,3}"
        class_range: "X.{class}.x"
        heading:
          en: Enhanced codes by subject
          tr: Konuya göre gelişmiş kodlar
        sentences:
          code_class:
            en: "{code} is an enhanced code of the subject {class}."
            tr: "{code}, {class} konusunda bir gelişmiş koddur."
          compare_summary_different_class:
            en: "{code_a} {title_a} belongs to {class_a}, {code_b} {title_b} to {class_b}."
            tr: "{code_a} {title_a} {class_a} konusuna, {code_b} {title_b} {class_b} konusuna girer."
        classes:
          "1":
            en: Addressing Status
            tr: Adres Durumu
          "7":
            en: Security or Policy Status
            tr: Güvenlik veya Politika Durumu
        """

    static func enhancedCode(_ code: String, title: String, variants: [String], usedWith: [String], extra: String = "") -> String {
        """
        ---
        code: \(code)
        title: \(title)
        status: standard
        summary: What \(code) says about the message.
        rfcs: [3463 3.2]
        variants: [\(variants.joined(separator: ", "))]
        used_with: [\(usedWith.joined(separator: ", "))]
        \(extra)---
        ## Description

        About \(code).

        ## When you see it

        Often.

        ## How to fix

        Fix it.

        ## Provider variants

        - Example Mail: `550 \(variants.first ?? code) Nope`.
        """
    }

    /// 250, 251, 550, 551 (each listing x.1.1 as its enhanced code) and X.1.1, X.7.1.
    static func site() throws -> TestSite {
        let site = try TestSite()
        try site.write("content/enhanced/family.yml", enhancedFamily)
        try site.write("content/enhanced/X.1.1.md", enhancedCode("X.1.1", title: "Bad Destination Mailbox Address",
                                                                 variants: ["5.1.1"], usedWith: []))
        try site.write("content/enhanced/X.1.1.tr.md", "---\ntitle: Hatalı hedef posta kutusu adresi\n---\n")
        try site.write("content/enhanced/X.7.1.md", enhancedCode("X.7.1", title: "Delivery Not Authorized",
                                                                 variants: ["4.7.1", "5.7.1"], usedWith: ["251"], extra: """
            sources:
              - name: Example Mail help
                url: https://mail.example.com/help/5-7-1
            """ + "\n"))
        return site
    }

    @Test func codesWithDotsGetPagesUnderTheirFamilyAndComparisons() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let report = try site.build().get()
        #expect(report.warnings.brief.allSatisfy { $0.contains("missing key \"title\" for tr") })
        let page = try site.read("enhanced/x-7-1-delivery-not-authorized/index.html")
        #expect(page.contains("<span class=\"code-number\" dir=\"ltr\">X.7.1</span>"))
        #expect(page.contains("X.7.x Security or Policy Status"))
        // Facts an enhanced code does not have are left out, the ones it has are shown.
        #expect(!page.contains("Do not retry unchanged"))
        #expect(page.contains("<code dir=\"ltr\">4.7.1</code>, <code dir=\"ltr\">5.7.1</code>"))
        #expect(page.contains("<a href=\"https://mail.example.com/help/5-7-1\">Example Mail help</a>"))
        #expect(page.contains("<h2>Provider variants</h2>"))
        let index = try site.read("enhanced/index.html")
        #expect(index.contains("<h1>Enhanced codes by subject</h1>"))
        #expect(index.contains("X.1.x Addressing Status"))
        #expect(try site.read("tr/enhanced/index.html").contains("Konuya göre gelişmiş kodlar"))
        #expect(FileManager.default.fileExists(atPath: site.output
            + "/compare/enhanced/x-1-1-bad-destination-mailbox-address-vs-x-7-1-delivery-not-authorized/index.html"))
        // The reply codes' family keeps its own heading pattern from the locale file.
        #expect(try site.read("smtp/index.html").contains("<h1>SMTP reply codes by class</h1>"))
        // The family words its sentences its own way; what it leaves out comes from the locale file.
        let comparison = try site.read("compare/enhanced/x-1-1-bad-destination-mailbox-address-vs-x-7-1-delivery-not-authorized/index.html")
        #expect(comparison.contains("X.1.1 Bad Destination Mailbox Address belongs to X.1.x Addressing Status, X.7.1 Delivery Not Authorized to X.7.x Security or Policy Status."))
        #expect(try site.read("tr/compare/enhanced/x-1-1-bad-destination-mailbox-address-vs-x-7-1-delivery-not-authorized/index.html")
            .contains("X.1.1 Hatalı hedef posta kutusu adresi X.1.x Adres Durumu konusuna, X.7.1 Delivery Not Authorized X.7.x Güvenlik veya Politika Durumu konusuna girer."))
        #expect(try site.read("compare/smtp/251-title-251-vs-551-title-551/index.html").contains("251 Title 251 is a 2xx Positive Completion reply, while"))
    }

    @Test func crossLinksGoBothWaysWhicheverFileNamesThem() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        _ = try site.build().get()
        let x711 = "/enhanced/x-1-1-bad-destination-mailbox-address/"
        let x71 = "/enhanced/x-7-1-delivery-not-authorized/"
        // 550 names 5.1.1 (a variant of X.1.1): 550 links X.1.1, and X.1.1 links back to 550.
        #expect(try site.read("smtp/550-title-550/index.html").contains("<a href=\"\(x711)\"><code dir=\"ltr\">5.1.1</code></a>"))
        #expect(try site.read("enhanced/x-1-1-bad-destination-mailbox-address/index.html")
            .contains("<a href=\"/smtp/550-title-550/\"><code dir=\"ltr\">550</code></a>"))
        // X.7.1 names 251: 251's page links X.7.1 too, shown as the variant in 251's class if any, else X.7.1.
        #expect(try site.read("enhanced/x-7-1-delivery-not-authorized/index.html")
            .contains("<a href=\"/smtp/251-title-251/\"><code dir=\"ltr\">251</code></a>"))
        #expect(try site.read("smtp/251-title-251/index.html").contains("<a href=\"\(x71)\"><code dir=\"ltr\">X.7.1</code></a>"))
        // 250 names 2.1.1, which no family has a page for: shown, not linked.
        let page250 = try site.read("smtp/250-title-250/index.html")
        #expect(page250.contains("<code dir=\"ltr\">2.1.1</code>") && !page250.contains("\"><code dir=\"ltr\">2.1.1</code></a>"))
        // In Turkish, the links go to the Turkish pages.
        #expect(try site.read("tr/smtp/550-title-550/index.html").contains("<a href=\"/tr\(x711)\">"))
    }

    @Test func theJSONExportListsEveryCodeWithItsLinks() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        _ = try site.build().get()
        let family = try #require(JSONSerialization.jsonObject(with: Data(try site.read("api/enhanced.json").utf8)) as? [String: Any])
        let codes = try #require(family["codes"] as? [[String: Any]])
        #expect(codes.compactMap { $0["code"] as? String } == ["X.1.1", "X.7.1"])
        let single = try #require(JSONSerialization.jsonObject(with: Data(try site.read("api/enhanced/X.1.1.json").utf8)) as? [String: Any])
        let code = try #require(single["code"] as? [String: Any])
        let links = try #require(code["used_with"] as? [[String: Any]])
        #expect(links.compactMap { $0["code"] as? String } == ["550", "551"])
        #expect(links.first?["api"] as? String == "https://example.org/api/smtp/550.json")
        #expect(code["retry"] is NSNull)
        let locales = try #require(code["locales"] as? [String: [String: Any]])
        #expect(locales["tr"]?["title"] as? String == "Hatalı hedef posta kutusu adresi")
        #expect(locales["tr"]?["summary_translated"] as? Bool == false)
        #expect(locales["tr"]?["url"] as? String == "https://example.org/tr/enhanced/x-1-1-bad-destination-mailbox-address/")
        let smtp = try #require(JSONSerialization.jsonObject(with: Data(try site.read("api/smtp/550.json").utf8)) as? [String: Any])
        #expect((smtp["code"] as? [String: Any])?["retry"] as? String == "never")
    }

    /// A change in one family that moves a URL the other family links to rebuilds exactly what a clean
    /// build would write: the incremental inputs of a page include the codes it links across families.
    @Test(arguments: ["title", "variants", "used_with", "short_name"])
    func editsAcrossFamiliesRebuildLikeACleanBuild(edit: String) throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        _ = try site.build().get()
        switch edit {
        case "title":
            try site.write("content/enhanced/X.1.1.md", Self.enhancedCode("X.1.1", title: "Unknown Mailbox", variants: ["5.1.1"], usedWith: []))
        case "variants":
            try site.write("content/enhanced/X.1.1.md", Self.enhancedCode("X.1.1", title: "Bad Destination Mailbox Address",
                                                                         variants: ["4.1.1"], usedWith: []))
        case "used_with":
            try site.write("content/enhanced/X.1.1.md", Self.enhancedCode("X.1.1", title: "Bad Destination Mailbox Address",
                                                                         variants: ["5.1.1"], usedWith: ["250"]))
        default:
            try site.write("content/enhanced/family.yml", Self.enhancedFamily.replacingOccurrences(of: "heading:", with: "short_name:\n  en: Enhanced\nheading:"))
        }
        _ = try site.build().get()
        let incremental = site.outputFiles()
        let clean = site.root.appendingPathComponent("clean").path
        _ = try site.build(output: clean).get()
        let fresh = site.outputFiles(clean)
        #expect(Set(incremental.keys) == Set(fresh.keys))
        let differing = fresh.keys.filter { incremental[$0] != fresh[$0] && !$0.hasPrefix(".versus") }.sorted()
        #expect(differing.isEmpty, "\(edit): \(differing.prefix(5))")
    }

    @Test func mistakesInTheNewFieldsAreReportedAtTheirLine() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try site.write("content/enhanced/X.7.2.md", Self.enhancedCode("X.7.2", title: "Expansion Prohibited",
                                                                      variants: ["5.7.1"], usedWith: ["599", "5.9.9"], extra: """
            sources:
              - name: Somewhere
                url: mail.example.com/help
            """ + "\n"))
        let errors = site.errors().brief
        #expect(errors.contains("X.7.2.md:2: variant 5.7.1 of X.7.2 already belongs to X.7.1; a code is found on one page only"))
        #expect(errors.contains { $0.hasPrefix("X.7.2.md:8: \"599\" is not a code of SMTP (smtp/)") })
        #expect(errors.contains("X.7.2.md:11: a source's url must be a web address starting with https://, found \"mail.example.com/help\""))
        // 5.9.9 has no page and the shape of no family's code: shown without a link, not an error.
        #expect(!errors.contains { $0.contains("5.9.9") })
        #expect(errors.count == 3)
    }

    @Test func aFamilySentenceMayUseOnlyItsKeysPlaceholders() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try site.write("content/enhanced/family.yml", Self.enhancedFamily
            .replacingOccurrences(of: "{code} is an enhanced code", with: "{cod} is an enhanced code")
            .replacingOccurrences(of: "compare_summary_different_class:", with: "compare_different:"))
        let errors = site.errors().brief
        #expect(errors.contains { $0.hasPrefix("family.yml:10: unknown placeholder {cod} in sentence \"code_class\"; it may use {class}, {code}") })
        #expect(errors.contains { $0.hasPrefix("family.yml:12: a family may word only these sentences its own way") })
    }

    @Test func classRangeMustNameTheClass() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try site.write("content/enhanced/family.yml", Self.enhancedFamily.replacingOccurrences(of: "X.{class}.x", with: "X.x"))
        #expect(site.errors().brief == ["family.yml:4: class_range must contain {class}, like \"{class}xx\" or \"X.{class}.x\""])
    }

    @Test(arguments: [
        ("251.md", "251", nil), ("251.tr.md", "251", "tr"), ("450-550.zh-hans.md", "450-550", "zh-hans"),
        ("X.7.1.md", "X.7.1", nil), ("X.7.1.tr.md", "X.7.1", "tr"), ("X.1.1-X.7.1.md", "X.1.1-X.7.1", nil),
    ] as [(String, String, String?)])
    func fileNamesSplitIntoCodeAndLocale(name: String, stem: String, locale: String?) throws {
        let parsed = try #require(ContentFileName(name))
        #expect(parsed.stem == stem)
        #expect(parsed.locale == locale)
    }
}
