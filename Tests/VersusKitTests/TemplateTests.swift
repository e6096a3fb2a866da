import Testing
@testable import VersusKit

@Suite struct TemplateParserTests {
    func render(_ source: String, _ data: TemplateObject, partials: [String: String] = [:]) throws -> String {
        let template = try TemplateParser.parse(source, name: "t", file: "t.mustache")
        var parsed: [String: Template] = [:]
        for (name, text) in partials { parsed[name] = try TemplateParser.parse(text, name: name, file: name + ".mustache") }
        return String(decoding: TemplateRenderer(partials: parsed).render(template, data), as: UTF8.self)
    }

    @Test func variablesAreEscapedUnlessTripleOrHTML() throws {
        let data: TemplateObject = ["x": .text("<b>&\"'</b>"), "h": .html("<i>ok</i>")]
        #expect(try render("{{x}}", data) == "&lt;b&gt;&amp;&quot;&#39;&lt;/b&gt;")
        #expect(try render("{{{x}}}|{{& x}}", data) == "<b>&\"'</b>|<b>&\"'</b>")
        #expect(try render("{{h}}|{{{h}}}", data) == "<i>ok</i>|<i>ok</i>")
    }

    @Test func sectionsIterateListsAndTestFlags() throws {
        let data: TemplateObject = [
            "items": .list([.object(["n": .text("a")]), .object(["n": .text("b")])]),
            "yes": .bool(true), "no": .bool(false), "empty": .list([]),
            "outer": .text("O"), "names": .list([.text("x"), .text("y")]),
        ]
        #expect(try render("{{#items}}[{{n}}{{outer}}]{{/items}}", data) == "[aO][bO]")
        #expect(try render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}!N{{/no}}{{^empty}}E{{/empty}}", data) == "Y!NE")
        #expect(try render("{{#names}}<{{.}}>{{/names}}", data) == "<x><y>")
    }

    @Test func dottedNamesReachIntoObjects() throws {
        let data: TemplateObject = ["t": .object(["nav": .object(["home": .text("Home")])])]
        #expect(try render("{{t.nav.home}}", data) == "Home")
    }

    @Test func standaloneTagsLeaveNoBlankLines() throws {
        let source = "<ul>\n{{#items}}\n  <li>{{n}}</li>\n{{/items}}\n</ul>\n{{! a comment }}\nend"
        let data: TemplateObject = ["items": .list([.object(["n": .text("1")]), .object(["n": .text("2")])])]
        #expect(try render(source, data) == "<ul>\n  <li>1</li>\n  <li>2</li>\n</ul>\nend")
    }

    @Test func partialsSeeTheContextTheyAreIncludedIn() throws {
        let data: TemplateObject = ["a": .object(["code": .text("251")])]
        #expect(try render("{{#a}}{{> item}}{{/a}}", data, partials: ["item": "<{{code}}>"]) == "<251>")
    }

    @Test(arguments: [
        ("{{#a}}x", 1, 1, "never closed"),
        ("line\n  {{/a}}", 2, 3, "never opened"),
        ("{{#a}}\n{{/b}}", 2, 1, "does not match"),
        ("ok\n{{x", 2, 1, "never closed"),
        ("{{}}", 1, 1, "empty tag"),
        ("{{=<% %>=}}", 1, 1, "delimiters"),
        ("{{<parent}}{{/parent}}", 1, 1, "inheritance"),
        ("{{a b}}", 1, 1, "not a valid name"),
    ])
    func syntaxErrorsPointAtTheTag(source: String, line: Int, column: Int, message: String) {
        #expect {
            _ = try TemplateParser.parse(source, name: "t", file: "t.mustache")
        } throws: { error in
            guard let error = error as? TemplateSyntaxError else { return false }
            return error.location.line == line && error.location.column == column && error.message.contains(message)
        }
    }
}

@Suite struct TemplateCheckerTests {
    func check(_ source: String, partials: [String: String] = [:]) throws -> [String] {
        let template = try TemplateParser.parse(source, name: "page", file: "page.mustache")
        var parsed: [String: Template] = [:]
        for (name, text) in partials { parsed[name] = try TemplateParser.parse(text, name: name, file: name + ".mustache") }
        let schema: TemplateSchema = .object([
            "title": .text, "flag": .flag,
            "items": .list(.object(["name": .text])),
            "t": .object(["nav": .object(["home": .text])]),
        ])
        var diagnostics = DiagnosticList()
        TemplateChecker.check(template, schema: schema, partials: parsed, pageKind: "code", diagnostics: &diagnostics)
        return diagnostics.sorted.map(\.description)
    }

    @Test func knownNamesPass() throws {
        #expect(try check("{{title}}{{#items}}{{name}}{{title}}{{/items}}{{t.nav.home}}{{#flag}}y{{/flag}}").isEmpty)
    }

    @Test func unknownVariableIsAnErrorWithLineAndSuggestion() throws {
        let errors = try check("<h1>\n  {{titel}}</h1>")
        #expect(errors == ["page.mustache:2:3: error: unknown variable \"titel\": the code page does not provide it (did you mean \"title\"?)"])
    }

    @Test func listItemNamesAreOnlyVisibleInsideTheList() throws {
        let errors = try check("{{name}}")
        #expect(errors.count == 1 && errors[0].contains("unknown variable \"name\""))
    }

    @Test func unknownDottedPartAndMisuseAreErrors() throws {
        let errors = try check("{{t.nav.hom}}{{items}}")
        #expect(errors.count == 2)
        #expect(errors[0].contains("\"t.nav\" has no \"hom\" (did you mean \"home\"?)"))
        #expect(errors[1].contains("\"items\" is a list, not text"))
    }

    @Test func partialsAreCheckedAndMissingOrRecursiveOnesReported() throws {
        let errors = try check("{{> missing}}{{> loop}}{{> bad}}", partials: ["loop": "{{> loop}}", "bad": "\n{{nope}}"])
        #expect(errors.contains { $0.hasPrefix("page.mustache:1:1: error: unknown partial \"missing\"") })
        #expect(errors.contains { $0.contains("partial \"loop\" includes itself") })
        #expect(errors.contains { $0.hasPrefix("bad.mustache:2:1: error: unknown variable \"nope\"") })
    }
}
