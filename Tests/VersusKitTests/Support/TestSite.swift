import Foundation
@testable import VersusKit

/// A small site in a fresh temporary folder: the repository's real locale files and templates, plus
/// whatever codes, translations and pair notes a test writes.
struct TestSite {
    let root: URL
    var content: String { root.appendingPathComponent("content").path }
    var templates: String { root.appendingPathComponent("templates").path }
    var output: String { root.appendingPathComponent("Output").path }

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A site with en + tr, the smtp family, and one simple valid file per code in `codes`.
    init(codes: [String] = ["250", "251", "550", "551"]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("versus-test-\(UUID().uuidString)")
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("content/smtp/pairs"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("content/locales"), withIntermediateDirectories: true)
        for locale in ["en", "tr"] {
            try fm.copyItem(at: Self.repository.appendingPathComponent("content/locales/\(locale).yml"),
                            to: root.appendingPathComponent("content/locales/\(locale).yml"))
        }
        try fm.copyItem(at: Self.repository.appendingPathComponent("templates"), to: root.appendingPathComponent("templates"))
        try write("content/site.yml", """
            base_url: https://example.org/
            default_locale: en
            locales:
              - code: en
                name: English
                direction: ltr
              - code: tr
                name: Türkçe
                direction: ltr
            """)
        try write("content/smtp/family.yml", """
            name: SMTP
            code_pattern: "[2-5][0-9][0-9]"
            class_range: "{class}xx"
            classes:
              "2":
                en: Positive Completion
                tr: Olumlu Tamamlanma
              "3":
                en: Positive Intermediate
                tr: Olumlu Ara Yanıt
              "4":
                en: Transient Negative Completion
                tr: Geçici Olumsuz Tamamlanma
              "5":
                en: Permanent Negative Completion
                tr: Kalıcı Olumsuz Tamamlanma
            """)
        for code in codes { try writeCode(code) }
    }

    func write(_ relative: String, _ text: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func remove(_ relative: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(relative))
    }

    func writeCode(_ code: String, title: String? = nil, related: [String] = [], extraFrontMatter: String = "",
                   body: String? = nil) throws {
        let frontMatter = """
            ---
            code: \(code)
            title: \(title ?? "Title \(code)")
            status: standard
            summary: Code \(code) says something complete about the transaction.
            rfcs: [5321 4.2.2]
            commands: [RCPT]
            used_with: [\(code.hasPrefix("3") ? "" : code.prefix(1) + ".1.1")]
            related: [\(related.joined(separator: ", "))]
            \(extraFrontMatter)---

            """
        try write("content/smtp/\(code).md", frontMatter + (body ?? """
            ## Description

            What \(code) means, in *Markdown*.

            ## When you see it

            After `RCPT TO`.

            ## How to fix

            Check the "address" -- then try again.
            """))
    }

    /// A translation of everything `writeCode` writes (title, summary, every section): the page counts
    /// as translated, so it is indexed.
    func writeCompleteTranslation(_ code: String, locale: String = "tr") throws {
        try write("content/smtp/\(code).\(locale).md", """
            ---
            title: Başlık \(code)
            summary: \(code) kodunun özeti.
            ---
            ## Description

            \(code) ne demek.

            ## When you see it

            `RCPT TO` sonrasında.

            ## How to fix

            Adresi denetleyin.
            """)
    }

    func read(_ relativeOutput: String) throws -> String {
        try String(contentsOfFile: output + "/" + relativeOutput, encoding: .utf8)
    }

    func options(jobs: Int = 2, output: String? = nil) -> BuildOptions {
        BuildOptions(contentDirectory: content, templatesDirectory: templates, outputDirectory: output ?? self.output,
                     jobs: jobs)
    }

    /// Builds and returns the report, or why it failed.
    func build(jobs: Int = 2, output: String? = nil) -> Result<BuildReport, BuildFailure> {
        SiteBuilder.build(options(jobs: jobs, output: output))
    }

    /// The errors of a build that is expected to fail on its input (empty if it did not fail that way).
    func errors() -> [Diagnostic] {
        if case .failure(.invalidInput(let diagnostics)) = build() { return diagnostics.filter { $0.severity == .error } }
        return []
    }

    /// Every file below the output folder: relative path -> bytes.
    func outputFiles(_ folder: String? = nil) -> [String: Data] {
        let base = folder ?? output
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return files }
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = FileManager.default.contents(atPath: base + "/" + relative)
            }
        }
        return files
    }

    func cleanUp() { try? FileManager.default.removeItem(at: root) }

    /// The published name of an asset ("style.css" -> "assets/style.3f9a1c2e.css") in a built folder.
    static func assetFile(_ name: String, in folder: String) throws -> String {
        let stem = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
        let files = try FileManager.default.contentsOfDirectory(atPath: folder + "/assets")
            .filter { $0.hasPrefix(stem + ".") && $0.hasSuffix("." + ext) && $0 != name }
        guard files.count == 1 else { throw CocoaError(.fileNoSuchFile) }
        return "assets/" + files[0]
    }
}

extension Result {
    var failureValue: Failure? { if case .failure(let error) = self { error } else { nil } }
    var successValue: Success? { if case .success(let value) = self { value } else { nil } }
}

extension [Diagnostic] {
    /// "file-name:line: message" for each, for readable expectations.
    var brief: [String] {
        map { "\(($0.location.file as NSString).lastPathComponent):\($0.location.line): \($0.message)" }
    }
}
