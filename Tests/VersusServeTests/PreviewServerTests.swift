import Foundation
import TestSupport
import Testing
@testable import VersusKit
@testable import VersusServe

/// Starts the real `versus serve` on a free loopback port against a small site in a temporary folder.
///
/// The server runs in its own process, as editors run it. In-process, its request handlers would share the
/// test run's two cooperative threads with suites that render the shipped site, and wait minutes for one.
final class RunningPreview: Sendable {
    let root: URL
    let port: Int
    private let process: Process

    var content: String { root.appendingPathComponent("content").path }
    var output: String { root.appendingPathComponent("Output").path }

    init() async throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("versus-serve-test-\(UUID().uuidString)")
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("content/smtp"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("content/locales"), withIntermediateDirectories: true)
        for locale in ["en", "tr"] {
            try fm.copyItem(at: repository.appendingPathComponent("content/locales/\(locale).yml"),
                            to: root.appendingPathComponent("content/locales/\(locale).yml"))
        }
        try fm.copyItem(at: repository.appendingPathComponent("templates"), to: root.appendingPathComponent("templates"))
        try Data("base_url: https://example.org/\ndefault_locale: en\nlocales:\n  - code: en\n    name: English\n  - code: tr\n    name: Türkçe\n".utf8)
            .write(to: root.appendingPathComponent("content/site.yml"))
        try Data("name: SMTP\ncode_pattern: \"[2-5][0-9][0-9]\"\nclasses:\n  \"2\":\n    en: Positive Completion\n    tr: Olumlu\n  \"5\":\n    en: Permanent Negative Completion\n    tr: Kalıcı\n".utf8)
            .write(to: root.appendingPathComponent("content/smtp/family.yml"))
        for code in ["250", "550"] { try Self.writeCode(code, summary: "First words.", in: root) }
        // A file outside the served folder, and a symbolic link inside it pointing there.
        try Data("secret".utf8).write(to: root.appendingPathComponent("secret.txt"))

