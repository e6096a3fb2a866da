import Foundation
import Testing
@testable import VersusKit

/// A rebuild that cannot finish writing (a full disk, a permission refused) leaves the output folder
/// byte for byte as it was, and the next build succeeds.
@Suite struct PublishFaultTests {
    /// Every file and folder below `folder` (hidden ones too): path -> bytes, or nil for a folder.
    static func snapshot(_ folder: String) -> [String: Data?] {
        var entries: [String: Data?] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return entries }
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isDirectory)
            entries[relative] = isDirectory.boolValue ? .some(nil) : FileManager.default.contents(atPath: folder + "/" + relative)
        }
        return entries
    }

    /// Edits that make the next build replace files, add files in new folders and remove stale ones.
    static func editForARebuild(_ site: TestSite) throws {
        try site.writeCode("251", title: "User Not Local")         // new URLs: new folders, stale pages
        try site.writeCode("450")                                  // new pages
        try site.remove("content/smtp/551.md")                     // stale pages
        try site.write("content/smtp/pairs/250-550.md", "## Difference\n\nA note.\n")
    }

    @Test(arguments: [ENOSPC, EACCES])
    func everyFailedChangeLeavesTheOutputAsItWas(errorNumber: Int32) async throws {
        let site = try TestSite(codes: ["250", "251", "550", "551"])
        defer { site.cleanUp() }
        try #require(site.build().successValue != nil)
        try Self.editForARebuild(site)
        let before = Self.snapshot(site.output)

        // Fail the 1st change, then the 2nd, ... until a build has nothing left to fail on. The builds
        // run off the cooperative pool (see `offThePool`); the checks stay here.
        let options = site.options(), output = site.output
        let (failing, problem) = try await offThePool { () -> (Int, String?) in
            var failing = 1
            while true {
                var faulty = options
                faulty.faultInjection = FaultInjection(failChange: failing, errorNumber: errorNumber)
                guard case .failure(let failure) = SiteBuilder.build(faulty) else { return (failing, nil) }
                guard case .publishing = failure else { return (failing, "change \(failing): \(failure)") }
                let after = Self.snapshot(output)
                let differing = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
                if !differing.isEmpty { return (failing, "change \(failing) failed: the output differs in \(differing.prefix(5))") }
                failing += 1
            }
        }
        #expect(problem == nil, "\(problem ?? "")")
        if problem != nil { return }
        // A rebuild changes dozens of files, and every one of those changes was made to fail once.
        #expect(failing > 40, "only \(failing - 1) changes were tried")
        // The build that got through made the same site as a clean build.
        let clean = site.root.appendingPathComponent("Clean").path
        try #require(site.build(output: clean).successValue != nil)
        #expect(site.outputFiles() == site.outputFiles(clean))
        #expect(!Self.snapshot(site.output).keys.contains { $0.contains(".versus-staging-") })
    }

    @Test func aBuildKilledWhileCommittingIsRepairedByTheNextOne() throws {
        let site = try TestSite(codes: ["250", "251", "550", "551"])
        defer { site.cleanUp() }
        try #require(site.build().successValue != nil)
        // What a build killed half-way through its commit leaves: a staging folder of a process that
        // is gone, with the commit marker, and some files already new.
        let dead = site.output + "/" + Publisher.stagingPrefix + "2147483646"
        try FileManager.default.createDirectory(atPath: dead, withIntermediateDirectories: true)
        try Data().write(to: URL(fileURLWithPath: dead + "/" + Publisher.commitMarker))
        try Data("half new".utf8).write(to: URL(fileURLWithPath: dead + "/7"))
        let page = site.output + "/smtp/250-title-250/index.html"
        let original = try #require(FileManager.default.contents(atPath: page))
        // Same size as before, different bytes: a manifest alone cannot tell.
        try Data(String(repeating: "x", count: original.count).utf8).write(to: URL(fileURLWithPath: page))

        #expect(site.build().successValue != nil)
        #expect(FileManager.default.contents(atPath: page) == original, "the page the manifest cannot vouch for is made again")
        #expect(!FileManager.default.fileExists(atPath: dead))
        let clean = site.root.appendingPathComponent("Clean").path
        try #require(site.build(output: clean).successValue != nil)
        #expect(site.outputFiles() == site.outputFiles(clean))
    }

    /// The same on a real full disk: a tiny tmpfs, filled up. Needs root (mount); skipped otherwise.
    @Test(.enabled(if: TinyDisk.canMount, "mounting a tmpfs needs root"))
    func aRebuildOnAFullDiskLeavesTheOldSiteByteIdentical() throws {
        let site = try TestSite(codes: ["250", "251", "550", "551"])
        defer { site.cleanUp() }
        let disk = try TinyDisk(megabytes: 4)
        defer { disk.unmount() }
        let output = disk.path + "/Output"
        try #require(site.build(output: output).successValue != nil)
        let before = Self.snapshot(output)

        // Fill the disk, then change every page (a template edit).
        let filler = disk.path + "/filler"
        _ = FileManager.default.createFile(atPath: filler, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: filler))
        let block = Data(count: 64 * 1024)
        while (try? handle.write(contentsOf: block)) != nil {}
        try? handle.close()
        let footer = try String(contentsOfFile: site.templates + "/partials/footer.mustache", encoding: .utf8)
        try site.write("templates/partials/footer.mustache", footer + "<!-- changed -->\n")

        let result = site.build(output: output)
        guard case .failure(.publishing(let message, _)) = result else {
            Issue.record("the build on a full disk should fail to publish, got \(result)")
            return
        }
        #expect(message.contains("No space left on device"), "\(message)")
        #expect(Self.snapshot(output) == before, "the old site is byte-identical")

        // Room again: the next build succeeds.
        try FileManager.default.removeItem(atPath: filler)
        #expect(site.build(output: output).successValue != nil)
        let clean = site.root.appendingPathComponent("Clean").path
        try #require(site.build(output: clean).successValue != nil)
        #expect(site.outputFiles(output) == site.outputFiles(clean))
    }
}

/// A tmpfs of a few megabytes mounted in a temporary folder.
struct TinyDisk {
    let path: String

    static let canMount: Bool = {
        guard getuid() == 0, let disk = try? TinyDisk(megabytes: 1) else { return false }
        disk.unmount()
        return true
    }()

    init(megabytes: Int) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("versus-tiny-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let status = Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(megabytes)m", "tmpfs", path])
        guard status == 0 else {
            try? FileManager.default.removeItem(atPath: path)
            throw CocoaError(.fileWriteUnknown)
        }
    }

    func unmount() {
        _ = Self.run("/bin/umount", [path])
        try? FileManager.default.removeItem(atPath: path)
    }

    private static func run(_ tool: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
