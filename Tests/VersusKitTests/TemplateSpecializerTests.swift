import Testing
@testable import VersusKit

/// A template with its locale's values printed in advance must give every page exactly what the
/// template itself gives, however the names inside sections are hidden or shared.
@Suite struct TemplateSpecializerTests {
    let constants: TemplateObject = [
        "lang": .text("de"), "dir": .text("ltr"), "site_title": .text("SMTP & mehr"), "icon_url": .text(""),
        "t": .object(["labels": .object(["facts": .text("Fakten <kurz>"), "empty": .text("")])]),
    ]
    var constantNames: Set<String> { Set(constants.names) }

    let schema: TemplateSchema = .object([
        "lang": .text, "dir": .text, "site_title": .text, "icon_url": .text, "page_title": .text,
        "t": .object(["labels": .object(["facts": .text, "empty": .text])]),
        // Items that have a `lang` of their own (hiding the page's) and items that do not.
        "items": .list(.object(["text": .text, "lang": .text])),
        "rows": .list(.object(["label": .text])),
        "flag": .flag,
    ])

    func page(_ title: String) -> TemplateObject {
        var object = constants
        object["page_title"] = .text(title)
        object["items"] = .list([.object(["text": .text("eins"), "lang": .text("en")]), .object(["text": .text("zwei"), "lang": .text("")])])
        object["rows"] = .list([.object(["label": .text("a")]), .object(["label": .text("b")])])
        object["flag"] = .bool(true)
        return object
    }

    func render(_ template: Template, _ data: TemplateObject, partials: [String: Template]) -> String {
        String(decoding: TemplateRenderer(partials: partials).render(template, data), as: UTF8.self)
    }

    func check(_ source: String, partials sources: [String: String] = [:]) throws -> Template {
        let template = try TemplateParser.parse(source, name: "page", file: "page.mustache")
        let partials = try sources.mapValues { try TemplateParser.parse($0, name: "p", file: "p.mustache") }
        let specialized = TemplateSpecializer.specialize(template, schema: schema, constants: constants,
                                                         constantNames: constantNames, partials: partials)
        for title in ["Erste Seite", "Zweite <Seite>"] {
            #expect(render(specialized, page(title), partials: [:]) == render(template, page(title), partials: partials))
        }
        return specialized
    }

    /// Text nodes and the nodes left for the page, at any depth.
    func counts(_ nodes: [TemplateNode]) -> (text: Int, other: Int) {
        nodes.reduce((0, 0)) { total, node in
            switch node {
            case .text: return (total.0 + 1, total.1)
            case .section(_, _, let children, _):
                let inner = counts(children)
                return (total.0 + inner.text, total.1 + 1 + inner.other)
            case .variable, .partial: return (total.0, total.1 + 1)
            }
        }
    }

    @Test func localeValuesArePrintedInAdvanceAndJoinTheTextAroundThem() throws {
        let specialized = try check("<html lang=\"{{lang}}\" dir=\"{{dir}}\"><title>{{page_title}} - {{site_title}}</title><h2>{{t.labels.facts}}</h2>{{{site_title}}}")
        // Escaped as the renderer escapes, raw where the template says so.
        let text = render(specialized, page("X"), partials: [:])
        #expect(text.contains("<h2>Fakten &lt;kurz&gt;</h2>SMTP & mehr"))
        // Only the page's own title is still looked up.
        #expect(counts(specialized.nodes) == (2, 1))
    }

    @Test func aNameAnItemHasItselfIsLeftToTheItem() throws {
        let specialized = try check("{{#items}}<li lang=\"{{lang}}\" dir=\"{{dir}}\">{{text}}</li>{{/items}}{{#rows}}<td lang=\"{{lang}}\">{{label}}</td>{{/rows}}")
        let text = render(specialized, page("X"), partials: [:])
        // The item's own lang (en, then empty); rows have none, so the page's.
        #expect(text.contains("<li lang=\"en\" dir=\"ltr\">eins</li><li lang=\"\" dir=\"ltr\">zwei</li>"))
        #expect(text.contains("<td lang=\"de\">a</td>"))
    }

    @Test func sectionsOverLocaleValuesAreDecidedInAdvance() throws {
        let specialized = try check("{{#icon_url}}<link href=\"{{icon_url}}\">{{/icon_url}}{{^icon_url}}no icon{{/icon_url}}{{#t.labels.empty}}x{{/t.labels.empty}}{{#site_title}}[{{.}}]{{/site_title}}{{#flag}}{{lang}}{{/flag}}")
        let text = render(specialized, page("X"), partials: [:])
        #expect(text.hasPrefix("no icon[SMTP &amp; mehr]de"))
    }

    @Test func partialsArePutInPlaceAndSpecializedToo() throws {
        let specialized = try check("{{> head}}<main>{{page_title}}</main>{{#rows}}{{> row}}{{/rows}}",
                                    partials: ["head": "<head lang=\"{{lang}}\">{{site_title}}</head>", "row": "<p lang=\"{{lang}}\">{{label}}</p>"])
        #expect(!specialized.nodes.contains { if case .partial = $0 { true } else { false } })
        #expect(render(specialized, page("X"), partials: [:]).hasPrefix("<head lang=\"de\">SMTP &amp; mehr</head><main>X</main><p lang=\"de\">a</p>"))
    }

    @Test func aNameOfThePageItselfIsNeverReplaced() throws {
        // `page_title` is not one of the locale's names: looked up on every page.
        let specialized = try check("{{page_title}}{{#flag}}{{page_title}}{{/flag}}")
        #expect(render(specialized, page("A"), partials: [:]) == "AA")
        #expect(render(specialized, page("B"), partials: [:]) == "BB")
    }
}
