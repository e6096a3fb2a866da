import Foundation
import Testing
@testable import VersusKit

/// What the output tells its host: content-named assets, security headers, and per-locale 404 rules.
@Suite struct HostFilesTests {
    /// Every asset URL a page links, as found in the built HTML.
    static func assetLinks(_ html: String) -> Set<String> {
        Set(HTMLLinks.attributeValues(in: html, names: ["href", "src"]).filter { $0.contains("/assets/") })
    }

    @Test func aStylesheetChangeGivesEveryPageANewAssetURLAndNoneLinksTheOld() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try #require(site.build().successValue != nil)
        let oldStylesheet = try TestSite.assetFile("style.css", in: site.output)
        let oldScript = try TestSite.assetFile("site.js", in: site.output)

        let css = try String(contentsOfFile: site.templates + "/assets/style.css", encoding: .utf8)
        try site.write("templates/assets/style.css", css + "\n.new-rule { color: inherit; }\n")
        let report = try #require(site.build().successValue)
        let newStylesheet = try TestSite.assetFile("style.css", in: site.output)
        #expect(newStylesheet != oldStylesheet)
        #expect(try TestSite.assetFile("site.js", in: site.output) == oldScript, "an unchanged asset keeps its name")
        #expect(!FileManager.default.fileExists(atPath: site.output + "/" + oldStylesheet), "the old name is no longer written")
        #expect(!FileManager.default.fileExists(atPath: site.output + "/assets/style.css"))

        let pages = site.outputFiles().filter { $0.key.hasSuffix(".html") }
        #expect(pages.count == report.pageCount)
        var linking = 0
        for (path, bytes) in pages {
            let html = String(decoding: bytes, as: UTF8.self)
            let links = Self.assetLinks(html)
            #expect(!links.contains("/" + oldStylesheet), "\(path) still links the old stylesheet")
            // Every page but the reverse-order redirects (a few bytes, no stylesheet) links the new one.
            if html.contains("http-equiv=\"refresh\"") { continue }
            #expect(links.contains("/" + newStylesheet), "\(path) does not link the new stylesheet")
            linking += 1
        }
        #expect(linking > pages.count / 2)
    }

    @Test func namesCarryTheContentHashBeforeTheExtension() {
        #expect(SiteURLs.fingerprinted("style.css", bytes: Array("a".utf8)).range(of: #"^style\.[0-9a-f]{8}\.css$"#, options: .regularExpression) != nil)
        #expect(SiteURLs.fingerprinted("img/logo.svg", bytes: [1]).hasPrefix("img/logo."))
        #expect(SiteURLs.fingerprinted("LICENSE", bytes: [1]).hasPrefix("LICENSE."))
        #expect(SiteURLs.fingerprinted("style.css", bytes: [1]) != SiteURLs.fingerprinted("style.css", bytes: [2]))
    }

    @Test func sha256MatchesTheStandardsAnswersAndPython() throws {
        // FIPS 180-4's example "abc", and an input longer than one block.
        #expect(SHA256.digest(Array("abc".utf8)).map { String(format: "%02x", $0) }.joined()
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = String(repeating: "document.documentElement.classList.add(\"js\")", count: 5)
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", "import sys, hashlib, base64; print(base64.b64encode(hashlib.sha256(sys.argv[1].encode()).digest()).decode())", long]
        let out = Pipe()
        python.standardOutput = out
        try python.run()
        let expected = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        python.waitUntilExit()
        #expect(Data(SHA256.digest(Array(long.utf8))).base64EncodedString() == expected)
    }

    @Test func theHeadersFileAllowsExactlyTheTemplatesInlineScript() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try #require(site.build().successValue != nil)
        let headers = try site.read("_headers")
        let templates = try #require(TemplateLibrary.load(from: site.templates, pageTemplates: PageKinds.templates).0)
        #expect(templates.inlineScripts == ["document.documentElement.classList.add(\"js\")"])
        let hash = Data(SHA256.digest(Array(templates.inlineScripts[0].utf8))).base64EncodedString()
        #expect(headers.hasPrefix("/*\n  Content-Security-Policy: default-src 'self'; script-src 'self' 'sha256-\(hash)'; style-src 'self';"))
        #expect(!headers.contains("unsafe-inline"))
        #expect(headers.contains("  X-Content-Type-Options: nosniff\n"))
        #expect(headers.contains("  Referrer-Policy: strict-origin-when-cross-origin\n"))
        #expect(headers.contains("  Permissions-Policy: "))
        #expect(headers.contains("/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n"))

        // Another inline script in a template: its hash joins the policy.
        let footer = try String(contentsOfFile: site.templates + "/partials/footer.mustache", encoding: .utf8)
        try site.write("templates/partials/footer.mustache", footer + "<script>console.log(1)</script>\n")
        try #require(site.build().successValue != nil)
        let second = Data(SHA256.digest(Array("console.log(1)".utf8))).base64EncodedString()
        #expect(try site.read("_headers").contains("'sha256-\(second)'"))
    }

    @Test func addingALocaleAddsIts404RuleToTheServerBlockAndRedirects() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        func block() throws -> String {
            try HostConfiguration.nginx(content: site.content, templates: site.templates, root: "/srv/site", serverName: nil).get()
        }
        let before = try block()
        #expect(before.contains("location /tr/ {\n        try_files $uri $uri/ =404;\n        error_page 404 /tr/404.html;"))
        #expect(!before.contains("/de/"))
        #expect(before.contains("server_name example.org;") && before.contains("root /srv/site;"))

        try FileManager.default.copyItem(atPath: TestSite.repository.appendingPathComponent("content/locales/de.yml").path,
                                         toPath: site.content + "/locales/de.yml")
        let config = try String(contentsOfFile: site.content + "/site.yml", encoding: .utf8)
        try site.write("content/site.yml", config + "\n  - code: de\n    name: Deutsch\n    direction: ltr\n")
        let after = try block()
        #expect(after.contains("location /de/ {\n        try_files $uri $uri/ =404;\n        error_page 404 /de/404.html;"))
        try #require(site.build().successValue != nil)
        #expect(try site.read("_redirects") == "/tr/*  /tr/404.html  404\n/de/*  /de/404.html  404\n/*  /404.html  404\n")

        // Sources with errors give no server block, but their diagnostics.
        try site.write("content/site.yml", "base_url: nope\n")
        guard case .failure(.invalidInput(let diagnostics)) = HostConfiguration.nginx(content: site.content, templates: site.templates,
                                                                                        root: "/srv/site", serverName: nil) else {
            Issue.record("expected errors"); return
        }
        #expect(diagnostics.contains { $0.message.contains("base_url must start with https://") })
    }
}

@Suite struct ShippedServerBlockTests {
    @Test func docsNginxConfIsWhatNginxConfWritesForTheShippedSite() throws {
        let repository = TestSite.repository
        let written = try HostConfiguration.nginx(content: repository.appendingPathComponent("content").path,
                                                  templates: repository.appendingPathComponent("templates").path,
                                                  root: "/srv/versus/Output", serverName: nil).get()
        let documented = try String(contentsOf: repository.appendingPathComponent("docs/nginx.conf"), encoding: .utf8)
        #expect(written == documented, "docs/nginx.conf is stale: run `swift run versus nginx-conf > docs/nginx.conf`")
    }
}
