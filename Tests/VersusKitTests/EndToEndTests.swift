import Foundation
import Testing
@testable import VersusKit

/// Runs the real build on small sites in temporary folders and reads back the files it wrote.
@Suite struct EndToEndTests {
    @Test func writesEveryPageOfEveryLocale() throws {
        let site = try TestSite(codes: ["250", "251", "354", "450", "550", "551"])
        defer { site.cleanUp() }
        let report = try #require(site.build().successValue)
        let files = site.outputFiles()
        for prefix in ["", "tr/"] {
            #expect(files[prefix + "index.html"] != nil)
            #expect(files[prefix + "404.html"] != nil)
            #expect(files[prefix + "smtp/index.html"] != nil)
            #expect(files[prefix + "smtp/551-title-551/index.html"] != nil)
            let comparisons = files.keys.filter { $0.hasPrefix(prefix + "compare/smtp/") && $0.split(separator: "/").count == (prefix.isEmpty ? 4 : 5) }
            // N·(N−1)/2 canonical pages and as many reverse-order redirects.
            let redirects = comparisons.filter { String(decoding: files[$0]!, as: UTF8.self).contains("http-equiv=\"refresh\"") }
            #expect(comparisons.count - redirects.count == 15)
            #expect(redirects.count == 15)
        }
        for name in ["robots.txt", "sitemap.xml", "sitemap-en.xml", "sitemap-tr.xml", try TestSite.assetFile("style.css", in: site.output),
                     "_headers", "_redirects", Manifest.fileName] {
            #expect(files[name] != nil, "missing \(name)")
        }
        // Per locale: home, 404, decoder and family index; 6 code pages; 30 comparisons and redirects.
        #expect(report.pageCount == 2 * (4 + 6 + 30))
        #expect(report.filesWritten == files.count - 1)
    }

