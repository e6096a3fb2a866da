/// The per-locale search index (`search-index.json`, `tr/search-index.json`): a small JSON array the
/// search box loads on first use, so codes are found by number ("550"), enhanced code ("5.1.1") or
/// words of the title and summary, in the reader's language, with no external service.
enum SearchIndex {
    static func json(state: RenderState, localeIndex: Int) -> [UInt8] {
        let locale = state.locales[localeIndex]
        var entries: [String] = []
        for (familyIndex, family) in state.content.families.enumerated() {
            for (codeIndex, entry) in family.codes.enumerated() {
                let fragment = locale.fragments[familyIndex][codeIndex]
                let enhanced = (entry.variants + entry.links.map(\.shown)).map(JSON.string).joined(separator: ",")
                entries.append("{\"code\":\(JSON.string(entry.code)),\"family\":\(JSON.string(family.name)),"
                               + "\"title\":\(JSON.string(fragment.title)),\"enhanced\":[\(enhanced)],"
                               + "\"keywords\":\(JSON.string(fragment.summary)),\"url\":\(JSON.string(fragment.url))}")
            }
        }
        return Array(("[\n" + entries.joined(separator: ",\n") + "\n]\n").utf8)
    }
}
