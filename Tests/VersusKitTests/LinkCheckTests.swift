import Foundation
import Testing
@testable import VersusKit

@Suite struct LinkCheckTests {
    @Test func theShippedTemplatesProduceNoBrokenLink() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        _ = try #require(site.build().successValue)
        let result = LinkChecker.check(root: site.output, siteURL: "https://example.org/", jobs: 2)
        #expect(result.broken.isEmpty, "\(result.broken)")
        #expect(result.pagesChecked == 38)
        #expect(result.linksChecked > 300)
    }

    @Test func brokenTargetsAndFragmentsAreReportedWithPageAndTarget() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("content/smtp/pairs/250-251.md", """
            ## Difference

            See [a missing page](/smtp/999-nope/), [a missing anchor](/smtp/251-title-251/#nowhere),
            [a good one](/smtp/251-title-251/#facts) and [an outside one](https://www.rfc-editor.org/rfc/rfc5321).
            """)
        _ = try #require(site.build().successValue)
        let broken = LinkChecker.check(root: site.output, siteURL: "https://example.org/", jobs: 2).broken.map(\.description)
        #expect(broken.contains("compare/smtp/250-title-250-vs-251-title-251/index.html: broken link -> /smtp/999-nope/ (no such file)"))
        #expect(broken.contains("compare/smtp/250-title-250-vs-251-title-251/index.html: broken link -> /smtp/251-title-251/#nowhere (no id \"nowhere\" in smtp/251-title-251/index.html)"))
        // The Turkish page shows the English note (a fallback), so it carries the same two broken links.
        #expect(broken.count == 4)
    }

    @Test func resolvesRelativeAbsoluteAndOwnOriginLinks() {
        let site = SiteURL("https://example.org/docs/")
        #expect(site.resolve("/docs/smtp/", from: "index.html")! == ("smtp/index.html", nil))
        #expect(site.resolve("https://example.org/docs/tr/#x", from: "index.html")! == ("tr/index.html", "x"))
        #expect(site.resolve("../assets/style.css", from: "smtp/index.html")! == ("assets/style.css", nil))
        #expect(site.resolve("#facts", from: "smtp/251/index.html")! == ("smtp/251/index.html", "facts"))
        #expect(site.resolve("https://www.rfc-editor.org/rfc/rfc5321", from: "index.html") == nil)
        #expect(site.resolve("mailto:x@example.org", from: "index.html") == nil)
    }
}