    @Test func canonicalOrderIsLowerCodeFirstAndTheReverseRedirects() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        // Translated, so that the Turkish comparison is indexed (an untranslated one is noindex).
        for code in ["251", "551"] { try site.writeCompleteTranslation(code) }
        _ = try #require(site.build().successValue)
        let canonical = try site.read("tr/compare/smtp/251-title-251-vs-551-title-551/index.html")
        #expect(canonical.contains("<link rel=\"canonical\" href=\"https://example.org/tr/compare/smtp/251-title-251-vs-551-title-551/\">"))
        let redirect = try site.read("tr/compare/smtp/551-title-551-vs-251-title-251/index.html")
        #expect(redirect.contains("<meta http-equiv=\"refresh\" content=\"0; url=/tr/compare/smtp/251-title-251-vs-551-title-551/\">"))
        #expect(redirect.contains("<link rel=\"canonical\" href=\"https://example.org/tr/compare/smtp/251-title-251-vs-551-title-551/\">"))
        #expect(redirect.contains("noindex"))
        // Only canonical pages are in the sitemap.
        let sitemap = try site.read("sitemap-tr.xml")
        #expect(sitemap.contains("/tr/compare/smtp/251-title-251-vs-551-title-551/</loc>"))
        #expect(!sitemap.contains("551-title-551-vs-251-title-251"))
    }

    @Test func turkishComparisonShowsTheSixTurkishLabels() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.writeCode("251", extraFrontMatter: "sender_action: \"Carry on.\"\n")
        _ = try #require(site.build().successValue)
        let page = try site.read("tr/compare/smtp/251-title-251-vs-551-title-551/index.html")
        for label in ["Temel Farklar", "Hangisini Ne Zaman Kullanmalı", "Hangisiyle karşılaşırsınız, ne yapmalısınız",
                      "Nasıl Düzeltilir", "Bilgiler yan yana", "Daha Fazla Öğren"] {
            #expect(page.contains(">\(label)</h"), "missing \(label)")
        }
        #expect(page.contains("<html lang=\"tr\" dir=\"ltr\">"))
    }

    @Test func everyInternalLinkAndFragmentResolves() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("content/smtp/pairs/250-251.md", "## Difference\n\nSee [the fix](/smtp/251-title-251/#how-to-fix).\n")
        _ = try #require(site.build().successValue)
        let files = site.outputFiles()
        var checked = 0
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for link in LinkScanner.internalLinks(in: html) {
                let (target, fragment) = LinkScanner.resolve(link)
                let targetFile = try #require(files[target], "\(path): broken link -> \(link)")
                if let fragment {
                    #expect(String(decoding: targetFile, as: UTF8.self).contains("id=\"\(fragment)\""), "\(path): missing #\(fragment) in \(target)")
                }
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test func textFromContentIsEscapedAndMarkdownIsSafe() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.writeCode("251", title: "\"<script>alert(1)</script> Forward\"",
                           body: "## Description\n\n<script>alert(2)</script> and [x](javascript:alert(3))\n\n## When you see it\n\nA\n\n## How to fix\n\nB\n")
        _ = try #require(site.build().successValue)
        for (path, data) in site.outputFiles() where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(!html.contains("<script>alert"), "\(path) lets content inject a script")
            #expect(!html.contains("javascript:"), "\(path) contains a javascript: link")
        }
        let page = try site.read("smtp/script-alert-1-script-forward/index.html".replacingOccurrences(of: "smtp/", with: "smtp/251-"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; Forward"))
    }

    @Test func untranslatedTextFallsBackWithItsLanguageMarked() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("content/smtp/251.tr.md", "---\ntitle: Yerel Olmayan Kullanıcı\n---\n## Açıklama\n\nTürkçe açıklama.\n")
        _ = try #require(site.build().successValue)
        let page = try site.read("tr/smtp/251-title-251/index.html")
        #expect(page.contains("<span>Yerel Olmayan Kullanıcı</span>"))
        // The translated section carries no lang of its own; the others are English and say so.
        #expect(page.contains("<div class=\"prose\">\n<p>Türkçe açıklama.</p>"))
        #expect(page.contains("<div class=\"prose\" lang=\"en\" dir=\"ltr\">\n<p>After <code>RCPT TO</code>.</p>"))
        #expect(page.contains("Bu bölüm henüz Türkçeye çevrilmedi"))
        // A code without any translation: its title is English, marked as such.
        let other = try site.read("tr/smtp/550-title-550/index.html")
        #expect(other.contains("<span lang=\"en\" dir=\"ltr\">Title 550</span>"))
        // The English site never shows the note.
        #expect(!(try site.read("smtp/251-title-251/index.html")).contains("fallback-note"))
    }

    @Test func summarySentenceDependsOnTheClassesAndPairNotesAppear() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("content/smtp/pairs/550-551.md", "## Difference\n\nThe curated *difference*.\n\n## When to use which\n\n- Curated advice.\n")
        _ = try #require(site.build().successValue)
        let different = try site.read("compare/smtp/251-title-251-vs-551-title-551/index.html")
        #expect(different.contains("251 Title 251 is a 2xx Positive Completion reply, while 551 Title 551 is a 5xx Permanent Negative Completion reply."))
        let same = try site.read("compare/smtp/550-title-550-vs-551-title-551/index.html")
        #expect(same.contains("550 Title 550 and 551 Title 551 are both 5xx Permanent Negative Completion replies."))
        #expect(same.contains("<p>The curated <em>difference</em>.</p>"))
        #expect(same.contains("<li>Curated advice.</li>"))
        #expect(!same.contains("depends on the situation"))
        // Turkish falls back to the English note and marks it.
        let turkish = try site.read("tr/compare/smtp/550-title-550-vs-551-title-551/index.html")
        #expect(turkish.contains("<div class=\"prose\" lang=\"en\" dir=\"ltr\">\n<p>The curated <em>difference</em>.</p>"))
        // No third code leaks into a pair page's generated text.
        #expect(!different.contains("550 Title") && !different.contains("250 Title"))
    }

    @Test func sameOutputWhateverTheThreadCount() throws {
        let site = try TestSite(codes: ["250", "251", "252", "450", "451", "550", "551", "552"])
        defer { site.cleanUp() }
        let one = site.root.appendingPathComponent("out1").path, two = site.root.appendingPathComponent("out2").path
        _ = try #require(site.build(jobs: 1, output: one).successValue)
        _ = try #require(site.build(jobs: 2, output: two).successValue)
        let first = site.outputFiles(one), second = site.outputFiles(two)
        #expect(first.count > 100)
        #expect(first == second)
    }

    @Test func aThreadsOwnCopyOfTheRendererRendersTheSameBytes() throws {
        // Large builds give each thread its own copy of the render data (PageWriter.pagesWorthOwnRenderers);
        // every page must come out the same from the copy as from the original.
        let site = try TestSite(codes: ["250", "251", "450", "550", "551"])
        defer { site.cleanUp() }
        try site.write("content/smtp/pairs/250-251.md", "## Difference\n\nA curated note.\n")
        let content = try #require(ContentLoader.load(from: site.content).0)
        let templates = try #require(TemplateLibrary.load(from: site.templates, pageTemplates: PageKinds.templates).0)
        let renderer = PageRenderer(state: RenderState.make(content: content, urls: SiteURLs(content: content), jobs: 2), templates: templates)
        let copy = renderer.ownCopy()
        let pages = SitePlan(content: content, urls: SiteURLs(content: content), kinds: PageKinds.all,
                             translation: TranslationStatus(content: content)).pages
        #expect(pages.count > 50)
        for page in pages { #expect(renderer.render(page) == copy.render(page), "\(page.url)") }
    }

    @Test func pagesFromTemplatesSpecializedPerLocaleAreThePagesTheTemplatesGive() throws {
        // The renderer prints each locale's own values into its templates before the first page
        // (TemplateSpecializer); every page of every kind and locale must be what the template as
        // written gives for the same view model.
        let site = try TestSite(codes: ["250", "251", "450", "550", "551"])
        defer { site.cleanUp() }
        let content = try #require(ContentLoader.load(from: site.content).0)
        let templates = try #require(TemplateLibrary.load(from: site.templates, pageTemplates: PageKinds.templates).0)
        // Specialized on two threads, as a build does.
        let renderer = PageRenderer(state: RenderState.make(content: content, urls: SiteURLs(content: content), jobs: 1), templates: templates,
                                    jobs: 2)
        let pages = SitePlan(content: content, urls: SiteURLs(content: content), kinds: PageKinds.all,
                             translation: TranslationStatus(content: content)).pages
        var kinds: Set<Int32> = []
        for page in pages {
            let index = Int(page.address.kind)
            let kind = PageKinds.all[index]
            let plain = renderer.renderer.render(templates.pages[kind.template]!, kind.context(page, renderer.state, reads: renderer.reads[index]))
            // As text, so that a difference reads as HTML.
            #expect(String(decoding: renderer.render(page), as: UTF8.self) == String(decoding: plain, as: UTF8.self), "\(page.url)")
            kinds.insert(page.address.kind)
        }
        #expect(kinds.count == PageKinds.all.count)
    }

    @Test func pagesMadeFromKeptSharedPartsAreThePagesRenderedOnTheirOwn() throws {
        // The build copies language menus, alternates and code columns from what each thread kept
        // (SharedParts); every page it wrote must be byte for byte the page rendered with nothing kept.
        let site = try TestSite(codes: ["250", "251", "450", "550", "551"])
        defer { site.cleanUp() }
        _ = try #require(site.build(jobs: 2).successValue)
        // The same valid site and plan the build made.
        let valid = try #require(try? ValidSite.validate(SiteSources.load(site.options()), options: site.options()).get())
        let renderer = PageRenderer(state: RenderState.make(content: valid.content, urls: valid.urls, jobs: 2), templates: valid.templates)
        let pages = valid.plan().pages
        let parts = SharedParts()
        var comparisons = 0
        for page in pages {
            var kept: [UInt8] = []
            renderer.render(page, parts: parts, into: &kept)
            let alone = renderer.render(page)
            #expect(kept == alone, "\(page.url)")
            #expect(try site.read(page.file) == String(decoding: alone, as: UTF8.self), "\(page.url)")
            if page.url.contains("compare/") { comparisons += 1 }
        }
        #expect(comparisons > 20)
        // The shipped templates read nothing page-specific inside these sections: each was kept.
        #expect(parts.entries.count > 10)
        #expect(parts.entries.values.allSatisfy { $0 != nil })
    }

    @Test func aFirstBuildIsStagedBesideTheOutputAndMovedIntoPlace() throws {
        let site = try TestSite(codes: ["250", "251", "550", "551"])
        defer { site.cleanUp() }
        // A folder that does not exist yet (nor its parent) is staged; an existing empty one is not.
        let fresh = site.root.appendingPathComponent("deploy/site").path
        let existing = site.root.appendingPathComponent("existing").path
        try FileManager.default.createDirectory(atPath: existing, withIntermediateDirectories: true)
        let staged = try #require(site.build(output: fresh).successValue)
        _ = try #require(site.build(output: existing).successValue)
        #expect(staged.filesWritten > 40)
        #expect(site.outputFiles(fresh) == site.outputFiles(existing))
        let beside = try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent("deploy").path)
        #expect(beside == ["site"], "no staging folder is left behind: \(beside)")
        // The staged site is an ordinary output folder for the next build.
        let again = try #require(site.build(output: fresh).successValue)
        #expect(again.filesWritten == 0)
        #expect(again.pagesRendered == 0)
    }

    @Test func aFailedFirstBuildLeavesNoHalfMadeFolderBehind() throws {
        let site = try TestSite(codes: ["250", "251"])
        defer { site.cleanUp() }
        let output = site.root.appendingPathComponent("site").path
        // While the pages are being written into the staging folder, something else creates the output
        // folder, so the finished site cannot be moved into place.
        let outcome = SiteBuilder.build(site.options(output: output)) { done, total in
            guard done == total else { return }
            try? FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: output + "/theirs.txt", contents: Data("keep".utf8))
        }
        guard case .failure(.publishing(let message, _)) = outcome else {
            Issue.record("the build should fail to publish, got \(outcome)")
            return
        }
        #expect(message.contains("cannot move the finished site into place"))
        let left = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("versus-partial") }
        #expect(left.isEmpty, "the staging folder is removed: \(left)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: output) == ["theirs.txt"])
    }

    @Test func noChangeRebuildWritesNothingAndAnEditWritesOnlyWhatShowsIt() throws {
        let site = try TestSite(codes: ["250", "251", "450", "550", "551"])
        defer { site.cleanUp() }
        let first = try #require(site.build().successValue)
        let before = modificationDates(site.output)
        let second = try #require(site.build().successValue)
        #expect(second.filesWritten == 0)
        #expect(second.filesUnchanged == first.filesWritten)
        #expect(modificationDates(site.output) == before)

        // Editing one code's body changes its page and its comparisons, not the others.
        try site.writeCode("450", body: "## Description\n\nNew words.\n\n## When you see it\n\nA\n\n## How to fix\n\nB\n")
        let third = try #require(site.build().successValue)
        // 450's page + 4 canonical comparisons and the search text, in 2 locales.
        #expect(third.filesWritten == 2 * (1 + 4 + 1))
    }

    @Test func removedPagesAreDeletedButNothingElse() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        _ = try #require(site.build().successValue)
        try site.write("Output/keep-me.txt", "not ours")
        try site.remove("content/smtp/551.md")
        let report = try #require(site.build().successValue)
        let files = site.outputFiles()
        #expect(files["keep-me.txt"] != nil)
        #expect(files["smtp/551-title-551/index.html"] == nil)
        #expect(!FileManager.default.fileExists(atPath: site.output + "/smtp/551-title-551"))
        #expect(!files.keys.contains { $0.contains("551") })
        // 551's page and 3 pairs × 2 orders, in 2 locales, and its file in the JSON export.
        #expect(report.filesRemoved == 2 * (1 + 3 * 2) + 1)
    }

    @Test func failedBuildLeavesOutputExactlyAsItWas() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        _ = try #require(site.build().successValue)
        let files = site.outputFiles(), dates = modificationDates(site.output)
        try site.writeCode("251", title: "Changed")
        try site.write("content/smtp/550.tr.md", "---\ntitle: X\n---\n## Açıklamaa\n\nX\n")
        #expect(site.build().failureValue != nil)
        #expect(site.outputFiles() == files)
        #expect(modificationDates(site.output) == dates)
    }

    @Test func refusesAnOutputFolderThatHoldsTheSources() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let before = site.outputFiles(site.content)
        for output in [site.root.path, site.content, site.content + "/smtp", site.templates] {
            guard case .failure(.badUsage(let message)) = site.build(output: output) else {
                Issue.record("accepted \(output) as the output folder")
                continue
            }
            #expect(message.contains("choose another --output"))
        }
        #expect(site.outputFiles(site.content) == before)
    }

    private func modificationDates(_ folder: String) -> [String: Date] {
        var dates: [String: Date] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            dates[relative] = (try? FileManager.default.attributesOfItem(atPath: folder + "/" + relative))?[.modificationDate] as? Date
        }
        return dates
    }
}

