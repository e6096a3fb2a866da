import Foundation
import Testing
@testable import VersusKit

/// The shipped enhanced status codes: the whole IANA registry, each page linked with its reply codes
/// in both directions, as a reader holding "550 5.1.1" needs.
@Suite(.tags(.shippedSite), .enabled(if: TestRun.includesShippedSite, "VERSUS_TESTS=fast leaves out the shipped site"))
struct ShippedEnhancedTests {
    var content: SiteContent { get throws { try #require(ShippedSite.content) } }

    /// The registry's codes, from the reference table the content was written from.
    static let registry: [String] = {
        let table = TestSite.repository.deletingLastPathComponent().appendingPathComponent("shared/reference/smtp-enhanced-codes.tsv")
        guard let text = try? String(contentsOf: table, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst().compactMap { $0.split(separator: "\t").first.map(String.init) }
    }()

    @Test func everyRegistryEntryHasAPageWithEnglishAndTurkishBodies() async throws {
        try await ShippedSite.ready()
        let family = try #require(try content.families.first { $0.id == "enhanced" })
        let codes = Set(family.codes.map(\.code))
        // The reference table is beside the repository on the machines this project is built on; where
        // it is not, the count alone is checked.
        let missing: [String] = Self.registry.filter { !codes.contains($0) }
        #expect(missing.isEmpty, "no page for \(missing)")
        #expect(family.codes.count >= 81)
        for entry in family.codes {
            #expect(entry.pathName.hasPrefix(CodeEntry.urlForm(entry.code) + "-"), "\(entry.pathName)")
            #expect(!entry.rfcs.isEmpty || entry.status == .registryOnly, "\(entry.code) names no RFC")
            let turkish = try #require(entry.translations["tr"], "\(entry.code) has no Turkish file")
            #expect(Set(turkish.sections.keys) == Set(entry.sections.keys), "\(entry.code).tr.md does not translate every section")
            let page = try ShippedSite.page("tr/enhanced/\(entry.pathName)/index.html")
            #expect(!page.contains("fallback-note"), "tr page of \(entry.code) falls back to English")
        }
        let replyCodes = try content.families[0].codes
        for basic in ["422", "523", "524", "525"] {
            let entry = replyCodes.first { $0.code == basic }
            #expect(entry?.status == .registryOnly, "\(basic)")
        }
    }

    @Test func crossLinksGoBothWaysForEveryCode() async throws {
        try await ShippedSite.ready()
        let content = try content
        let urls = SiteURLs(content: content)
        var checked = 0
        for (familyIndex, family) in content.families.enumerated() {
            for (codeIndex, entry) in family.codes.enumerated() {
                let ownURL = urls.href(urls.code(family: familyIndex, code: codeIndex, "en"))
                let page = try ShippedSite.page(String(ownURL.dropFirst()) + "index.html")
                for link in entry.links {
                    guard let target = link.target else { continue }
                    let targetURL = urls.href(urls.code(family: target.family, code: target.code, "en"))
                    #expect(page.contains("<a href=\"\(targetURL)\"><code dir=\"ltr\">\(link.shown)</code></a>"), "\(entry.code) -> \(link.shown)")
                    let other = try ShippedSite.page(String(targetURL.dropFirst()) + "index.html")
                    #expect(other.contains("<a href=\"\(ownURL)\">"), "\(link.shown) does not link back to \(entry.code)")
                    checked += 1
                }
            }
        }
        #expect(checked > 300)
        // The reader with "550 5.1.1" reaches both pages from either.
        let page550 = try ShippedSite.page("smtp/550-mailbox-unavailable/index.html")
        let x11 = try #require(content.families[1].codes.first { $0.code == "X.1.1" })
        #expect(page550.contains("<a href=\"/enhanced/\(x11.pathName)/\"><code dir=\"ltr\">5.1.1</code></a>"))
        #expect(try ShippedSite.page("enhanced/\(x11.pathName)/index.html").contains("<a href=\"/smtp/550-mailbox-unavailable/\">"))
    }
}
