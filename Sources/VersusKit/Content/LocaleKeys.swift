/// Every string the generator writes, by key, with the placeholders each may use.
///
/// The words themselves live only in `content/locales/*.yml`; Swift knows the keys and which values it
/// will supply. Keys without placeholders are also handed to templates as `{{t.group.key}}`.
public struct LocaleKey: Sendable, Hashable {
    public let name: String
    public let placeholders: Set<String>
    /// A plural key is a mapping of CLDR categories (one, few, many, other...) chosen by `{count}`.
    public let plural: Bool

    init(_ name: String, _ placeholders: Set<String> = [], plural: Bool = false) {
        self.name = name
        self.placeholders = placeholders
        self.plural = plural
    }
}

public enum LocaleKeys {
    public static let all: [LocaleKey] = [
        LocaleKey("site.title"),
        LocaleKey("site.tagline"),
        LocaleKey("site.footer"),

        LocaleKey("nav.home"),
        LocaleKey("nav.skip_to_content"),
        LocaleKey("nav.breadcrumb"),
        LocaleKey("nav.languages"),
        LocaleKey("nav.all_codes"),

        LocaleKey("search.label"),
        LocaleKey("search.placeholder"),
        LocaleKey("search.no_results"),

        LocaleKey("picker.title"),
        LocaleKey("picker.first"),
        LocaleKey("picker.second"),
        LocaleKey("picker.submit"),
        LocaleKey("picker.same_code"),

        LocaleKey("sections.description"),
        LocaleKey("sections.when_you_see_it"),
        LocaleKey("sections.how_to_fix"),
        LocaleKey("sections.providers"),
        LocaleKey("sections.example"),
        LocaleKey("sections.notes"),

        LocaleKey("labels.key_differences"),
        LocaleKey("labels.when_to_use_which"),
        LocaleKey("labels.learn_more"),
        LocaleKey("labels.pair_note"),
        LocaleKey("labels.facts"),
        LocaleKey("labels.fact"),
        LocaleKey("labels.related_codes"),
        LocaleKey("labels.comparisons"),
        LocaleKey("labels.summary"),

        LocaleKey("facts.class"),
        LocaleKey("facts.status"),
        LocaleKey("facts.retry"),
        LocaleKey("facts.commands"),
        LocaleKey("facts.closes_connection"),
        LocaleKey("facts.rfcs"),
        LocaleKey("facts.variants"),
        LocaleKey("facts.used_with"),
        LocaleKey("facts.sources"),

        LocaleKey("values.yes"),
        LocaleKey("values.no"),
        LocaleKey("values.none"),
        LocaleKey("values.list_separator"),
        LocaleKey("values.any_command"),
        LocaleKey("values.rfc_section", ["rfc", "section"]),
        LocaleKey("values.rfc", ["rfc"]),

        LocaleKey("retry.not_needed"),
        LocaleKey("retry.later"),
        LocaleKey("retry.after_fix"),
        LocaleKey("retry.never"),

        LocaleKey("status.standard"),
        LocaleKey("status.extension"),
        LocaleKey("status.deprecated"),
        LocaleKey("status.registry_only"),
        LocaleKey("status.non_standard"),

        LocaleKey("classes.label", ["range", "name"]),

        LocaleKey("sentences.compare_title", ["family", "code_a", "title_a", "code_b", "title_b"]),
        LocaleKey("sentences.compare_summary_different_class",
                  ["code_a", "title_a", "class_a", "code_b", "title_b", "class_b"]),
        LocaleKey("sentences.compare_summary_same_class", ["code_a", "title_a", "code_b", "title_b", "class"]),
        LocaleKey("sentences.compare_retry_differs", ["code_a", "retry_a", "code_b", "retry_b"]),
        LocaleKey("sentences.compare_retry_same", ["code_a", "code_b", "retry"]),
        LocaleKey("sentences.when_to_use_which_intro", ["code_a", "code_b"]),
        LocaleKey("sentences.learn_more_link", ["family", "code", "title"]),
        LocaleKey("sentences.compare_with", ["code"]),
        LocaleKey("sentences.code_class", ["code", "class"]),
        LocaleKey("sentences.code_count", ["count"], plural: true),
        LocaleKey("sentences.comparison_count", ["count"], plural: true),

        LocaleKey("pages.home_title", ["site"]),
        LocaleKey("pages.home_description", ["site"]),
        LocaleKey("pages.family_title", ["family"]),
        LocaleKey("pages.family_description", ["family"]),
        LocaleKey("pages.code_title", ["family", "code", "title"]),
        LocaleKey("pages.code_description", ["family", "code", "title", "summary"]),
        LocaleKey("pages.compare_description", ["summary"]),
        LocaleKey("pages.not_found_title"),
        LocaleKey("pages.not_found_text"),
        LocaleKey("pages.redirect_title", ["title"]),
        LocaleKey("pages.redirect_text"),

        LocaleKey("fallback.not_translated", ["language"]),
    ]

    public static let byName: [String: LocaleKey] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
}
