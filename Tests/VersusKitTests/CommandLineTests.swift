import Foundation
import TestSupport
import Testing

/// Runs the real `versus` executable, as CI and editors do, and checks its exit status and output.
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var executable: URL { VersusExecutable.url }

    /// Runs versus with the test's environment minus GitHub Actions' variables (the suite may itself run
    /// in GitHub Actions), plus `environment`.
    func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GITHUB_") }
            .merging(environment) { $1 }
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func buildUsesTheDefaultFoldersAndExitsZero() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let result = try run(["build"], in: site.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Built 40 pages"))
        #expect(FileManager.default.fileExists(atPath: site.output + "/tr/compare/smtp/251-title-251-vs-551-title-551/index.html"))
        let quiet = try run(["build", "--quiet", "--jobs", "1"], in: site.root)
        #expect(quiet.status == 0 && quiet.stdout.isEmpty && quiet.stderr.isEmpty)
    }

    @Test func contentErrorsExitOneWithCompilerStyleMessages() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("content/smtp/251.tr.md", "---\ntitle: X\n---\n## Descripton\n\nX\n")
        for command in ["build", "check"] {
            let result = try run([command], in: site.root)
            #expect(result.status == 1)
            #expect(result.stderr.contains("content/smtp/251.tr.md:4:1: error: unknown section \"Descripton\" (did you mean \"Description\"?)"))
            #expect(result.stderr.contains("nothing was written"))
        }
        #expect(!FileManager.default.fileExists(atPath: site.output))
    }

    @Test func checkWritesNothing() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let result = try run(["check"], in: site.root)
        #expect(result.status == 0)
        #expect(result.stdout.contains("40 pages would be built"))
        #expect(!FileManager.default.fileExists(atPath: site.output))
    }

    @Test(arguments: [["build", "--no-such-option"], ["build", "--jobs", "0"], ["frobnicate"], ["build", "--output", "content"],
                      ["build", "--base-url", "ftp://x"]])
    func badUsageExitsTwo(arguments: [String]) throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let result = try run(arguments, in: site.root)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test func helpDocumentsTheExitStatus() throws {
        let result = try run(["--help"], in: FileManager.default.temporaryDirectory)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Exit status: 0 success; 1 errors in content or templates"))
    }
}

@Suite struct CommandLineLinkTests {
    @Test func buildFailsOnABrokenLinkNamingPageAndTarget() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("content/smtp/pairs/250-251.md", "## Difference\n\nSee [gone](/smtp/999-gone/).\n")
        let result = try CommandLineTests().run(["build"], in: site.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("compare/smtp/250-title-250-vs-251-title-251/index.html: broken link -> /smtp/999-gone/"))
        let check = try CommandLineTests().run(["check", "--links"], in: site.root)
        #expect(check.status == 1 && check.stderr.contains("broken link -> /smtp/999-gone/"))
        let skipped = try CommandLineTests().run(["build", "--no-link-check"], in: site.root)
        #expect(skipped.status == 0)
    }
}