        process = Process()
        process.executableURL = VersusExecutable.url
        process.arguments = ["serve", "--content", root.appendingPathComponent("content").path,
                             "--templates", root.appendingPathComponent("templates").path,
                             "--output", root.appendingPathComponent("Output").path,
                             "--base-url", "http://127.0.0.1/", "--jobs", "2", "--port", "0"]
        let standardOutput = Pipe()
        process.standardOutput = standardOutput
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first line names the port: "Serving … at http://127.0.0.1:PORT/ (Ctrl-C stops)."
        let line = try await Self.firstLine(of: standardOutput.fileHandleForReading)
        guard let port = line.split(separator: ":").dropFirst(2).first.flatMap({ Int($0.prefix { $0.isNumber }) }) else {
            process.terminate()
            throw PreviewFailure(message: "versus serve printed no port: \(line)")
        }
        self.port = port
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("Output/leak.txt").path,
                                  withDestinationPath: root.appendingPathComponent("secret.txt").path)
    }

    /// Runs `body` against a fresh preview and stops the server afterwards, also when `body` throws.
    static func with(_ body: (RunningPreview) async throws -> Void) async throws {
        let preview = try await RunningPreview()
        do { try await body(preview) } catch { await preview.stop(); throw error }
        await preview.stop()
    }

    struct PreviewFailure: Error { var message: String }

    /// Reads up to the first newline on a thread of its own, so no cooperative thread blocks on the pipe.
    static func firstLine(of handle: FileHandle) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                var bytes: [UInt8] = []
                while true {
                    let chunk = handle.readData(ofLength: 1)
                    if chunk.isEmpty {
                        continuation.resume(throwing: PreviewFailure(message: "versus serve exited: \(String(decoding: bytes, as: UTF8.self))"))
                        return
                    }
                    if chunk.first == UInt8(ascii: "\n") { break }
                    bytes += chunk
                }
                continuation.resume(returning: String(decoding: bytes, as: UTF8.self))
            }.start()
        }
    }

    static func writeCode(_ code: String, summary: String, title: String? = nil, in root: URL) throws {
        let text = "---\ncode: \(code)\ntitle: \(title ?? "Title \(code)")\nstatus: standard\nsummary: \(summary)\n---\n## Description\n\nAbout \(code).\n\n## When you see it\n\nOften.\n\n## How to fix\n\nFix it.\n"
        try Data(text.utf8).write(to: root.appendingPathComponent("content/smtp/\(code).md"))
    }

    func get(_ path: String, headers: [String: String] = [:], method: String = "GET") throws -> RawHTTP.Response {
        try RawHTTP.request(port: port, method: method, path: path, headers: headers)
    }

    /// Polls until `condition` holds for the page, for at most `seconds`.
    func waitFor(_ path: String, seconds: Double = 8, _ condition: (RawHTTP.Response) -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition(try get(path)) { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    /// Sends `signal` (SIGTERM by default, SIGINT is Ctrl-C) and waits up to ten seconds for the server to
    /// exit; kills it after that. Tells whether it stopped on its own.
    @discardableResult
    func stop(signal: Int32 = SIGTERM) async -> Bool {
        if process.isRunning { kill(process.processIdentifier, signal) }
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { try? await Task.sleep(for: .milliseconds(50)) }
        let stopped = !process.isRunning
        if !stopped { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: root)
        return stopped
    }
}

@Suite(.serialized) struct PreviewServerTests {
    @Test func servesPagesWithPrettyURLsTypesAndTheSites404() async throws {
        try await RunningPreview.with { preview in
            let page = try preview.get("/smtp/250-title-250/")
            #expect(page.status == 200)
            #expect(page.headers["content-type"] == "text/html; charset=utf-8")
            #expect(page.body.contains("<h1><span class=\"code-number\" dir=\"ltr\">250</span>"))
            // The live-reload script is in the response, never in the built file.
            #expect(page.body.contains("<script src=\"/__versus/live.js\"></script>\n</body>"))
            let built = try String(contentsOfFile: preview.output + "/smtp/250-title-250/index.html", encoding: .utf8)
            #expect(!built.contains("__versus"))

            #expect(try preview.get("/smtp/250-title-250").status == 301)
            #expect(try preview.get("/smtp/250-title-250").headers["location"] == "/smtp/250-title-250/")
            let stylesheet = try #require(try FileManager.default.contentsOfDirectory(atPath: preview.output + "/assets")
                .first { $0.hasPrefix("style.") && $0.hasSuffix(".css") })
            #expect(try preview.get("/assets/" + stylesheet).headers["content-type"] == "text/css; charset=utf-8")
            #expect(try preview.get("/search-index.json").headers["content-type"] == "application/json; charset=utf-8")

            let missing = try preview.get("/tr/smtp/999-nope/")
            #expect(missing.status == 404)
            #expect(missing.body.contains("<html lang=\"tr\""))
            #expect(try preview.get("/nothing-here").body.contains("<html lang=\"en\""))

            let head = try preview.get("/smtp/", method: "HEAD")
            #expect(head.status == 200 && head.body.isEmpty)

            let etag = try #require(page.headers["etag"])
            #expect(try preview.get("/smtp/250-title-250/", headers: ["If-None-Match": etag]).status == 304)
        }
    }

    @Test func noPathLeadsOutOfTheServedFolder() async throws {
        try await RunningPreview.with { preview in
            let attempts = ["/../secret.txt", "/smtp/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/secret.txt",
                            "/..%2fsecret.txt", "/.%2e/secret.txt", "/smtp/%2e%2e%2f%2e%2e%2fsecret.txt", "/..\\secret.txt",
                            "/%5c..%5csecret.txt", "//etc/passwd", "/etc/passwd", "/leak.txt", "/%00/secret.txt",
                            "/./index.html"]
            for path in attempts {
                let response = try preview.get(path)
                #expect(response.status == 404 || response.status == 400, "\(path) answered \(response.status)")
                #expect(!response.body.contains("secret") && !response.body.contains("root:"), "\(path) leaked a file")
            }
        }
    }

    @Test func aSavedChangeIsRebuiltAndAnnouncedAndErrorsKeepTheLastGoodPage() async throws {
        try await RunningPreview.with { preview in
            let events = try RawHTTP.EventStream(port: preview.port)
            let first = try #require(events.next())
            #expect(first.contains("\"errors\":[]"))

            // An edit is rebuilt and announced with a new generation.
            try RunningPreview.writeCode("550", summary: "Edited words.", in: preview.root)
            #expect(try await preview.waitFor("/smtp/550-title-550/") { $0.body.contains("Edited words.") })
            let reload = try #require(events.next())
            #expect(reload != first && reload.contains("\"errors\":[]"))

            // A mistake: the error is announced with file and line, and the last good page stays served.
            try Data("---\ncode: 550\ntitle: Title 550\nstatus: standard\nsummary: Broken.\n---\n## Descripton\n\nX\n".utf8)
                .write(to: preview.root.appendingPathComponent("content/smtp/550.md"))
            var errorEvent: String?
            for _ in 0..<5 {
                guard let event = events.next() else { break }
                if event.contains("Descripton") { errorEvent = event; break }
            }
            let error = try #require(errorEvent)
            #expect(error.contains("content/smtp/550.md:7:1: error: unknown section \\\"Descripton\\\""))
            let stillServed = try preview.get("/smtp/550-title-550/")
            #expect(stillServed.status == 200 && stillServed.body.contains("Edited words."))

            // Fixing the file clears it on the next save.
            try RunningPreview.writeCode("550", summary: "Fixed words.", in: preview.root)
            #expect(try await preview.waitFor("/smtp/550-title-550/") { $0.body.contains("Fixed words.") })
            var cleared = false
            for _ in 0..<5 {
                guard let event = events.next() else { break }
                if event.contains("\"errors\":[]") { cleared = true; break }
            }
            #expect(cleared)
            #expect(try preview.get("/__versus/live.js").body.contains("EventSource(\"/__versus/events\")"))

            // Ctrl-C stops the server even while a page holds the event stream open.
            #expect(await preview.stop(signal: SIGINT))
        }
    }

    @Test func onlyLoopbackAddressesCountAsLoopback() {
        #expect(PreviewServer.isLoopback("127.0.0.1") && PreviewServer.isLoopback("::1") && PreviewServer.isLoopback("localhost"))
        #expect(!PreviewServer.isLoopback("0.0.0.0") && !PreviewServer.isLoopback("192.0.2.1") && !PreviewServer.isLoopback("::"))
    }
}
