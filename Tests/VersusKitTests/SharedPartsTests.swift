import Testing
@testable import VersusKit

/// Sections over shared values are rendered once per thread and copied onto later pages: what a page
/// gets must be exactly what rendering it on its own gives, whatever the template reads.
@Suite struct SharedPartsTests {
    /// A language menu like the real one: one link per locale, each ending in the page's own path.
    func menu(path: String, current: Int) -> TemplateValue {
        .shared(SharedValue(key: 0, path: path) { path in
            .list(["en", "de", "fr"].enumerated().map { index, code in
                .object(["code": .text(code), "url": .text("/\(code)/\(path)"), "current": .bool(index == current)])
            })
        })
    }

    func page(_ path: String, title: String, current: Int = 1) -> TemplateObject {
        ["languages": menu(path: path, current: current), "page_title": .text(title), "t": .object(["label": .text("Sprachen")])]
    }

    func renderer(_ source: String) throws -> (Template, TemplateRenderer) {
        let template = try TemplateParser.parse(source, name: "t", file: "t.mustache")
        var renderer = TemplateRenderer(partials: [:])
        renderer.localeConstantNames = ["t"]
        return (template, renderer)
    }

    func text(_ template: Template, _ renderer: TemplateRenderer, _ data: TemplateObject, locale: Int = 1, parts: SharedParts?) -> String {
        var output: [UInt8] = []
        renderer.render(template, data, locale: locale, parts: parts, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    @Test func aSectionThatReadsOnlyItsValueIsKeptAndGivesEachPageItsOwnPath() throws {
        let (template, renderer) = try renderer("<h1>{{page_title}}</h1>{{#languages}}<a href=\"{{url}}\" title=\"{{t.label}}\"{{#current}} aria-current=\"page\"{{/current}}>{{code}}</a>{{/languages}}")
        let parts = SharedParts()
        let pages = [page("smtp/550/", title: "550"), page("smtp/551/", title: "551"), page("compare/smtp/a-vs-b/", title: "A & B")]
        for data in pages {
            #expect(text(template, renderer, data, parts: parts) == text(template, renderer, data, parts: nil))
        }
        #expect(text(template, renderer, pages[1], parts: parts)
            == "<h1>551</h1><a href=\"/en/smtp/551/\" title=\"Sprachen\">en</a><a href=\"/de/smtp/551/\" title=\"Sprachen\" aria-current=\"page\">de</a><a href=\"/fr/smtp/551/\" title=\"Sprachen\">fr</a>")
        #expect(parts.entries.count == 1)
        #expect(parts.entries.values.allSatisfy { $0 != nil })
    }

    @Test func aSectionThatReadsAPageValueIsRenderedOnEveryPage() throws {
        // An editor puts the page's title into every link of the menu: it differs page by page.
        let (template, renderer) = try renderer("{{#languages}}<a href=\"{{url}}\">{{code}}: {{page_title}}</a>{{/languages}}")
        let parts = SharedParts()
        let first = text(template, renderer, page("smtp/550/", title: "Mailbox unavailable"), parts: parts)
        let second = text(template, renderer, page("smtp/551/", title: "User not local"), parts: parts)
        #expect(first.contains("en: Mailbox unavailable"))
        #expect(second == "<a href=\"/en/smtp/551/\">en: User not local</a><a href=\"/de/smtp/551/\">de: User not local</a><a href=\"/fr/smtp/551/\">fr: User not local</a>")
        #expect(parts.entries.values.allSatisfy { $0 == nil })
    }

    @Test func keptPartsAreKeptPerLocale() throws {
        let (template, renderer) = try renderer("{{#languages}}{{#current}}[{{code}}]{{/current}}{{/languages}}")
        let parts = SharedParts()
        #expect(text(template, renderer, page("a/", title: "", current: 1), locale: 1, parts: parts) == "[de]")
        #expect(text(template, renderer, page("b/", title: "", current: 2), locale: 2, parts: parts) == "[fr]")
        #expect(text(template, renderer, page("c/", title: "", current: 1), locale: 1, parts: parts) == "[de]")
        #expect(parts.entries.count == 2)
    }

    @Test func aPathThatNeedsEscapingIsNeverPastedRaw() throws {
        let (template, renderer) = try renderer("{{#languages}}<a href=\"{{url}}\">{{code}}</a>{{/languages}}")
        let parts = SharedParts()
        _ = text(template, renderer, page("smtp/550/", title: ""), parts: parts)
        let odd = page("q?a=1&b=\"2\"/", title: "")
        #expect(text(template, renderer, odd, parts: parts) == text(template, renderer, odd, parts: nil))
        #expect(text(template, renderer, odd, parts: parts).contains("/de/q?a=1&amp;b=&quot;2&quot;/"))
    }

    @Test func sharedValuesReadOutsideTheirSectionAreTheirValue() throws {
        let code: TemplateValue = .shared(SharedValue(key: 7) { _ in .object(["code": .text("550"), "empty": .list([])]) })
        let (template, renderer) = try renderer("{{a.code}}|{{#a}}<{{code}}>{{/a}}|{{^a}}none{{/a}}|{{#a.empty}}x{{/a.empty}}")
        let parts = SharedParts()
        for _ in 0..<2 {
            #expect(text(template, renderer, ["a": code], parts: parts) == "550|<550>||")
        }
        #expect(text(template, renderer, ["a": code], parts: nil) == "550|<550>||")
    }

    @Test func theNamesAKeptSectionMayReadAreTheLocalesOwnValues() throws {
        // A kept section may read these page-level names; every locale must give the same ones, made
        // once per locale, and none that differs from page to page.
        let site = try TestSite(codes: ["250", "550"])
        defer { site.cleanUp() }
        let content = try #require(ContentLoader.load(from: site.content).0)
        let templates = try #require(TemplateLibrary.load(from: site.templates, pageTemplates: PageKinds.templates).0)
        let renderer = PageRenderer(state: RenderState.make(content: content, urls: SiteURLs(content: content), jobs: 1), templates: templates)
        let names = renderer.renderer.localeConstantNames
        #expect(names.isSuperset(of: ["t", "lang", "dir", "default_dir", "stylesheet_url"]))
        #expect(names.isDisjoint(with: ["page_title", "canonical_url", "languages", "alternates", "json_ld", "breadcrumbs", "indexable"]))
        for locale in renderer.state.locales {
            #expect(Set(locale.constants.names) == names)
        }
        #expect(renderer.ownCopy().renderer.localeConstantNames == names)
    }
}
