/// The texts of a family's index page: the family's own words from family.yml where it gives them
/// (an enhanced-code family is not "reply codes by class"), else the locale's general pattern.
extension Family {
    /// How breadcrumbs name the family: family.yml's `short_name` (two families may share the `name`
    /// their page titles start with), else `name`.
    func shortName(_ text: LocaleText) -> String {
        self.text("short_name", text.code, defaultLocale: text.fallback.locale) ?? name
    }

    func heading(_ text: LocaleText) -> String {
        self.text("heading", text.code, defaultLocale: text.fallback.locale)
            ?? text.text("pages.family_title", ["family": name])
    }

    func description(_ text: LocaleText) -> String {
        self.text("description", text.code, defaultLocale: text.fallback.locale)
            ?? text.text("pages.family_description", ["family": name])
    }

    /// A generated sentence about this family's codes: the family's own wording from family.yml where
    /// it gives one (in this locale, else in the default locale), else the locale file's.
    func sentence(_ key: String, _ text: LocaleText, _ values: SentenceValues) -> String {
        if let own = sentences[key], let sentence = own[text.code] ?? own[text.fallback.locale] {
            return sentence.format(values)
        }
        return text.text("sentences." + key, values)
    }
}
