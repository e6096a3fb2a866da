/// The name of a Markdown content file: `STEM.md` in the default locale, `STEM.LOCALE.md` for a
/// translation. Code files (`251.tr.md`) and pair notes (`450-550.tr.md`) are named by this one rule.
struct ContentFileName {
    /// "251", "450-550", "X.7.1"
    var stem: String
    /// nil for the default locale's file.
    var locale: String?

    /// nil unless the name ends in ".md".
    init?(_ name: String) {
        guard name.hasSuffix(".md"), name.count > 3 else { return nil }
        let base = name.dropLast(3)
        // The locale is the last dot-separated part when it starts with a letter: codes may hold dots
        // themselves (`X.7.1.md`, `X.7.1.tr.md`), locale codes never start with a digit.
        if let dot = base.lastIndex(of: "."), base[base.index(after: dot)...].first?.isLetter == true {
            stem = String(base[..<dot])
            locale = String(base[base.index(after: dot)...])
        } else {
            stem = String(base)
            locale = nil
        }
    }

    /// The locale the file is written in, or nil after reporting why it cannot be used: a file named
    /// for the default locale (its text belongs in STEM.md), or for a locale site.yml does not list.
    /// - Parameter what: "translation", "pair note": how the error names the file.
    func checkedLocale(_ config: SiteConfig, what: String, location: SourceLocation, diagnostics: inout DiagnosticList) -> String? {
        guard let locale else { return config.defaultLocale }
        if locale == config.defaultLocale {
            diagnostics.error(location, "\"\(locale)\" is the default locale: its text belongs in \(stem).md")
            return nil
        }
        let known = config.locales.map(\.code)
        guard known.contains(locale) else {
            diagnostics.error(location, "\(what) for unknown locale \"\(locale)\"\(Suggestion.didYouMean(locale, in: known))")
            return nil
        }
        return locale
    }
}
