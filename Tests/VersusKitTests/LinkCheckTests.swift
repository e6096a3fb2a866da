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
        #expect(result.pagesChecked == 40)
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

    @Test func theBuildChecksEachPageFromMemoryAsItWritesIt() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("content/smtp/pairs/250-251.md", """
            ## Difference

            See [a missing page](/smtp/999-nope/), [a missing anchor](/smtp/251-title-251/#nowhere),
            [no anchor here either](#nowhere), [a good one](/smtp/251-title-251/#facts), [a relative one](../../../smtp/251-title-251/)
            and [an outside one](https://www.rfc-editor.org/rfc/rfc5321).
            """)
        var options = site.options()
        options.checkLinks = true
        let first = try #require(SiteBuilder.build(options).successValue?.links)
        let page = "compare/smtp/250-title-250-vs-251-title-251/index.html"
        let broken = first.broken.map(\.description)
        #expect(broken.contains("\(page): broken link -> /smtp/999-nope/ (no such file)"))
        #expect(broken.contains("\(page): broken link -> /smtp/251-title-251/#nowhere (no id \"nowhere\" in smtp/251-title-251/index.html)"))
        #expect(broken.contains("\(page): broken link -> #nowhere (no id \"nowhere\" in \(page))"))
        // English and the Turkish fallback of the same note: three broken links each, nothing else.
        #expect(first.broken.count == 6, "\(broken)")
        #expect(first.pagesChecked == 40)
        // The same answer as reading the written site back from disk.
        let fromDisk = LinkChecker.check(root: site.output, siteURL: "https://example.org/", jobs: 2)
        #expect(fromDisk.broken == first.broken)
        #expect(fromDisk.linksChecked == first.linksChecked)

        // Nothing changed: no page is rendered, so none is checked again.
        let second = try #require(SiteBuilder.build(options).successValue?.links)
        #expect(second.pagesChecked == 0)
        #expect(second.broken.isEmpty)
    }

    @Test func whenFilesAreAddedPagesKeptFromTheLastBuildAreCheckedFromDisk() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        var options = site.options()
        options.checkLinks = true
        let first = try #require(SiteBuilder.build(options).successValue)
        #expect(first.links?.broken.isEmpty == true)
        // A new code adds pages; comparisons between the old codes are kept without rendering, so
        // they are read back and checked against the new set of files.
        try site.writeCode("552")
        let second = try #require(SiteBuilder.build(options).successValue)
        let links = try #require(second.links)
        #expect(second.fileSetChanged)
        #expect(second.pagesRendered < second.pageCount, "some pages are kept")
        #expect(links.pagesChecked == second.pageCount, "rendered pages from memory, kept ones from disk")
        #expect(links.broken.isEmpty, "\(links.broken)")
    }

    @Test func pathSetAnswersExactlyForBytes() {
        let paths = (0..<5_000).map { "tr/compare/smtp/\($0)-a-vs-\($0 + 1)-b/index.html" } + ["", "index.html"]
        let set = PathSet(paths)
        #expect(set.count == paths.count)
        for path in paths { #expect(set.contains(path)) }
        #expect(!set.contains("tr/compare/smtp/1-a-vs-2-b/index.htm"))
        #expect(!set.contains("tr/compare/smtp/1-a-vs-2-b/"))
        #expect(!set.contains("index.html/"))
        #expect(!PathSet(["a"]).contains(""))
        // More paths than the set was made for: it grows and still answers exactly.
        var grown = PathSet(capacity: 2)
        for path in paths { grown.insert(path) }
        #expect(grown.count == paths.count)
        #expect(paths.allSatisfy { grown.contains($0) })
        #expect(!grown.contains("tr/compare/smtp/1-a-vs-2-b/"))
    }
}

@Suite struct ContentHashTests {
    @Test func everyByteAndTheLengthCount() {
        let page = Array("<!DOCTYPE html><title>SMTP 251 vs 551</title>".utf8)
        #expect(ContentHash.of(page) == ContentHash.of(page))
        #expect(ContentHash.of(page) == ContentHash.of(String(decoding: page, as: UTF8.self)))
        var seen: Set<UInt64> = [ContentHash.of(page)]
        for index in page.indices {  // words and the tail alike
            var changed = page
            changed[index] ^= 1
            seen.insert(ContentHash.of(changed))
        }
        #expect(seen.count == page.count + 1)
        // A page long enough for the four lanes (183 bytes: five 32-byte steps, then words and a tail).
        let long = Array(String(repeating: "<!DOCTYPE html><html lang=\"de\"><title>SMTP 251 vs 551</title>", count: 3).utf8)
        var seenLong: Set<UInt64> = [ContentHash.of(long)]
        for index in long.indices {
            var changed = long
            changed[index] ^= 1
            seenLong.insert(ContentHash.of(changed))
        }
        #expect(seenLong.count == long.count + 1)
        // Two lanes' words swapped must not cancel out.
        var swapped = long
        swapped.swapAt(0, 8)
        swapped.swapAt(1, 9)
        #expect(ContentHash.of(swapped) != ContentHash.of(long))
        #expect(ContentHash.of([0]) != ContentHash.of([0, 0]))
        #expect(ContentHash.of([]) != ContentHash.of([0]))
    }

