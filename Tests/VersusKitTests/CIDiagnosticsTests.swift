import Foundation
import Testing
@testable import VersusKit

/// Diagnostics where CI tools and editors look: GitHub workflow commands, JSON lines, SARIF, and the
/// job summary, from the real `versus` executable on a site with mistakes.
@Suite struct CIDiagnosticsTests {
    let cli = CommandLineTests()

    /// A site with an error (a misspelt heading), a second error in another file, and a warning.
    static func brokenSite() throws -> TestSite {
        let site = try TestSite()
        let text = try String(contentsOfFile: site.content + "/smtp/251.md", encoding: .utf8)
        try site.write("content/smtp/251.md", text.replacingOccurrences(of: "## How to fix", with: "## How to fx"))
        try site.write("content/smtp/550.tr.md", "---\ntitle: Başlık\nsummry: Özet.\n---\n")
        try site.write("content/smtp/notes.txt", "not a code file\n")
        return site
    }

    /// The diagnostics of the plain form: "file:line:col: severity: message" lines on standard error.
    static func plainDiagnostics(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") || $0.contains(": warning: ") }
    }

    @Test func inGitHubActionsEveryDiagnosticIsAlsoAWorkflowCommand() throws {
        let site = try Self.brokenSite()
        defer { site.cleanUp() }
        let result = try cli.run(["check"], in: site.root, environment: ["GITHUB_ACTIONS": "true"])
        #expect(result.status == 1)
        let commands = result.stdout.split(separator: "\n").map(String.init)
        let fixLine = try #require(try String(contentsOfFile: site.content + "/smtp/251.md", encoding: .utf8)
            .components(separatedBy: "\n").firstIndex(of: "## How to fx")) + 1
        #expect(commands.contains(
            "::error file=content/smtp/251.md,line=\(fixLine),col=1,title=unknown section::unknown section \"How to fx\" (did you mean \"How to fix\"?)"),
            "\(commands)")
        #expect(commands.contains { $0.hasPrefix("::error file=content/smtp/550.tr.md,line=3,col=1,title=unknown field in a translation::") })
        #expect(commands.contains { $0.hasPrefix("::warning file=content/smtp/notes.txt,line=1,col=1,") })
        // One command per plain diagnostic, and the plain form is still there for people.
        #expect(commands.filter { $0.hasPrefix("::") }.count == Self.plainDiagnostics(result.stderr).count)

        // Outside GitHub Actions, standard output has none of them.
        let local = try cli.run(["check"], in: site.root)
        #expect(!local.stdout.contains("::error"))
    }

    @Test func workflowCommandsEscapeWhatWouldEndThem() {
        let diagnostic = Diagnostic.error(SourceLocation(file: "content/a,b:c.md", line: 3, column: 2), "50% done\nnext: line")
        let command = DiagnosticOutput.githubCommand(diagnostic, base: "/nowhere")
        #expect(command == "::error file=content/a%2Cb%3Ac.md,line=3,col=2,title=50%25 done next line::50%25 done%0Anext: line")
    }

    @Test func jsonLinesMatchThePlainDiagnosticsOneToOne() throws {
        let site = try Self.brokenSite()
        defer { site.cleanUp() }
        let plain = try cli.run(["check"], in: site.root)
        let json = try cli.run(["check", "--diagnostics", "json"], in: site.root)
        #expect(json.status == plain.status && json.status == 1)
        let objects = try json.stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        let rebuilt = objects.map { object in
            "\(object["file"] as? String ?? ""):\(object["line"] as? Int ?? 0):\(object["column"] as? Int ?? 0): "
                + "\(object["severity"] as? String ?? ""): \(object["message"] as? String ?? "")"
        }
        #expect(rebuilt == Self.plainDiagnostics(plain.stderr))
        #expect(objects.count >= 3)
        let unknown = try #require(objects.first { ($0["message"] as? String)?.hasPrefix("unknown section") == true })
        #expect(unknown["suggestion"] as? String == "How to fix")
        #expect(objects.contains { $0["suggestion"] is NSNull })
        // Standard output holds JSON only; the count of errors is for people, on standard error.
        #expect(json.stderr.contains("nothing was written"))
    }

    @Test func sarifValidatesAgainstTheSARIF210Schema() throws {
        let site = try Self.brokenSite()
        defer { site.cleanUp() }
        let sarif = try cli.run(["check", "--diagnostics", "sarif"], in: site.root)
        #expect(sarif.status == 1)
        let log = site.root.appendingPathComponent("versus.sarif")
        try Data(sarif.stdout.utf8).write(to: log)
        let schema = TestSite.repository.appendingPathComponent("Tests/Schemas/sarif-schema-2.1.0.json")
        #expect(try Self.validate(log, schema: schema) == "valid")

        let document = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let results = try #require(((document["runs"] as? [[String: Any]])?.first)?["results"] as? [[String: Any]])
        #expect(results.count == Self.plainDiagnostics(try cli.run(["check"], in: site.root).stderr).count)

        // The validator can fail: a log with a wrong version is refused.
        let wrong = site.root.appendingPathComponent("wrong.sarif")
        try Data(sarif.stdout.replacingOccurrences(of: "\"version\":\"2.1.0\"", with: "\"version\":\"2.0\"").utf8).write(to: wrong)
        #expect(try Self.validate(wrong, schema: schema) != "valid")
    }

    /// Validates with Python's jsonschema (installed by scripts/test from Tests/SiteChecks/requirements.txt).
    static func validate(_ document: URL, schema: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1])); document = json.load(open(sys.argv[2]))
            errors = list(jsonschema.Draft4Validator(schema).iter_errors(document))
            print("valid" if not errors else errors[0].message)
            """, schema.path, document.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func theJobSummaryGetsATableOfTheBuild() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let summary = site.root.appendingPathComponent("summary.md")
        try Data("Earlier step.\n".utf8).write(to: summary)
        let result = try cli.run(["build"], in: site.root, environment: ["GITHUB_STEP_SUMMARY": summary.path])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOf: summary, encoding: .utf8)
        #expect(text.hasPrefix("Earlier step.\n### versus build\n"), "appended, not replaced")
        for row in ["| Pages | 40 |", "| Files written |", "| Unchanged | 0 |", "| Removed | 0 |", "| Time |", "| Warnings |"] {
            #expect(text.contains(row), "\(row)")
        }
        #expect(text.range(of: #"\| Link check \| \d+ links in 40 pages resolve \|"#, options: .regularExpression) != nil)

        // A build that stops on errors says so, with the errors.
        let text251 = try String(contentsOfFile: site.content + "/smtp/251.md", encoding: .utf8)
        try site.write("content/smtp/251.md", text251.replacingOccurrences(of: "## How to fix", with: "## How to fx"))
        _ = try cli.run(["build"], in: site.root, environment: ["GITHUB_STEP_SUMMARY": summary.path])
        let after = try String(contentsOf: summary, encoding: .utf8)
        #expect(after.contains("Stopped on 2 errors; nothing was written."), "\(after)")
        #expect(after.contains("unknown section \"How to fx\""))
    }

    @Test func theWorkflowParsesAndNamesItsSteps() throws {
        let file = TestSite.repository.appendingPathComponent(".github/workflows/site.yml").path
        let text = try String(contentsOfFile: file, encoding: .utf8)
        guard case .success(let tree) = YAMLParser.parse(text, file: file) else { Issue.record("the workflow is not valid YAML"); return }
        guard case .mapping(let top, _) = tree, case .mapping(let jobs, _)? = top.first(where: { $0.key == "jobs" })?.value else {
            Issue.record("no jobs"); return
        }
        func steps(_ job: String) -> [(name: String, run: String, uses: String)] {
            guard case .mapping(let fields, _)? = jobs.first(where: { $0.key == job })?.value,
                  case .sequence(let items, _)? = fields.first(where: { $0.key == "steps" })?.value else { return [] }
            return items.map { item in
                guard case .mapping(let step, _) = item else { return ("", "", "") }
                func value(_ key: String) -> String {
                    if case .scalar(let text, _)? = step.first(where: { $0.key == key })?.value { return text }
                    return ""
                }
                return (value("name"), value("run"), value("uses"))
            }
        }
        let check = steps("check"), deploy = steps("deploy")
        #expect(check.contains { $0.run.contains("versus check") })
        #expect(check.contains { $0.run == "scripts/test" }, "the tests run on pull requests")
        #expect(check.contains { $0.uses.hasPrefix("actions/cache@") })
        #expect(deploy.contains { $0.run.hasPrefix("scripts/build-site") })
        for action in ["actions/configure-pages@", "actions/upload-pages-artifact@", "actions/deploy-pages@"] {
            #expect(deploy.contains { $0.uses.hasPrefix(action) }, "\(action)")
        }
        #expect(text.contains("pull_request:") && text.contains("branches: [main]"))
    }
}
