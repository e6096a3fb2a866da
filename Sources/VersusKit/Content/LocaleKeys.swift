/// Every string the generator writes, by key, with the placeholders each may use.
///
/// The words themselves live only in `content/locales/*.yml`; Swift knows the keys and which values it
/// will supply. Keys without placeholders are also handed to templates as `{{t.group.key}}`.
public struct LocaleKey: Sendable, Hashable {
    public let name: String
    public let placeholders: Set<String>
    /// A plural key is a mapping of CLDR categories (one, few, many, other...) chosen by `{count}`.
    public let plural: Bool
    /// A key with alternatives is a list of patterns, longest first: the generator uses the first one
    /// that fits the length limit (titles and descriptions for search results) and whose placeholders
    /// all have a value on that page. A single line is a list of one.
    public let alternatives: Bool

    init(_ name: String, _ placeholders: Set<String> = [], plural: Bool = false, alternatives: Bool = false) {
        self.name = name
        self.placeholders = placeholders
        self.plural = plural
        self.alternatives = alternatives
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
        LocaleKey("nav.decoder"),

        LocaleKey("search.label"),
        LocaleKey("search.placeholder"),
        LocaleKey("search.no_results"),

        LocaleKey("decoder.title"),
        LocaleKey("decoder.description"),
        LocaleKey("decoder.intro"),
        LocaleKey("decoder.label"),
        LocaleKey("decoder.placeholder"),
        LocaleKey("decoder.submit"),
        LocaleKey("decoder.privacy"),
        LocaleKey("decoder.found"),
        LocaleKey("decoder.none"),
        LocaleKey("decoder.comparisons"),
        LocaleKey("decoder.needs_javascript"),

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
        LocaleKey("labels.facts_compared"),
        LocaleKey("labels.which_you_will_see"),

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
        LocaleKey("values.greeting"),
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
        LocaleKey("sentences.which_you_will_see_intro", ["code_a", "code_b"]),
        LocaleKey("sentences.read_full_page", ["code", "title"]),
        LocaleKey("sentences.learn_more_link", ["family", "code", "title"]),
        LocaleKey("sentences.compare_with", ["code"]),
        LocaleKey("sentences.code_class", ["code", "class"]),
        LocaleKey("sentences.code_count", ["count"], plural: true),
        LocaleKey("sentences.comparison_count", ["count"], plural: true),

        // The comparison's numbered key differences: one sentence per kind of fact, in a form for one
        // code and a form for both when they agree.
        LocaleKey("differences.class_same", ["code_a", "code_b", "class"]),
        LocaleKey("differences.class_differ", ["code_a", "class_a", "code_b", "class_b"]),
        LocaleKey("differences.outcome_completed", ["code"]),
        LocaleKey("differences.outcome_intermediate", ["code"]),
        LocaleKey("differences.outcome_transient", ["code"]),
        LocaleKey("differences.outcome_permanent", ["code"]),
        LocaleKey("differences.outcome_transient_or_permanent", ["code"]),
        LocaleKey("differences.outcome_any", ["code"]),
        LocaleKey("differences.both_completed", ["code_a", "code_b"]),
        LocaleKey("differences.both_intermediate", ["code_a", "code_b"]),
        LocaleKey("differences.both_transient", ["code_a", "code_b"]),
        LocaleKey("differences.both_permanent", ["code_a", "code_b"]),
        LocaleKey("differences.both_transient_or_permanent", ["code_a", "code_b"]),
        LocaleKey("differences.both_any", ["code_a", "code_b"]),
        LocaleKey("differences.retry_not_needed", ["code"]),
        LocaleKey("differences.retry_later", ["code"]),
        LocaleKey("differences.retry_after_fix", ["code"]),
        LocaleKey("differences.retry_never", ["code"]),
        LocaleKey("differences.retry_both_not_needed", ["code_a", "code_b"]),
        LocaleKey("differences.retry_both_later", ["code_a", "code_b"]),
        LocaleKey("differences.retry_both_after_fix", ["code_a", "code_b"]),
        LocaleKey("differences.retry_both_never", ["code_a", "code_b"]),
        LocaleKey("differences.any_command"),
        LocaleKey("differences.commands_same", ["code_a", "code_b", "commands"]),
        LocaleKey("differences.commands_differ", ["code_a", "commands_a", "code_b", "commands_b"]),
        LocaleKey("differences.commands_partly", ["code_a", "code_b", "shared", "code", "only"]),
        LocaleKey("differences.commands_overlap", ["code_a", "code_b", "shared", "only_a", "only_b"]),
        LocaleKey("differences.connection_both_open", ["code_a", "code_b"]),
        LocaleKey("differences.connection_both_close", ["code_a", "code_b"]),
        LocaleKey("differences.connection_differs", ["code_closes", "code_open"]),
        LocaleKey("differences.used_with", ["code", "codes", "count"], plural: true),
        LocaleKey("differences.used_with_many", ["code", "codes", "count"], plural: true),
        LocaleKey("differences.used_with_shared", ["code_a", "code_b", "codes", "count"], plural: true),
        LocaleKey("differences.used_with_same", ["code_a", "code_b", "codes"]),
        LocaleKey("differences.defined_same", ["code_a", "code_b", "rfc"]),
        LocaleKey("differences.defined_differ", ["code_a", "rfc_a", "code_b", "rfc_b"]),
        LocaleKey("differences.defined_one", ["code", "rfc"]),
        LocaleKey("differences.status_standard", ["code"]),
        LocaleKey("differences.status_extension", ["code"]),
        LocaleKey("differences.status_deprecated", ["code"]),
        LocaleKey("differences.status_registry_only", ["code"]),
        LocaleKey("differences.status_non_standard", ["code"]),
        LocaleKey("differences.status_both_standard", ["code_a", "code_b"]),
        LocaleKey("differences.status_both_extension", ["code_a", "code_b"]),
        LocaleKey("differences.status_both_deprecated", ["code_a", "code_b"]),
        LocaleKey("differences.status_both_registry_only", ["code_a", "code_b"]),
        LocaleKey("differences.status_both_non_standard", ["code_a", "code_b"]),

        LocaleKey("pages.home_title", ["site"]),
        LocaleKey("pages.home_description", ["site"]),
        LocaleKey("pages.family_title", ["family"]),
        LocaleKey("pages.family_description", ["family"]),
        // Titles and descriptions for search results: lists of patterns, the first that fits is used.
        LocaleKey("pages.code_title", ["family", "code", "title"], alternatives: true),
        LocaleKey("pages.code_description", ["family", "code", "title", "summary", "first_sentence", "class_sentence"], alternatives: true),
        LocaleKey("pages.compare_title", ["family", "code_a", "title_a", "code_b", "title_b", "shared_title"], alternatives: true),
        LocaleKey("pages.compare_description", ["summary", "retry", "family", "code_a", "title_a", "code_b", "title_b"], alternatives: true),
        LocaleKey("pages.not_found_title"),
        LocaleKey("pages.not_found_text"),
        LocaleKey("pages.redirect_title", ["title"]),
        LocaleKey("pages.redirect_text"),

        LocaleKey("fallback.not_translated", ["language"]),
        // Above a translated section whose original changed after the translation was recorded.
        LocaleKey("fallback.outdated", ["language"]),
    ]

    public static let byName: [String: LocaleKey] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
}