/// Finds root-relative links (`href="/..."`, `src="/..."`) in built HTML.
enum LinkScanner {
    static func internalLinks(in html: String) -> [String] {
        var links: [String] = []
        for attribute in ["href=\"/", "src=\"/"] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                let after = rest[start.upperBound...]
                guard let end = after.firstIndex(of: "\"") else { break }
                links.append("/" + after[..<end])
                rest = after[end...]
            }
        }
        return links
    }

    /// "/smtp/251/#fix" -> ("smtp/251/index.html", "fix")
    static func resolve(_ link: String) -> (String, String?) {
        let parts = link.dropFirst().split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0])
        return (SiteURLs.file(for: path), parts.count > 1 ? String(parts[1]) : nil)
    }
}

@Suite struct BasePathTests {
    @Test func aBaseURLWithAPathPrefixesEveryLinkAndTheLinksStillResolve() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.writeCompleteTranslation("251")
        var options = site.options()
        options.baseURL = "https://example.org/docs/smtp/"
        _ = try #require(SiteBuilder.build(options).successValue)
        let page = try site.read("tr/smtp/251-title-251/index.html")
        #expect(page.contains("href=\"/docs/smtp/\(try TestSite.assetFile("style.css", in: site.output))\""))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://example.org/docs/smtp/tr/smtp/251-title-251/\">"))
        #expect(!page.contains("href=\"/smtp/"))
        #expect(try site.read("robots.txt").contains("Sitemap: https://example.org/docs/smtp/sitemap.xml"))
        let links = LinkChecker.check(root: site.output, siteURL: "https://example.org/docs/smtp/", jobs: 2)
        #expect(links.broken.isEmpty, "\(links.broken)")
        #expect(links.linksChecked > 300)
    }
}
