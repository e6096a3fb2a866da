import Foundation
import Testing

/// The structure docs/ARCHITECTURE.md describes, checked on the sources themselves, so that it stays
/// true as the code changes.
@Suite struct ArchitectureTests {
    /// Each folder of VersusKit and its layer: a file may use what its own layer or a lower one declares.
    static let layers: [String: Int] = [
        "Support": 0,
        "Content": 1, "Translation": 1,
        "Markdown": 2, "Template": 2, "Site": 2, "Scaffold": 2,
        "Render": 3,
        "Check": 4,
        "Publish": 5,
        "Build": 6,
    ]

    static let sources = TestSite.repository.appendingPathComponent("Sources/VersusKit").path

    /// Every .swift file with its folder, and its text without comments and string literals.
    static func files() throws -> [(path: String, folder: String, code: String)] {
        var files: [(String, String, String)] = []
        let enumerator = try #require(FileManager.default.enumerator(atPath: sources))
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            let folder = String(relative.split(separator: "/")[0])
            let text = try String(contentsOfFile: sources + "/" + relative, encoding: .utf8)
            files.append((relative, folder, codeOnly(text)))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    static func codeOnly(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let comment = line.range(of: "//") else { return String(line) }
            return String(line[..<comment.lowerBound])
        }
        return lines.joined(separator: "\n").replacingOccurrences(of: #""[^"\n]*""#, with: "\"\"", options: .regularExpression)
    }

    static func declaredTypes(in code: String) -> [String] {
        let pattern = #"(?m)^(?:public |private |fileprivate |internal |package )?(?:final )?(?:struct|enum|class|protocol|typealias|actor) +([A-Za-z_][A-Za-z0-9_]*)"#
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: code, range: NSRange(code.startIndex..., in: code)).compactMap { match in
            Range(match.range(at: 1), in: code).map { String(code[$0]) }
        }
    }

    @Test func everyFolderHasALayer() throws {
        for file in try Self.files() {
            #expect(Self.layers[file.folder] != nil, "\(file.path) is in a folder with no layer: add it to ArchitectureTests.layers and docs/ARCHITECTURE.md")
        }
    }

    @Test func dependenciesRunOneWay() throws {
        let files = try Self.files()
        var owner: [String: String] = [:]
        for file in files { for name in Self.declaredTypes(in: file.code) { owner[name] = file.folder } }
        #expect(owner.count > 50, "the type scan found too few types to mean anything")
        var upward: [String] = []
        for file in files {
            let layer = Self.layers[file.folder] ?? 0
            for (name, folder) in owner where (Self.layers[folder] ?? 0) > layer {
                if file.code.range(of: "\\b\(name)\\b", options: .regularExpression) != nil {
                    upward.append("\(file.path) uses \(name) from \(folder)/")
                }
            }
        }
        #expect(upward.sorted() == [], "lower layers must not use higher ones")
    }

    @Test func theLayerCheckFindsAnUpwardUse() {
        // The check above must be able to fail: a Content file naming a Build type is caught.
        let code = Self.codeOnly("let options = BuildOptions() // Site\nlet text = \"SitePlan\"\n")
        #expect(code.range(of: "\\bBuildOptions\\b", options: .regularExpression) != nil)
        #expect(code.range(of: "\\bSitePlan\\b", options: .regularExpression) == nil, "string literals are not code")
        #expect(Self.declaredTypes(in: "public struct A {}\nenum B {}\n  struct Nested {}\nfinal class C {}") == ["A", "B", "C"])
    }

    @Test func theComparisonURLRuleIsWrittenOnce() throws {
        let rule = "\"-vs-\""
        var holders: [String] = []
        let enumerator = try #require(FileManager.default.enumerator(atPath: Self.sources))
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            let text = try String(contentsOfFile: Self.sources + "/" + relative, encoding: .utf8)
            if text.contains(rule) { holders.append(relative) }
        }
        #expect(holders == ["Site/SiteURLs.swift"])
        let script = try String(contentsOf: TestSite.repository.appendingPathComponent("templates/assets/site.js"), encoding: .utf8)
        #expect(!script.contains("-vs-"), "site.js takes comparison URLs from the page (data-url), not from a copy of the rule")
    }

    @Test func aPageKindIsOneFileAndOneRegistryLine() throws {
        let pages = Self.sources + "/Render/Pages"
        let kindFiles = try FileManager.default.contentsOfDirectory(atPath: pages).filter { $0.hasSuffix(".swift") }.sorted()
        let registry = try String(contentsOfFile: Self.sources + "/Render/PageKind.swift", encoding: .utf8)
        for file in kindFiles {
            let name = String(file.dropLast(".swift".count))
            #expect(registry.contains("        \(name).self,"), "\(name) is not registered in PageKinds.all")
        }
        for known in ["HomePage", "NotFoundPage", "FamilyPage", "CodePage", "ComparisonPage", "ComparisonRedirectPage"] {
            #expect(kindFiles.contains(known + ".swift"))
        }
        // No switch over page kinds anywhere else: kinds are told apart only through the registry.
        for file in try Self.files() where !file.path.hasPrefix("Render/Pages/") {
            for kind in kindFiles.map({ String($0.dropLast(".swift".count)) }) where file.path != "Render/PageKind.swift" {
                #expect(!file.code.contains(kind + "."), "\(file.path) reaches into \(kind)")
            }
        }
    }
}
