import Foundation

/// Stage 1b: the templates folder, parsed. Page templates sit at the top (`code.mustache`), partials in
/// `partials/`, and static files (the stylesheet) in `assets/`, copied to the site as they are.
public struct TemplateLibrary: Sendable {
    /// Page templates by name ("code" for code.mustache).
    public var pages: [String: Template]
    public var partials: [String: Template]
    /// Asset path relative to assets/ -> absolute file path on disk.
    public var assets: [(path: String, file: String)]
    /// A fingerprint of every template's source: a change to any template re-renders every page.
    public var sourceFingerprint: UInt64 = 0
    /// The text of every inline `<script>` (one with no attributes) in the templates, so that the
    /// Content-Security-Policy can allow exactly these by their hash.
    public var inlineScripts: [String] = []

    public var renderer: TemplateRenderer { TemplateRenderer(partials: partials) }

    /// Loads what it can; the library is nil only when the folder itself is missing. Whether the
    /// templates can be used is told by the diagnostics.
    /// - Parameter pageTemplates: the page templates the site's page kinds need, by name.
    public static func load(from directory: String, pageTemplates: [String]) -> (TemplateLibrary?, [Diagnostic]) {
        var diagnostics = DiagnosticList()
        let root = FolderPath.normalized(directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            diagnostics.error(SourceLocation(file: root), "templates folder not found")
            return (nil, diagnostics.sorted)
        }
        var pages: [String: Template] = [:]
        var fingerprint = StableHasher()
        var inlineScripts: [String] = []
        for page in pageTemplates {
            let file = "\(root)/\(page).mustache"
            guard let text = readTemplate(file, diagnostics: &diagnostics, required: true) else { continue }
            fingerprint.combine(page)
            fingerprint.combine(text)
            inlineScripts += Self.inlineScripts(in: text)
            if let template = parse(text, name: page, file: file, diagnostics: &diagnostics) { pages[page] = template }
        }
        let known = Set(pageTemplates.map { $0 + ".mustache" })
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted()
        where name.hasSuffix(".mustache") && !known.contains(name) {
            diagnostics.warning(SourceLocation(file: "\(root)/\(name)"), "not a page template (\(known.sorted().joined(separator: ", "))); shared pieces belong in partials/")
        }
        var partials: [String: Template] = [:]
        let partialsRoot = root + "/partials"
        for relative in FileSystem.listFiles(partialsRoot) where relative.hasSuffix(".mustache") {
            let name = String(relative.dropLast(".mustache".count))
            let file = partialsRoot + "/" + relative
            guard let text = readTemplate(file, diagnostics: &diagnostics, required: true) else { continue }
            fingerprint.combine(name)
            fingerprint.combine(text)
            inlineScripts += Self.inlineScripts(in: text)
            // A partial with a syntax error still counts as present (empty), so that the pages including it
            // are checked too and report their own mistakes in the same run.
            partials[name] = parse(text, name: name, file: file, diagnostics: &diagnostics) ?? Template(name: name, file: file, nodes: [])
        }
        let assetsRoot = root + "/assets"
        let assets = FileSystem.listFiles(assetsRoot).map { (path: $0, file: assetsRoot + "/" + $0) }
        let library = TemplateLibrary(pages: pages, partials: partials, assets: assets, sourceFingerprint: fingerprint.value,
                                      inlineScripts: Array(Set(inlineScripts)).sorted())
        return (library, diagnostics.sorted)
    }

    private static func readTemplate(_ file: String, diagnostics: inout DiagnosticList, required: Bool) -> String? {
        guard let data = FileManager.default.contents(atPath: file) else {
            if required { diagnostics.error(SourceLocation(file: file), "missing template") }
            return nil
        }
        switch SourceText.decode(data) {
        case .success(let text):
            return text
        case .failure(let invalid):
            diagnostics.error(SourceLocation(file: file, line: invalid.line, column: invalid.column), "the template is not valid UTF-8 text")
            return nil
        }
    }

    private static func parse(_ text: String, name: String, file: String, diagnostics: inout DiagnosticList) -> Template? {
        do {
            return try TemplateParser.parse(text, name: name, file: file)
        } catch {
            diagnostics.error(error.location, error.message)
            return nil
        }
    }

    /// The bodies of `<script>...</script>` elements written without attributes.
    static func inlineScripts(in text: String) -> [String] {
        var scripts: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "<script>"), let close = rest.range(of: "</script>", range: open.upperBound..<rest.endIndex) {
            scripts.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return scripts
    }
}
