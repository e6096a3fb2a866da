/// The per-locale search index (`search-index.json`, `tr/search-index.json`): a small JSON array the
/// search box loads on first use, so codes are found by number ("550"), by a code they stand for
/// (`variants`: X.7.1 for "5.7.1"), by a code they are sent with (`enhanced`: 550 for "5.1.1") or by
/// words of the title and summary, in the reader's language, with no external service. The bounce
/// decoder reads it too: it recognises providers' tags (`tags`: Yahoo's TSS04) and builds comparison
/// links from `path`, the code's folder name.
///
/// The words of each code's whole page are a second, larger file (`search-text.json`, an array in the
/// same order), which only the search box loads: the decoder needs none of it.
enum SearchIndex {
    static func json(state: RenderState, localeIndex: Int) -> [UInt8] {
        let locale = state.locales[localeIndex]
        var entries: [String] = []
        for (familyIndex, family) in state.content.families.enumerated() {
            for (codeIndex, entry) in family.codes.enumerated() {
                let fragment = locale.fragments[familyIndex][codeIndex]
                let variants = entry.variants.map(JSON.string).joined(separator: ",")
                let linked = entry.links.map { JSON.string($0.shown) }.joined(separator: ",")
                let tags = entry.providerTags.map { "{\"tag\":\(JSON.string($0.tag)),\"provider\":\(JSON.string($0.provider))}" }
                    .joined(separator: ",")
                entries.append("{\"code\":\(JSON.string(entry.code)),\"family\":\(JSON.string(family.name)),\"family_id\":\(JSON.string(family.id)),"
                               + "\"title\":\(JSON.string(fragment.title)),\"variants\":[\(variants)],\"enhanced\":[\(linked)],"
                               + "\"keywords\":\(JSON.string(fragment.summary)),\"url\":\(JSON.string(fragment.url)),"
                               + "\"path\":\(JSON.string(fragment.pathName)),\"tags\":[\(tags)]}")
            }
        }
        return array(entries)
    }

    static func textJSON(state: RenderState, localeIndex: Int) -> [UInt8] {
        let locale = state.locales[localeIndex].text.code
        var texts: [String] = []
        for rendered in state.markdown.codes.joined() {
            texts.append(JSON.string(SearchText.of(rendered, locale: locale, defaultLocale: state.defaultLocale)))
        }
        return array(texts)
    }

    /// Both files: a JSON array with one item per line, so a diff of two builds shows which codes changed.
    private static func array(_ items: [String]) -> [UInt8] {
        Array(("[\n" + items.joined(separator: ",\n") + "\n]\n").utf8)
    }
}
