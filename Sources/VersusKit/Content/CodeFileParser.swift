/// Reads one code file (`251.md`) or one translation of it (`251.tr.md`).
enum CodeFileParser {
    static let baseFields = ["code", "title", "slug", "status", "summary", "rfcs", "commands", "used_with",
                             "variants", "retry", "closes_connection", "related", "sources", "send_when", "sender_action", "provider_tags",
                             "published", "updated"]
    /// What a translation may give: the texts of the code, never its facts.
    static let translationFields = ["title", "summary", "send_when", "sender_action"]

    /// Maps the headings a file may use to sections: the English names, and the file's own locale labels.
    struct Headings {
        var byName: [String: SectionID]
        var names: [String]

        init(localeStrings: LocaleStrings?) {
            var byName: [String: SectionID] = [:]
            var names: [String] = []
            for section in SectionID.allCases {
                byName[section.heading.lowercased()] = section
                names.append(section.heading)
                if case .text(let label)? = localeStrings?.values[section.localeKey] {
                    byName[label.source.lowercased()] = section
                    names.append(label.source)
                }
            }
            self.byName = byName
            self.names = names
        }
    }

    static func parseBase(text: String, file: String, family: String,
                          headings: Headings, diagnostics: inout DiagnosticList) -> CodeEntry? {
        let document = MarkdownDocument.parse(text, file: file, diagnostics: &diagnostics)
        let sections = readSections(document, headings: headings, required: true, file: file, diagnostics: &diagnostics)
        let fileStart = SourceLocation(file: file, line: 1)
        guard let frontMatter = document.frontMatter else {
            if document.hasFrontMatterBlock { return nil }
            diagnostics.error(fileStart, "a code file starts with front matter between \"---\" lines (code, title, summary, ...)")
            return nil
        }
        guard var reader = FieldReader(frontMatter, what: "the front matter", diagnostics: &diagnostics) else { return nil }

        let codeField = reader.string("code", required: true, diagnostics: &diagnostics)
        let code = codeField?.0 ?? ""
        let title = reader.string("title", required: true, diagnostics: &diagnostics)
        let summary = reader.string("summary", required: true, diagnostics: &diagnostics)
        let sendWhen = reader.string("send_when", diagnostics: &diagnostics)?.0
        let senderAction = reader.string("sender_action", diagnostics: &diagnostics)?.0
        var slug = title.map { Slug.make($0.0) } ?? ""
        if let (given, location) = reader.string("slug", diagnostics: &diagnostics) {
            if Slug.isValid(given) { slug = given } else {
                diagnostics.error(location, "slug \"\(given)\" may use only a-z, 0-9 and single hyphens")
            }
        } else if let (titleText, location) = title, !titleText.isEmpty, slug.isEmpty {
            diagnostics.error(location, "the title \"\(titleText)\" gives no URL slug (it has no Latin letters or digits); add a field like `slug: user-not-local`")
        }
        var status = CodeStatus.standard
        if let (value, location) = reader.string("status", required: true, diagnostics: &diagnostics) {
            if let parsed = CodeStatus(rawValue: value) { status = parsed } else {
                let names = CodeStatus.allCases.map(\.rawValue)
                diagnostics.error(location, "unknown status \"\(value)\"\(Suggestion.didYouMean(value, in: names)); use one of: \(names.joined(separator: ", "))")
            }
        }
        // A three-digit reply code's first digit is its reply class (RFC 5321 section 4.2.1), which says
        // what a client does next; a code of any other shape has no advice unless its file gives one.
        let isReplyCode = code.count == 3 && code.allSatisfy(\.isASCII) && code.allSatisfy(\.isNumber)
        var retry: RetryAdvice? = switch (isReplyCode, code.prefix(1)) {
        case (false, _): nil
        case (true, "4"): .later
        case (true, "5"): .never
        default: .notNeeded
        }
        if let (value, location) = reader.string("retry", diagnostics: &diagnostics) {
            if let parsed = RetryAdvice(rawValue: value) { retry = parsed } else {
                let names = RetryAdvice.allCases.map(\.rawValue)
                diagnostics.error(location, "unknown retry advice \"\(value)\"\(Suggestion.didYouMean(value, in: names)); use one of: \(names.joined(separator: ", "))")
            }
        }
        let closes = reader.bool("closes_connection", diagnostics: &diagnostics) ?? (isReplyCode ? false : nil)
        let commands = reader.strings("commands", diagnostics: &diagnostics).map { $0.0 }
        var usedWith: [(String, SourceLocation)] = []
        for (value, location) in reader.strings("used_with", diagnostics: &diagnostics) {
            if usedWith.contains(where: { $0.0 == value }) {
                diagnostics.error(location, "\"\(value)\" is listed twice in used_with")
            } else {
                usedWith.append((value, location))
            }
        }
        if let tree = reader.tree("enhanced") {
            diagnostics.error(tree.location, "\"enhanced\" is now \"used_with\": it lists the codes of every other family this code is sent with, like [5.1.1] or [550]")
        }
        var variants: [String] = []
        for (value, location) in reader.strings("variants", diagnostics: &diagnostics) {
            if variants.contains(value) {
                diagnostics.error(location, "variant \"\(value)\" is listed twice")
            } else {
                variants.append(value)
            }
        }
        let sources = readSources(reader.tree("sources"), diagnostics: &diagnostics)
        let related = reader.strings("related", diagnostics: &diagnostics)
        let rfcs = readRFCs(reader.tree("rfcs"), diagnostics: &diagnostics)
        let providerTags = ProviderTagReader.read(reader.tree("provider_tags"), diagnostics: &diagnostics)
        let published = ContentDate.read("published", from: &reader, diagnostics: &diagnostics)
        let updated = ContentDate.read("updated", from: &reader, diagnostics: &diagnostics)
        if let (first, _) = published, let (last, location) = updated, last < first {
            diagnostics.error(location, "updated: \(last) is before published: \(first); a page cannot change before it appears")
        }
        reader.reportUnknownFields(known: baseFields, what: "a code's front matter", diagnostics: &diagnostics)

        guard let (_, codeLocation) = codeField, let (titleText, _) = title, let (summaryText, _) = summary else { return nil }
        var entry = CodeEntry(family: family, code: code, title: titleText, slug: slug, status: status,
                         summary: summaryText, sendWhen: sendWhen, senderAction: senderAction, rfcs: rfcs, commands: commands, retry: retry,
                         closesConnection: closes, related: related.map(\.0), variants: variants,
                         usedWith: usedWith.map(\.0), usedWithLocations: usedWith.map(\.1), sources: sources,
                         sections: sections, translations: [:], location: codeLocation,
                         relatedLocations: related.map(\.1), classKey: String(code.prefix(1)))
        entry.providerTags = providerTags
        entry.published = published?.0
        entry.updated = updated?.0
        return entry
    }