    @Test func isStableAcrossRunsAndPlatforms() {
        // The manifest keeps these hashes from one build to the next: a drift would make the next build
        // rewrite every file and rename every asset (it happened once, on purpose, for the four lanes).
        // The expected values come from a separate implementation of the same steps (Python integers).
        #expect(String(ContentHash.of(Array("versus".utf8)), radix: 16) == "e4c545c7b5f85b0f")
        #expect(String(ContentHash.of(Array("SMTP 251 User Not Local vs 551".utf8)), radix: 16) == "f7d933c65831d5a7")
        let long = String(repeating: "<!DOCTYPE html><html lang=\"de\"><title>SMTP 251 vs 551</title>", count: 3)
        #expect(String(ContentHash.of(Array(long.utf8)), radix: 16) == "146c8e3d212cf0da")
    }
}

extension LinkCheckTests {
    @Test func linksToOtherSitesAreToldFromTheirBytes() {
        let site = SiteURL("https://smtp-codes.example/")
        func other(_ link: String) -> Bool { Array(link.utf8).withUnsafeBytes { site.isOtherSite($0) } }
        #expect(other("https://www.rfc-editor.org/rfc/rfc5321"))
        #expect(other("http://smtp-codes.example/de/"), "another scheme is another site, as resolve says")
        #expect(other("//cdn.example/x.js"))
        #expect(!other("https://smtp-codes.example/de/smtp/"))
        #expect(!other("/de/smtp/550-mailbox-unavailable/"))
        #expect(!other("#main"))
        #expect(!other("mailto:postmaster@example.com"), "left to resolve, which skips it")
        #expect(other("https://smtp-codes.example.evil/"), "a longer host is another site")
        // Each "other site" is one resolve also calls external.
        for link in ["https://www.rfc-editor.org/rfc/rfc5321", "http://smtp-codes.example/de/", "//cdn.example/x.js"] {
            #expect(site.resolve(link, from: "index.html") == nil)
        }
    }

    @Test func theFastRoadAgreesWithTheGeneralOneOrLeavesTheLinkToIt() {
        let site = SiteURL("https://example.org/docs/")
        func fast(_ link: String) -> (path: String, fragment: String?)? {
            let bytes = Array(link.utf8)
            var path: [UInt8] = []
            return bytes.withUnsafeBytes { raw in
                guard let result = site.resolveFast(raw, into: &path), !result.ownPage else { return nil }
                return (String(decoding: path, as: UTF8.self), result.fragment.map { String(decoding: bytes[$0], as: UTF8.self) })
            }
        }
        let taken = ["/docs/", "/docs/smtp/", "/docs/de/compare/smtp/250-ok-vs-251-user-not-local/", "/docs/assets/style.0a1b2c3d.css",
                     "https://example.org/docs/tr/#x", "/docs/smtp/#", "/docs/smtp/550/#facts", "/docs/a.b/c", "/docs/x#y%20z?q"]
        for link in taken {
            let expected = site.resolve(link, from: "index.html")
            #expect(fast(link)?.path == expected?.0, "\(link)")
            #expect(fast(link)?.fragment == expected?.1, "\(link)")
        }
        // Escapes, queries and dot or empty segments before the fragment go the general road.
        let declined = ["/docs/a%20b/", "/docs/smtp/?x=1", "/docs//smtp/", "/docs/./smtp/", "/docs/smtp/../de/", "/docs/smtp/.",
                        "/docs/smtp/..", "/docs/smtp//#x", "/other/smtp/", "https://example.org/other/"]
        for link in declined { #expect(fast(link) == nil, "\(link)") }
    }

    @Test func siteFileSetFoldsLocalesAndStillAnswersExactly() {
        // The same rest in some locales only; the default locale at the top; a folder named like a locale's without its slash.
        let paths = ["compare/smtp/a-vs-b/index.html", "de/compare/smtp/a-vs-b/index.html", "fr/compare/smtp/a-vs-b/index.html",
                     "de/smtp/550/index.html", "de", "defaults/index.html", "assets/style.css"]
        let set = SiteFileSet(capacity: 4, localeFolders: ["de", "fr", "ja"])
        var filled = set
        for path in paths { filled.insert(path) }
        for path in paths { #expect(filled.contains(path), "\(path)") }
        for missing in ["ja/compare/smtp/a-vs-b/index.html", "fr/smtp/550/index.html", "smtp/550/index.html", "de/", "fr",
                        "de/compare/smtp/a-vs-b/", "ja/defaults/index.html", "es/compare/smtp/a-vs-b/index.html"] {
            #expect(!filled.contains(missing), "\(missing)")
        }
        // One lookup reused across a page's links: each locale's answer is still its own.
        var lookup = SiteFileSet.Lookup()
        var answers: [Bool] = []
        for locale in ["de", "ja", "fr", "ja", "de"] {
            var path = "\(locale)/compare/smtp/a-vs-b/index.html"
            answers.append(path.withUTF8 { filled.contains(UnsafeRawBufferPointer($0), &lookup) })
        }
        #expect(answers == [true, false, true, false, true])
        // Without locale folders (a check of a folder from disk), paths are kept as they are.
        let plain = SiteFileSet(paths)
        #expect(paths.allSatisfy { plain.contains($0) })
        #expect(!plain.contains("ja/compare/smtp/a-vs-b/index.html"))
    }
}
