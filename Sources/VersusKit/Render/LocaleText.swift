/// A locale's strings with the default locale behind them: `text("sections.description")` never
/// comes back empty, because the default locale is checked to have every key.
struct LocaleText: Sendable {
    let info: LocaleInfo
    let strings: LocaleStrings
    let fallback: LocaleStrings

    var code: String { info.code }

    /// Two sentences of running text: with a space between them, except after a full stop that is a
    /// whole character of its own (Chinese and Japanese "。", "！", "？"), which takes none.
    func joinSentences(_ first: String, _ second: String) -> String {
        guard let last = first.last else { return second }
        return ["。", "！", "？"].contains(last) ? first + second : first + " " + second
    }

    /// A list of items in running text, with the locale's separator ("," in English, "،" in Arabic,
    /// "、" in Chinese and Japanese), followed by a space unless the mark is a full-width one that
    /// carries its own space.
    func list(_ items: [String]) -> String {
        let mark = text("values.list_separator")
        let fullWidth = mark.unicodeScalars.allSatisfy { (0x3000...0x303F).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) }
        return items.joined(separator: !mark.isEmpty && fullWidth ? mark : mark + " ")
    }

    /// A command as readers see it: SMTP verbs as they are, "greeting" (the server's first line, which
    /// answers no command) in the locale's words.
    func command(_ name: String) -> String {
        name == "greeting" ? text("values.greeting") : name
    }

    /// An RFC as the locale names it ("RFC 5321, section 4.2.2", or just "RFC 5321"), with "RFC 5321"
    /// kept on one line.
    func rfcName(_ reference: RFCReference, withSection: Bool = true) -> String {
        let number = String(reference.number)
        let label = withSection ? reference.section.map { text("values.rfc_section", ["rfc": number, "section": $0]) } : nil
        return Self.keepingTogether(label ?? text("values.rfc", ["rfc": number]), number: number)
    }

    /// Every "RFC 5321" in `label` with a no-break space. Byte by byte rather than with Foundation's
    /// replacingOccurrences, which bridged each label to an NSString: every comparison page names
    /// two RFCs, and that cost about 2% of a build's CPU time.
    static func keepingTogether(_ label: String, number: String) -> String {
        let needle = Array(("RFC " + number).utf8)
        let joined = Array(("RFC\u{00A0}" + number).utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(label.utf8.count + 4)
        var rest = label.utf8[...]
        while let first = rest.first {
            if first == needle[0], rest.starts(with: needle) {
                bytes += joined
                rest = rest.dropFirst(needle.count)
            } else {
                bytes.append(first)
                rest = rest.dropFirst()
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func text(_ key: String, _ values: SentenceValues = [:]) -> String {
        switch strings.values[key] ?? fallback.values[key] {
        case .text(let sentence)?: return sentence.format(values)
        case .plural(let forms)?: return (forms[.other] ?? forms.values.first)?.format(values) ?? ""
        case .alternatives(let list)?: return list.first?.format(values) ?? ""
        case nil: return ""
        }
    }

    /// The first pattern of `key` whose placeholders all have a non-empty value and whose text is at
    /// most `limit` characters (as a reader counts them: grapheme clusters); when none fits, the
    /// shortest usable one.
    func fitting(_ key: String, _ values: SentenceValues, limit: Int) -> String {
        let patterns: [Sentence] = switch strings.values[key] ?? fallback.values[key] {
        case .alternatives(let list)?: list
        case .text(let sentence)?: [sentence]
        case .plural(let forms)?: forms[.other].map { [$0] } ?? []
        case nil: []
        }
        var shortest: (text: String, length: Int)?
        for pattern in patterns where pattern.placeholders.allSatisfy({ !(values[$0] ?? "").isEmpty }) {
            let candidate = pattern.format(values)
            // A text has no more characters than Unicode scalars, nor scalars than bytes: most titles
            // and descriptions are settled without counting grapheme clusters, which showed in profiles.
            if candidate.utf8.count <= limit || Self.scalarCount(candidate) <= limit { return candidate }
            let length = candidate.count
            if length <= limit { return candidate }
            if shortest == nil || length < shortest!.length { shortest = (candidate, length) }
        }
        return shortest?.text ?? patterns.last?.format(values) ?? ""
    }

    /// Unicode scalars in `text`: its UTF-8 bytes that do not continue a scalar.
    static func scalarCount(_ text: String) -> Int {
        var text = text
        // Over the bytes in place, a loop the compiler can widen, rather than through String's UTF-8 view.
        return text.withUTF8 { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        }
    }

    /// The plural form for `count` in this locale's CLDR rules, with `{count}` and `values` filled in.
    func plural(_ key: String, count: Int, _ extra: SentenceValues = [:]) -> String {
        let values = extra.merging(["count": String(count)])
        if case .plural(let forms)? = strings.values[key] {
            let category = PluralRules.category(for: count, locale: info.code)
            if let form = forms[category] ?? forms[.other] { return form.format(values) }
        }
        if case .plural(let forms)? = fallback.values[key] {
            let category = PluralRules.category(for: count, locale: fallback.locale)
            if let form = forms[category] ?? forms[.other] { return form.format(values) }
        }
        return text(key, values)
    }

    /// Every placeholder-free string, nested by group, for templates: `{{t.sections.description}}`.
    func templateStrings() -> TemplateObject {
        var groups: [String: TemplateObject] = [:]
        for key in LocaleKeys.all where key.placeholders.isEmpty && !key.plural && !key.alternatives {
            let parts = key.name.split(separator: ".", maxSplits: 1).map(String.init)
            groups[parts[0], default: TemplateObject()][parts[1]] = .text(text(key.name))
        }
        return TemplateObject(groups.mapValues { .object($0) })
    }

    static func templateStringsSchema() -> TemplateSchema {
        var groups: [String: [String: TemplateSchema]] = [:]
        for key in LocaleKeys.all where key.placeholders.isEmpty && !key.plural && !key.alternatives {
            let parts = key.name.split(separator: ".", maxSplits: 1).map(String.init)
            groups[parts[0], default: [:]][parts[1]] = .text
        }
        return .object(groups.mapValues { .object($0) })
    }
}
