/// The words of a code's page that the search box looks through: every prose section in the reader's
/// language (the default locale's where a section is not translated), as plain text. Example replies
/// and transcripts stay in, since they hold the strings people paste ("Relay access denied").
enum SearchText {
    static func of(_ rendered: RenderedSections, locale: String, defaultLocale: String) -> String {
        let own = rendered.html[locale] ?? [:]
        let base = rendered.html[defaultLocale] ?? [:]
        var parts: [String] = []
        for id in SectionID.allCases {
            if let html = own[id] ?? base[id] { parts.append(plain(html)) }
        }
        return parts.joined(separator: " ")
    }

    /// HTML from the Markdown renderer as text: tags dropped (each one a word break, so "</li><li>"
    /// does not glue two words), the five entities cmark writes decoded, runs of white space collapsed.
    static func plain(_ html: String) -> String {
        var text = ""
        text.reserveCapacity(html.utf8.count)
        var inTag = false
        var pendingSpace = false
        var entity: String? = nil
        for character in html {
            if inTag {
                if character == ">" { inTag = false; pendingSpace = true }
                continue
            }
            if var name = entity {
                if character == ";" {
                    entity = nil
                    emit(decode(name), into: &text, pendingSpace: &pendingSpace)
                } else if name.count < 8 {
                    name.append(character)
                    entity = name
                } else {
                    entity = nil
                    emit("&" + name + String(character), into: &text, pendingSpace: &pendingSpace)
                }
                continue
            }
            switch character {
            case "<": inTag = true
            case "&": entity = ""
            case _ where character.isWhitespace: pendingSpace = true
            default: emit(String(character), into: &text, pendingSpace: &pendingSpace)
            }
        }
        return text
    }

    private static func emit(_ piece: String, into text: inout String, pendingSpace: inout Bool) {
        if pendingSpace && !text.isEmpty { text.append(" ") }
        pendingSpace = false
        text.append(piece)
    }

    private static func decode(_ name: String) -> String {
        switch name {
        case "amp": "&"
        case "lt": "<"
        case "gt": ">"
        case "quot": "\""
        case "#39": "'"
        default: "&" + name + ";"
        }
    }
}
