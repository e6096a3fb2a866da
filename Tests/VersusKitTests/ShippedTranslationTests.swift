import Foundation
import Testing
@testable import VersusKit

/// The shipped translations: every locale keeps to its glossary, and nothing translated is outdated.
@Suite(.tags(.shippedSite), .enabled(if: TestRun.includesShippedSite, "VERSUS_TESTS=fast leaves out the shipped site"))
struct ShippedTranslationTests {
    static let content = TestSite.repository.appendingPathComponent("content").path

    @Test func everyTranslatedLocaleHasAGlossaryAndKeepsToIt() throws {
        let (loaded, diagnostics) = ContentLoader.load(from: Self.content)
        let content = try #require(loaded)
        let glossaryWarnings = diagnostics.filter { $0.severity == .warning && $0.message.contains("glossary") }
        #expect(glossaryWarnings.isEmpty, "\(glossaryWarnings.prefix(10).map(\.description).joined(separator: "\n"))")
        // A locale with translated body text has a glossary for it.
        let translated = Set(content.families.flatMap(\.codes).flatMap { $0.translations.values.filter { !$0.sections.isEmpty }.map(\.locale) })
        let glossaries = Set(((try? FileManager.default.contentsOfDirectory(atPath: Self.content + "/glossary")) ?? [])
            .filter { $0.hasSuffix(".yml") }.map { String($0.dropLast(4)) })
        #expect(translated.subtracting(glossaries).sorted() == [], "locales with translated text but no glossary")
    }

    @Test func noShippedTranslationIsOutdatedOrUnrecorded() throws {
        let content = try #require(ContentLoader.load(from: Self.content).0)
        let items = TranslationFreshness.items(content)
        #expect(items.isEmpty, "\(items.prefix(10).map { "\($0.location): \($0.state) \($0.what)" }.joined(separator: "\n"))")
    }
}
