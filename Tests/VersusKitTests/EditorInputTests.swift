import Foundation
import Testing
@testable import VersusKit

/// What an editor's tools may do to a file, and what a second build or a killed one leaves behind.
@Suite struct EditorInputTests {
    /// Every file of the site rewritten with Windows line endings (and a byte-order mark on some):
    /// the site must come out byte for byte as from the LF files.
    @Test func crlfAndByteOrderMarksReadExactlyAsLF() throws {
        let site = try TestSite(codes: ["250", "251", "550", "551"])
        defer { site.cleanUp() }
        try site.write("content/smtp/251.tr.md", "---\ntitle: Başlık 251\n---\n## Description\n\nTürkçe metin.\n")
        try site.write("content/smtp/pairs/251-551.md", "## Difference\n\nA curated note.\n")
        try #require(site.build().successValue != nil)
        let expected = site.outputFiles()

        var rewritten = 0
        for folder in [site.content, site.templates] {
            let enumerator = try #require(FileManager.default.enumerator(atPath: folder))
            while let relative = enumerator.nextObject() as? String {
                guard relative.hasSuffix(".md") || relative.hasSuffix(".yml") || relative.hasSuffix(".mustache") else { continue }
                let path = folder + "/" + relative
                let text = try String(contentsOfFile: path, encoding: .utf8)
                let crlf = Data(((rewritten % 2 == 0 ? "\u{FEFF}" : "") + text.replacingOccurrences(of: "\n", with: "\r\n")).utf8)
                try crlf.write(to: URL(fileURLWithPath: path))
                rewritten += 1
            }
        }
        #expect(rewritten > 20)
        let clean = site.root.appendingPathComponent("Clean").path
        let result = site.build(output: clean)
        #expect(result.failureValue == nil, "\(String(describing: result.failureValue))")
        let got = site.outputFiles(clean).filter { $0.key != ".versus-manifest" }
        #expect(got == expected.filter { $0.key != ".versus-manifest" })
    }

    @Test func invalidUTF8IsReportedWhereItIs() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let text = try String(contentsOfFile: site.content + "/smtp/251.md", encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let target = try #require(lines.firstIndex(of: "What 251 means, in *Markdown*."))
        // A stray byte after "What" on that line, with a non-ASCII letter before it on the line before.
        var edited = lines
        edited[target - 1] = "é"
        var bytes = Array(edited.joined(separator: "\n").utf8)
        let offset = edited.prefix(target).reduce(0) { $0 + $1.utf8.count + 1 } + 4
        bytes.insert(0xFF, at: offset)
        try Data(bytes).write(to: URL(fileURLWithPath: site.content + "/smtp/251.md"))
        #expect(site.errors().brief == ["251.md:\(target + 1): the file is not valid UTF-8 text"])
        #expect(site.errors().first?.location.column == 5)
    }

    @Test func slugsSpellOutLatinLettersAndRefuseTitlesWithoutAny() throws {
        #expect(Slug.make("Über Café") == "uber-cafe")
        #expect(Slug.make("Straße, Æther & Łódź") == "strasse-aether-lodz")
        #expect(Slug.make("Ørsted-Smørrebrød 5.7.1") == "orsted-smorrebrod-5-7-1")
        #expect(Slug.make("User Not Local") == "user-not-local")
        #expect(Slug.make("邮箱不可用") == "")

        let site = try TestSite()
        defer { site.cleanUp() }
        try site.writeCode("252", title: "\"邮箱不可用\"")
        let errors = site.errors()
        #expect(errors.brief.contains { $0.hasPrefix("252.md:3: the title \"邮箱不可用\" gives no URL slug") }, "\(errors.brief)")
        // With a slug given, it builds.
        try site.writeCode("252", title: "\"邮箱不可用\"", extraFrontMatter: "slug: mailbox-unavailable\n")
        #expect(site.build().successValue != nil)
        #expect(FileManager.default.fileExists(atPath: site.output + "/smtp/252-mailbox-unavailable/index.html"))
    }

