/// The machine-readable export: `/api/FAMILY.json` with every code of a family, `/api/FAMILY/CODE.json`
/// with one. Tools that handle bounces read what the pages say (facts, links to the other family,
/// titles and summaries per locale) without scraping HTML. The shape is described by the versioned
/// JSON Schema in `docs/api/`; `version` changes when a field changes meaning or goes away.
enum APIExport {
    static let version = 1

    static func familyJSON(content: SiteContent, urls: SiteURLs, family familyIndex: Int) -> [UInt8] {
        let family = content.families[familyIndex]
        var json = "{\n\"version\":\(version),\n\"family\":\(JSON.string(family.id)),\n\"name\":\(JSON.string(family.name)),\n"
        json += "\"code_pattern\":\(JSON.string(family.codePattern)),\n\"classes\":[\n"
        json += family.classes.map { codeClass in
            "{\"key\":\(JSON.string(codeClass.key)),\"range\":\(JSON.string(family.classRangeLabel(codeClass.key))),"
                + "\"names\":\(localeMap(content) { codeClass.names[$0] ?? codeClass.names[content.config.defaultLocale] ?? "" })}"
        }.joined(separator: ",\n")
        json += "\n],\n\"codes\":[\n"
        json += family.codes.indices.map { codeJSON(content: content, urls: urls, family: familyIndex, code: $0) }.joined(separator: ",\n")
        json += "\n]\n}\n"
        return Array(json.utf8)
    }

    static func codeFile(content: SiteContent, urls: SiteURLs, family: Int, code: Int) -> [UInt8] {
        Array(("{\"version\":\(version),\n\"code\":" + codeJSON(content: content, urls: urls, family: family, code: code) + "\n}\n").utf8)
    }

    /// One code as an object; absent facts are `null`, so every object has the same keys.
    static func codeJSON(content: SiteContent, urls: SiteURLs, family familyIndex: Int, code codeIndex: Int) -> String {
        let family = content.families[familyIndex]
        let entry = family.codes[codeIndex]
        let defaultLocale = content.config.defaultLocale
        var fields: [String] = [
            "\"family\":" + JSON.string(family.id),
            "\"code\":" + JSON.string(entry.code),
            "\"slug\":" + JSON.string(entry.slug),
            "\"class\":" + JSON.string(entry.classKey),
            "\"status\":" + JSON.string(entry.status.rawValue),
            "\"variants\":" + list(entry.variants.map(JSON.string)),
            "\"retry\":" + (entry.retry.map { JSON.string($0.rawValue) } ?? "null"),
            "\"closes_connection\":" + (entry.closesConnection.map { $0 ? "true" : "false" } ?? "null"),
            "\"commands\":" + list(entry.commands.map(JSON.string)),
            "\"rfcs\":" + list(entry.rfcs.map { reference in
                "{\"rfc\":\(reference.number),\"section\":\(reference.section.map(JSON.string) ?? "null"),\"url\":\(JSON.string(reference.url))}"
            }),
            "\"related\":" + list(entry.related.map(JSON.string)),
            "\"used_with\":" + list(entry.links.map { link in
                guard let target = link.target else {
                    return "{\"code\":\(JSON.string(link.shown)),\"family\":null,\"page\":null,\"api\":null}"
                }
                let other = content.families[target.family]
                return "{\"code\":\(JSON.string(link.shown)),\"family\":\(JSON.string(other.id)),"
                    + "\"page\":\(JSON.string(other.codes[target.code].code)),"
                    + "\"api\":\(JSON.string(urls.absolute(urls.apiCode(family: target.family, code: target.code))))}"
            }),
            "\"sources\":" + list(entry.sources.map { "{\"name\":\(JSON.string($0.name)),\"url\":\(JSON.string($0.url))}" }),
            "\"published\":" + (entry.published.map { JSON.string($0.description) } ?? "null"),
            "\"updated\":" + ((entry.updated ?? entry.published).map { JSON.string($0.description) } ?? "null"),
        ]
        let locales = content.config.locales.map { locale -> String in
            let translation = entry.translations[locale.code]
            let isDefault = locale.code == defaultLocale
            return JSON.string(locale.code) + ":{"
                + "\"title\":\(JSON.string(translation?.title ?? entry.title)),"
                + "\"title_translated\":\(isDefault || translation?.title != nil),"
                + "\"summary\":\(JSON.string(translation?.summary ?? entry.summary)),"
                + "\"summary_translated\":\(isDefault || translation?.summary != nil),"
                + "\"url\":\(JSON.string(urls.absolute(urls.code(family: familyIndex, code: codeIndex, locale.code))))}"
        }
        fields.append("\"locales\":{" + locales.joined(separator: ",") + "}")
        return "{" + fields.joined(separator: ",") + "}"
    }

    private static func list(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }

    private static func localeMap(_ content: SiteContent, _ value: (String) -> String) -> String {
        "{" + content.config.locales.map { JSON.string($0.code) + ":" + JSON.string(value($0.code)) }.joined(separator: ",") + "}"
    }
}
