import Foundation
import TestSupport
import Testing
@testable import VersusKit

/// `versus build --shard I/N`: N builds, each writing its share of the pages into its own folder, whose
/// union is the single build, byte for byte.
@Suite struct ShardBuildTests {
    static let codes = ["220", "250", "251", "421", "450", "451", "550", "551", "552", "554"]

    /// Starts `versus` with `arguments` in `directory`; its standard error is a pipe (see `stderr(of:)`).
    static func versus(_ arguments: [String], in directory: URL) throws -> Process {
        let process = Process()
        process.executableURL = VersusExecutable.url
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GITHUB_") }
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = Pipe()
        try process.run()
        return process
    }

    static func stderr(of process: Process) -> String {
        String(decoding: (process.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    /// The published files (the manifest is the build's own record, one per output folder).
    static func published(_ site: TestSite, _ folder: String) -> [String: Data] {
        site.outputFiles(site.root.path + "/" + folder).filter { $0.key != Manifest.fileName }
    }

    /// Builds N shards as N processes at once, then checks that no file is in two shards and that their
    /// union is the single build.
    static func expectUnionIsSingleBuild(_ site: TestSite, shards: Int) throws {
        let single = try versus(["build", "--quiet", "--output", "single"], in: site.root)
        let runs = try (1...shards).map { try versus(["build", "--quiet", "--shard", "\($0)/\(shards)", "--output", "shard-\($0)"], in: site.root) }
        for process in [single] + runs {
            let errors = stderr(of: process)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(process.arguments ?? []): \(errors)")
        }
        let expected = published(site, "single")
        var union: [String: Data] = [:]
        for index in 1...shards {
            let files = published(site, "shard-\(index)")
            #expect(!files.isEmpty, "shard \(index) wrote nothing")
            for (path, bytes) in files {
                #expect(union[path] == nil, "\(path) is written by two shards")
                union[path] = bytes
            }
        }
        #expect(Set(union.keys) == Set(expected.keys),
                "missing: \(Set(expected.keys).subtracting(union.keys).sorted().prefix(5)), extra: \(Set(union.keys).subtracting(expected.keys).sorted().prefix(5))")
        let differing = expected.keys.filter { union[$0] != nil && union[$0] != expected[$0] }.sorted()
        #expect(differing.isEmpty, "differ: \(differing.prefix(5))")
    }

    @Test func theUnionOfShardsBuiltAsSeparateProcessesIsTheSingleBuild() throws {
        let site = try TestSite(codes: Self.codes)
        defer { site.cleanUp() }
        try Self.expectUnionIsSingleBuild(site, shards: 3)

        // Incremental: after an edit each shard rebuilds in its own folder, and the union still matches.
        try site.writeCode("550", title: "Mailbox unavailable, edited")
        try site.write("content/smtp/552.tr.md", "---\ntitle: Depolama ayrımı aşıldı\n---\n")
        try Self.expectUnionIsSingleBuild(site, shards: 3)
        // And a removed code: every shard removes what it wrote for it, and only that.
        try site.remove("content/smtp/554.md")
        try Self.expectUnionIsSingleBuild(site, shards: 3)
    }

    @Test func onlyTheFirstShardWritesSiteWideFilesAndEveryShardRebuildsOnlyItsOwn() throws {
        let site = try TestSite(codes: Self.codes)
        defer { site.cleanUp() }
        var reports: [BuildReport] = []
        for index in 1...2 {
            var options = site.options(jobs: 2, output: site.root.path + "/shard-\(index)")
            options.shard = BuildShard(index: index, count: 2)
            reports.append(try SiteBuilder.build(options).get())
        }
        let first = Self.published(site, "shard-1"), second = Self.published(site, "shard-2")
        for siteWide in ["sitemap-en.xml", "sitemap-tr.xml", "robots.txt", "search-index.json", "tr/search-index.json"] {
            #expect(first[siteWide] != nil, "\(siteWide) is not in shard 1")
        }
        #expect(first.keys.contains { $0.hasPrefix("assets/") })
        #expect(!second.keys.contains { $0.hasPrefix("assets/") || $0.hasPrefix("sitemap") || $0.hasSuffix(".json") || $0.hasSuffix(".txt") })
        #expect(second.keys.contains { $0.hasSuffix("index.html") })
        let single = try site.build().get()
        #expect(reports[0].pageCount + reports[1].pageCount == single.pageCount)

        // A rebuild of shard 2 with nothing changed writes nothing and removes nothing.
        var again = site.options(jobs: 2, output: site.root.path + "/shard-2")
        again.shard = BuildShard(index: 2, count: 2)
        let rebuild = try SiteBuilder.build(again).get()
        #expect(rebuild.filesWritten == 0 && rebuild.filesRemoved == 0 && rebuild.pagesRendered == 0)
    }

    /// Each shard checks its own pages' links against the whole plan, fragments into other shards'
    /// pages included: together they report exactly what a single build reports.
    @Test func shardsTogetherReportTheSameBrokenLinksAsASingleBuild() throws {
        let site = try TestSite(codes: Self.codes)
        defer { site.cleanUp() }
        try site.writeCode("250", body: """
            ## Description

            See [the fix](/smtp/551-title-551/#how-to-fix), [nothing](/smtp/551-title-551/#no-such-part) and
            [a missing page](/smtp/999-nothing/).

            ## When you see it

            Often.

            ## How to fix

            Nothing.
            """)
        var single = site.options(jobs: 2)
        single.checkLinks = true
        let expected = try SiteBuilder.build(single).get().links!
        #expect(expected.broken.count >= 2, "the fixture should have broken links: \(expected.broken)")
        #expect(expected.broken.contains { $0.link.hasSuffix("#no-such-part") })
        #expect(!expected.broken.contains { $0.link.hasSuffix("#how-to-fix") })

        var broken: [LinkChecker.BrokenLink] = []
        var pages = 0, links = 0
        for index in 1...3 {
            var options = site.options(jobs: 2, output: site.root.path + "/shard-\(index)")
            options.checkLinks = true
            options.shard = BuildShard(index: index, count: 3)
            let result = try SiteBuilder.build(options).get().links!
            broken += result.broken
            pages += result.pagesChecked
            links += result.linksChecked
        }
        #expect(broken.sorted() == expected.broken)
        #expect(pages == expected.pagesChecked && links == expected.linksChecked)
    }

    @Test func pagesSpreadEvenlyOverShards() {
        // The shipped site's shape: 18 locales, code pages and comparisons of 53 codes.
        let locales = ["", "tr/", "de/", "fr/", "es/", "pt/", "it/", "nl/", "pl/", "ru/", "ja/", "ko/", "zh-hans/", "id/", "vi/", "th/", "hi/", "ar/"]
        let codes = (0..<53).map { 200 + $0 * 7 }
        var files: [String] = []
        for locale in locales {
            for code in codes { files.append("\(locale)smtp/\(code)-title/index.html") }
            for first in codes { for second in codes where first != second { files.append("\(locale)compare/smtp/\(first)-vs-\(second)/index.html") } }
        }
        for count in [2, 3, 4, 8, 16] {
            var sizes = [Int](repeating: 0, count: count)
            for file in files {
                let shard = BuildShard.shard(of: file, count: count)
                #expect((1...count).contains(shard))
                sizes[shard - 1] += 1
            }
            let mean = Double(files.count) / Double(count)
            #expect(sizes.allSatisfy { abs(Double($0) - mean) / mean <= 0.10 }, "\(count) shards: \(sizes)")
        }
    }

    @Test(arguments: ["0/3", "4/3", "3", "a/b", "1/0", "1/2/3", ""])
    func aBadShardIsAUsageError(_ shard: String) throws {
        let site = try TestSite(codes: ["250"])
        defer { site.cleanUp() }
        let process = try Self.versus(["build", "--shard", shard], in: site.root)
        let errors = Self.stderr(of: process)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2, "\(shard): \(errors)")
        #expect(errors.contains("--shard must be I/N"), "\(errors)")
        #expect(!FileManager.default.fileExists(atPath: site.output))
    }
}