    @Test func aKilledFirstBuildsStagingFolderIsRemovedByTheNextBuild() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        // A process id that cannot be running (above the kernel's limit), and one that is: this test's own parent.
        let dead = site.output + ".versus-partial-2147483646"
        let alive = site.output + ".versus-partial-\(getppid())"
        for folder in [dead, alive] {
            try FileManager.default.createDirectory(atPath: folder + "/smtp", withIntermediateDirectories: true)
            try Data("half".utf8).write(to: URL(fileURLWithPath: folder + "/smtp/index.html"))
        }
        #expect(site.build().successValue != nil)
        #expect(!FileManager.default.fileExists(atPath: dead), "a dead build's staging folder is removed")
        #expect(FileManager.default.fileExists(atPath: alive), "a running build's staging folder is left alone")
        #expect(FileManager.default.fileExists(atPath: site.output + "/index.html"))
    }

    @Test func twoBuildsIntoOneFolderAtOnceBothSucceed() async throws {
        let site = try TestSite(codes: ["211", "214", "220", "221", "250", "251", "450", "550", "551", "552"])
        defer { site.cleanUp() }
        let options = site.options()
        let results = try await offThePool {
            let outcomes = ParallelOutcomes()
            DispatchQueue.concurrentPerform(iterations: 2) { index in outcomes.set(index, SiteBuilder.build(options).failureValue) }
            return outcomes.values
        }
        #expect(results.allSatisfy { $0 == nil }, "\(results)")
        let clean = site.root.appendingPathComponent("Clean").path
        #expect(site.build(output: clean).successValue != nil)
        #expect(site.outputFiles().filter { $0.key != ".versus-manifest" } == site.outputFiles(clean).filter { $0.key != ".versus-manifest" })
    }
}

/// Two builds' outcomes, set from two threads.
final class ParallelOutcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String?] = [nil, nil]

    func set(_ index: Int, _ failure: BuildFailure?) {
        lock.lock(); defer { lock.unlock() }
        stored[index] = failure.map { "\($0)" }
    }

    var values: [String?] { lock.lock(); defer { lock.unlock() }; return stored }
}

@Suite struct CascadeTests {
    @Test func oneBrokenCodeFileGivesErrorsInThatFileOnly() throws {
        let site = try TestSite(codes: ["250", "450", "550", "551"])
        defer { site.cleanUp() }
        try site.writeCode("251", related: ["551"])
        try site.writeCode("252", related: ["251"])
        try site.write("content/smtp/251.tr.md", "---\ntitle: Başlık\n---\n")
        try site.write("content/smtp/pairs/251-551.md", "## Difference\n\nA note.\n")
        try site.write("content/smtp/pairs/251-551.tr.md", "## Difference\n\nBir not.\n")
        try #require(site.build().successValue != nil)

        // An unterminated quote in the front matter: the file cannot be read at all.
        let text = try String(contentsOfFile: site.content + "/smtp/251.md", encoding: .utf8)
        try site.write("content/smtp/251.md", text.replacingOccurrences(of: "title: Title 251", with: "title: \"Title 251"))
        let errors = site.errors()
        #expect(!errors.isEmpty)
        #expect(errors.allSatisfy { $0.location.file.hasSuffix("/smtp/251.md") }, "\(errors.brief)")
        // The open quote is reported on its own line (the title's), not where the parser gave up.
        #expect(errors.first?.location.line == 3, "\(errors.brief)")
        #expect(errors.first?.message.contains("quoted scalar") == true, "\(errors.brief)")
        // What it kept from being reported is told with it: the translation, two pair notes, 252's related.
        #expect(errors.count == 1, "\(errors.brief)")
        #expect(errors.first?.message.hasSuffix("(4 more errors follow from this one: other files name this code)") == true, "\(errors.brief)")

        // A code that really does not exist is still reported wherever it is named.
        try site.write("content/smtp/251.md", text)
        try site.writeCode("252", related: ["259"])
        #expect(site.errors().brief.contains { $0.hasPrefix("252.md:") && $0.contains("related code \"259\" does not exist") })
    }
}

@Suite struct SizeLimitTests {
    @Test func aContentFileOverTheLimitIsAnErrorGivingItsSize() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let text = try String(contentsOfFile: site.content + "/smtp/251.md", encoding: .utf8)
        let big = text + String(repeating: "A pasted log line that goes on and on.\n", count: 30_000)
        try site.write("content/smtp/251.md", big)
        #expect(site.errors().brief == ["251.md:1: the file is \(big.utf8.count) bytes; a content file may be at most 1048576 bytes (1 MB)"])
        // Just under the limit is fine.
        try site.write("content/smtp/251.md", text + String(repeating: "x", count: ContentFiles.sizeLimit - text.utf8.count - 1) + "\n")
        #expect(site.build().successValue != nil)
    }
}