    /// `sources:` is a list of `{name: ..., url: https://...}`: pages a reader can open to check a claim.
    static func readSources(_ tree: YAMLTree?, diagnostics: inout DiagnosticList) -> [SourceLink] {
        guard let tree else { return [] }
        guard case .sequence(let items, _) = tree else {
            diagnostics.error(tree.location, "\"sources\" must be a list of entries like `- name: ...` with `url: https://...`")
            return []
        }
        var sources: [SourceLink] = []
        for item in items {
            guard var reader = FieldReader(item, what: "a source", diagnostics: &diagnostics) else { continue }
            let name = reader.string("name", required: true, diagnostics: &diagnostics)
            let url = reader.string("url", required: true, diagnostics: &diagnostics)
            reader.reportUnknownFields(known: ["name", "url"], what: "a source", diagnostics: &diagnostics)
            guard let (nameText, _) = name, let (urlText, urlLocation) = url else { continue }
            guard urlText.hasPrefix("https://") || urlText.hasPrefix("http://"), !urlText.contains(where: \.isWhitespace) else {
                diagnostics.error(urlLocation, "a source's url must be a web address starting with https://, found \"\(urlText)\"")
                continue
            }
            sources.append(SourceLink(name: nameText, url: urlText))
        }
        return sources
    }

