import Foundation
@testable import VersusKit

/// The repository's own content and templates, loaded and built once per test run into a temporary
/// folder, for the tests that judge the shipped site as its readers would.
enum ShippedSite {
    static let contentDirectory = TestSite.repository.appendingPathComponent("content").path
    static let templatesDirectory = TestSite.repository.appendingPathComponent("templates").path

    static let content: SiteContent? = ContentLoader.load(from: contentDirectory).0

    /// The output folder of a full build, or why it failed. Removed when the test process exits: it
    /// holds the whole site in every locale, about a gigabyte.
    static let output: Result<String, BuildFailure> = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("versus-shipped-\(UUID().uuidString)").path
        shippedOutputToRemove = folder
        atexit {
            if let folder = shippedOutputToRemove { try? FileManager.default.removeItem(atPath: folder) }
        }
        let options = BuildOptions(contentDirectory: contentDirectory, templatesDirectory: templatesDirectory,
                                   outputDirectory: folder)
        return SiteBuilder.build(options).map { _ in folder }
    }()

    /// Waits for the build off the cooperative pool (see `offThePool`); every test of the shipped site
    /// calls this first.
    static func ready() async throws {
        _ = try await offThePool { output.map { _ in true } }
    }

    static func page(_ relative: String) throws -> String {
        let folder = try output.get()
        return try String(contentsOfFile: folder + "/" + relative, encoding: .utf8)
    }

    /// Every .html file of one locale (the default locale's are those outside every locale folder).
    static func htmlFiles(locale: String) throws -> [String] {
        guard let byLocale = try htmlFilesByLocale.get()[locale] else { return [] }
        return byLocale
    }

    /// The whole output walked once (it holds about 180,000 pages), not once per locale per test.
    private static let htmlFilesByLocale: Result<[String: [String]], Error> = Result {
        let folder = try output.get()
        guard let config = content?.config else { throw ShippedSiteError.contentDoesNotLoad }
        let others = Set(config.locales.map(\.code).filter { $0 != config.defaultLocale })
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var files: [String: [String]] = [:]
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".html") else { continue }
            let first = relative.prefix { $0 != "/" }
            let pageLocale = others.contains(String(first)) ? String(first) : config.defaultLocale
            files[pageLocale, default: []].append(relative)
        }
        return files.mapValues { $0.sorted() }
    }
}

enum ShippedSiteError: Error { case contentDoesNotLoad }

/// Read only by the exit handler, after every test has finished.
nonisolated(unsafe) private var shippedOutputToRemove: String?

extension BuildFailure: CustomStringConvertible {
    public var description: String {
        switch self {
        case .invalidInput(let diagnostics): diagnostics.filter { $0.severity == .error }.prefix(20).map(\.description).joined(separator: "\n")
        case .badUsage(let message): message
        case .publishing(let message, _): message
        }
    }
}

/// Just enough HTML reading for tests: visible text, and the contents of elements found by a marker.
enum HTMLText {
    /// Visible text with tags removed and entities decoded; `pre` blocks (wire transcripts) dropped.
    static func visibleText(_ html: String) -> String {
        var text = html
        for element in ["pre", "script", "style", "head"] {
            while let start = text.range(of: "<\(element)"), let end = text.range(of: "</\(element)>", range: start.upperBound..<text.endIndex) {
                text.replaceSubrange(start.lowerBound..<end.upperBound, with: " ")
            }
        }
        return decode(stripTags(text))
    }

    static func stripTags(_ html: String) -> String {
        var result = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true; result.append(" ") }
            else if character == ">" { inTag = false }
            else if !inTag { result.append(character) }
        }
        return result
    }

    static func decode(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The inner HTML of each element that starts with `openingTag` (up to the matching closing tag name).
    static func elements(_ html: String, openingTag: String, closing: String) -> [String] {
        var results: [String] = []
        var rest = html[...]
        while let start = rest.range(of: openingTag) {
            guard let close = rest.range(of: ">", range: start.upperBound..<rest.endIndex),
                  let end = rest.range(of: closing, range: close.upperBound..<rest.endIndex) else { break }
            results.append(String(rest[close.upperBound..<end.lowerBound]))
            rest = rest[end.upperBound...]
        }
        return results
    }

    /// The value of `attribute` in each tag that contains `marker`, e.g. the content of meta description.
    static func attribute(_ attribute: String, inTagsContaining marker: String, of html: String) -> [String] {
        var values: [String] = []
        var rest = html[...]
        while let markerRange = rest.range(of: marker) {
            let tagStart = rest[..<markerRange.lowerBound].lastIndex(of: "<") ?? markerRange.lowerBound
            guard let tagEnd = rest.range(of: ">", range: markerRange.upperBound..<rest.endIndex) else { break }
            let tag = rest[tagStart..<tagEnd.lowerBound]
            if let valueStart = tag.range(of: attribute + "=\"") , let valueEnd = tag[valueStart.upperBound...].firstIndex(of: "\"") {
                values.append(decode(String(tag[valueStart.upperBound..<valueEnd])))
            }
            rest = rest[tagEnd.upperBound...]
        }
        return values
    }
}
