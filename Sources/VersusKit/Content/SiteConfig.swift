/// `content/site.yml`: where the site lives and which locales it has.
public struct SiteConfig: Sendable {
    /// base_url, checked and split into origin and path.
    public var base: BaseURL
    public var defaultLocale: String
    public var locales: [LocaleInfo]
    /// The most characters a page title and a meta description should have, so search results show
    /// them whole (`title_length`, `description_length`); the locale files' patterns are fitted to them.
    public var titleLength = 60
    public var descriptionLength = 160
    public var location: SourceLocation

    /// base_url as written (or as --base-url gave it).
    public var baseURL: String { base.text }
}

public struct LocaleInfo: Sendable, Hashable {
    public var code: String
    public var name: String
    public var rightToLeft: Bool
    /// The Open Graph locale ("pt_PT") link previews use; nil leaves og:locale out.
    public var openGraphLocale: String? = nil
    public var location: SourceLocation
}

enum SiteConfigLoader {
    static let fields = ["base_url", "default_locale", "locales", "title_length", "description_length"]
    static let localeFields = ["code", "name", "direction", "og_locale"]

    static func load(_ tree: YAMLTree, diagnostics: inout DiagnosticList) -> SiteConfig? {
        guard var reader = FieldReader(tree, what: "the site configuration", diagnostics: &diagnostics) else { return nil }
        let baseURL = reader.string("base_url", required: true, diagnostics: &diagnostics)
        if let (url, location) = baseURL, BaseURL(url) == nil {
            diagnostics.error(location, "base_url " + BaseURL.problem(with: url))
        }
        let defaultLocale = reader.string("default_locale", required: true, diagnostics: &diagnostics)
        var locales: [LocaleInfo] = []
        if let list = reader.tree("locales") {
            if case .sequence(let items, _) = list {
                for item in items {
                    guard var localeReader = FieldReader(item, what: "a locale", diagnostics: &diagnostics) else { continue }
                    let code = localeReader.string("code", required: true, diagnostics: &diagnostics)
                    let name = localeReader.string("name", required: true, diagnostics: &diagnostics)
                    var rightToLeft = false
                    if let (direction, location) = localeReader.string("direction", diagnostics: &diagnostics) {
                        switch direction {
                        case "ltr": rightToLeft = false
                        case "rtl": rightToLeft = true
                        default: diagnostics.error(location, "direction must be \"ltr\" or \"rtl\", found \"\(direction)\"")
                        }
                    }
                    var openGraphLocale: String?
                    if let (value, location) = localeReader.string("og_locale", diagnostics: &diagnostics) {
                        if isValidOpenGraphLocale(value) {
                            openGraphLocale = value
                        } else {
                            diagnostics.error(location, "og_locale must be a language and a region joined by \"_\", like \"pt_PT\", found \"\(value)\"")
                        }
                    }
                    localeReader.reportUnknownFields(known: localeFields, what: "a locale", diagnostics: &diagnostics)
                    guard let (code, codeLocation) = code, let (name, _) = name else { continue }
                    if !isValidLocaleCode(code) {
                        diagnostics.error(codeLocation, "locale code \"\(code)\" must be lowercase letters and hyphens, like \"tr\" or \"zh-hans\"")
                        continue
                    }
                    if let earlier = locales.first(where: { $0.code == code }) {
                        diagnostics.error(codeLocation, "locale \"\(code)\" is listed twice (first at line \(earlier.location.line))")
                        continue
                    }
                    locales.append(LocaleInfo(code: code, name: name, rightToLeft: rightToLeft, openGraphLocale: openGraphLocale,
                                              location: codeLocation))
                }
            } else {
                diagnostics.error(list.location, "\"locales\" must be a list, found \(list.kindName)")
            }
        } else {
            diagnostics.error(reader.location, "missing required field \"locales\"")
        }
        func length(_ key: String) -> Int? {
            guard let (text, location) = reader.string(key, diagnostics: &diagnostics) else { return nil }
            guard let value = Int(text), value >= 10 else {
                diagnostics.error(location, "\(key) is a number of characters, at least 10, found \"\(text)\"")
                return nil
            }
            return value
        }
        let titleLength = length("title_length"), descriptionLength = length("description_length")
        reader.reportUnknownFields(known: fields, what: "the site configuration", diagnostics: &diagnostics)

        guard let (url, location) = baseURL, let base = BaseURL(url), let (defaultCode, defaultLocation) = defaultLocale else { return nil }
        if !locales.isEmpty, !locales.contains(where: { $0.code == defaultCode }) {
            diagnostics.error(defaultLocation, "default_locale \"\(defaultCode)\" is not in the list of locales\(Suggestion.didYouMean(defaultCode, in: locales.map(\.code)))")
            return nil
        }
        // The default locale goes first: it lives at the site root and every other locale falls back to it.
        let ordered = locales.filter { $0.code == defaultCode } + locales.filter { $0.code != defaultCode }
        var config = SiteConfig(base: base, defaultLocale: defaultCode, locales: ordered, location: location)
        if let titleLength { config.titleLength = titleLength }
        if let descriptionLength { config.descriptionLength = descriptionLength }
        return config
    }

    static func isValidLocaleCode(_ code: String) -> Bool {
        !code.isEmpty && code.first!.isLetter && code.allSatisfy { ($0.isASCII && $0.isLowercase) || $0 == "-" || $0.isNumber }
    }

    /// "pt_PT": two or three lowercase letters, "_", two uppercase letters (Open Graph's form).
    static func isValidOpenGraphLocale(_ value: String) -> Bool {
        let parts = value.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        return (2...3).contains(parts[0].count) && parts[0].allSatisfy { $0.isASCII && $0.isLowercase }
            && parts[1].count == 2 && parts[1].allSatisfy { $0.isASCII && $0.isUppercase }
    }
}
