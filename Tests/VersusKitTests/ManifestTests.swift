import Foundation
import Testing
@testable import VersusKit

/// The manifest a build writes: the plan's pages kept by their place in the plan (not in a dictionary
/// of every path), then the other files. It must still name every file once, with its bytes' hash and
/// size, and be the same bytes whether it was written by a clean build or a rebuild.
@Suite struct ManifestTests {
    /// Lines of a manifest file without its comment header.
    func lines(_ data: Data?) -> [String] {
        String(decoding: data ?? Data(), as: UTF8.self).split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
    }

    @Test func aFirstBuildListsEveryFileItWroteOnceWithItsHashAndSize() throws {
        let site = try TestSite(codes: ["250", "251", "550"])
        defer { site.cleanUp() }
        _ = try #require(site.build().successValue)
        var files = site.outputFiles()
        let removed = files.removeValue(forKey: Manifest.fileName)
        let manifestData = try #require(removed)
        let manifest = Manifest.load(from: site.output)
        #expect(lines(manifestData).count == files.count, "one line per file, none twice")
        #expect(Set(manifest.entries.keys) == Set(files.keys))
        for (path, bytes) in files {
            let entry = try #require(manifest.entries[path])
            #expect(entry.size == bytes.count, "\(path)")
            #expect(entry.hash == ContentHash.of([UInt8](bytes)), "\(path)")
        }
        // Pages carry the fingerprint of their inputs; the search index does not come from the plan.
        #expect(manifest.entries["smtp/250-title-250/index.html"]?.inputs != 0)
    }

    @Test func theManifestIsTheSameBytesWhateverTheThreadCount() throws {
        let site = try TestSite(codes: ["250", "251", "550", "551"])
        defer { site.cleanUp() }
        let one = site.root.appendingPathComponent("one").path, four = site.root.appendingPathComponent("four").path
        _ = try #require(site.build(jobs: 1, output: one).successValue)
        _ = try #require(site.build(jobs: 4, output: four).successValue)
        let first = FileManager.default.contents(atPath: one + "/" + Manifest.fileName)
        #expect(first != nil && first == FileManager.default.contents(atPath: four + "/" + Manifest.fileName))
    }

    @Test func rebuildsThatAddOrRemovePagesWriteTheManifestACleanBuildWrites() throws {
        let site = try TestSite(codes: ["250", "251", "550"])
        defer { site.cleanUp() }
        _ = try #require(site.build().successValue)
        func expectSameAsClean(_ what: String) throws {
            let clean = site.root.appendingPathComponent("clean-\(what)").path
            _ = try #require(site.build(output: clean).successValue)
            let rebuilt = FileManager.default.contents(atPath: site.output + "/" + Manifest.fileName)
            #expect(rebuilt != nil && rebuilt == FileManager.default.contents(atPath: clean + "/" + Manifest.fileName), "\(what)")
            #expect(Set(site.outputFiles().keys) == Set(site.outputFiles(clean).keys), "\(what)")
        }
        try site.writeCode("551")
        let added = try #require(site.build().successValue)
        #expect(added.fileSetChanged)
        #expect(added.changedFiles.contains("smtp/551-title-551/index.html"))
        try expectSameAsClean("added")

        try site.remove("content/smtp/250.md")
        let removed = try #require(site.build().successValue)
        #expect(removed.filesRemoved > 0)
        #expect(!FileManager.default.fileExists(atPath: site.output + "/smtp/250-title-250/index.html"))
        try expectSameAsClean("removed")
    }

    @Test func aShardsPagesKeepTheirPlaceInTheWholePlan() throws {
        let site = try TestSite(codes: ["250", "251", "550"])
        defer { site.cleanUp() }
        guard case .success(let valid) = ValidSite.validate(SiteSources.load(site.options()), options: site.options()) else {
            Issue.record("the test site is invalid")
            return
        }
        let pages = valid.plan().pages
        #expect(pages.indices.allSatisfy { pages[$0].index == $0 })
        let subset = pages.subset { $0.url.contains("-vs-") }
        #expect(!subset.isEmpty && subset.count < pages.count)
        for page in subset {
            #expect(pages[page.index].url == page.url)
            #expect(pages[page.index].address == page.address && pages[page.index].locale == page.locale)
        }
    }
}
