/// The texts of a family's index page: the family's own words from family.yml where it gives them
/// (an enhanced-code family is not "reply codes by class"), else the locale's general pattern.
extension Family {
    func heading(_ text: LocaleText) -> String {
        self.text("heading", text.code, defaultLocale: text.fallback.locale)
            ?? text.text("pages.family_title", ["family": name])
    }

    func description(_ text: LocaleText) -> String {
        self.text("description", text.code, defaultLocale: text.fallback.locale)
            ?? text.text("pages.family_description", ["family": name])
    }
}