    static func parseTranslation(text: String, file: String, locale: String, headings: Headings,
                                 diagnostics: inout DiagnosticList) -> CodeTranslation {
        let document = MarkdownDocument.parse(text, file: file, diagnostics: &diagnostics)
        let sections = readSections(document, headings: headings, required: false, file: file, diagnostics: &diagnostics)
        var translation = CodeTranslation(locale: locale, title: nil, summary: nil, sendWhen: nil, senderAction: nil,
                                          sections: sections, location: SourceLocation(file: file, line: 1))
        if let frontMatter = document.frontMatter,
           var reader = FieldReader(frontMatter, what: "the front matter", diagnostics: &diagnostics) {
            func field(_ key: String) -> String? {
                guard let (value, location) = reader.string(key, diagnostics: &diagnostics) else { return nil }
                translation.fieldLocations[key] = location
                return value
            }
            translation.title = field("title")
            translation.summary = field("summary")
            translation.sendWhen = field("send_when")
            translation.senderAction = field("sender_action")
            translation.recorded = SourceVersion.read(reader.tree(SourceVersion.field), known: CodeTranslation.keys, diagnostics: &diagnostics)
            translation.updated = ContentDate.read("updated", from: &reader, diagnostics: &diagnostics)?.0
            for entry in reader.entries where !translationFields.contains(entry.key) && entry.key != SourceVersion.field && entry.key != "updated" {
                if baseFields.contains(entry.key) {
                    diagnostics.error(entry.keyLocation, "\"\(entry.key)\" is the same in every language; set it in the code's main file, not in a translation")
                } else {
                    diagnostics.error(entry.keyLocation, "unknown field \"\(entry.key)\" in a translation\(Suggestion.didYouMean(entry.key, in: translationFields + ["updated"]))")
                }
            }
        }
        return translation
    }

    static func readSections(_ document: MarkdownDocument, headings: Headings, required: Bool, file: String,
                             diagnostics: inout DiagnosticList) -> [SectionID: MarkdownSection] {
        let reader = SectionReader(byName: headings.byName, names: headings.names,
                                   emptyHint: { $0.isRequired ? "" : "; write it or delete the heading" })
        let (sections, firstHeadingLine) = reader.read(document, diagnostics: &diagnostics)
        if required {
            for id in SectionID.allCases where id.isRequired && firstHeadingLine[id] == nil {
                diagnostics.error(SourceLocation(file: file, line: 1), "missing required section \"\(id.heading)\"")
            }
        }
        return sections
    }

    /// Accepts `- 5321 4.2.2`, `- RFC 5321 section 4.2.2`, `- 5321` or `- {rfc: 5321, section: 4.2.2}`.
    static func readRFCs(_ tree: YAMLTree?, diagnostics: inout DiagnosticList) -> [RFCReference] {
        guard let tree else { return [] }
        let items: [YAMLTree]
        switch tree {
        case .sequence(let list, _): items = list
        default: items = [tree]
        }
        var references: [RFCReference] = []
        for item in items {
            switch item {
            case .scalar(let text, let location):
                let words = text.split(whereSeparator: { $0 == " " || $0 == "#" || $0 == "§" })
                    .filter { !["rfc", "section", "sec", "s"].contains($0.lowercased()) }
                var wordsIterator = words.makeIterator()
                guard let first = wordsIterator.next(), let number = Int(first.lowercased().replacingOccurrences(of: "rfc", with: "")) else {
                    diagnostics.error(location, "\"\(text)\" is not an RFC reference (write it like \"5321 4.2.2\")")
                    continue
                }
                references.append(RFCReference(number: number, section: wordsIterator.next().map(String.init)))
            case .mapping:
                guard var reader = FieldReader(item, what: "an RFC reference", diagnostics: &diagnostics) else { continue }
                let number = reader.string("rfc", required: true, diagnostics: &diagnostics)
                let section = reader.string("section", diagnostics: &diagnostics)?.0
                reader.reportUnknownFields(known: ["rfc", "section"], what: "an RFC reference", diagnostics: &diagnostics)
                if let (text, location) = number {
                    if let value = Int(text) { references.append(RFCReference(number: value, section: section)) }
                    else { diagnostics.error(location, "RFC number must be a number, found \"\(text)\"") }
                }
            case .sequence(_, let location):
                diagnostics.error(location, "an RFC reference must be a single value or a set of fields")
            }
        }
        return references
    }
}
