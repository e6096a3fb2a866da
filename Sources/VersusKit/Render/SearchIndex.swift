/// The per-locale search index (`search-index.json`, `tr/search-index.json`): a small JSON array the
/// search box loads on first use, so codes are found by number ("550"), by a code they stand for
/// (`variants`: X.7.1 for "5.7.1"), by a code they are sent with (`enhanced`: 550 for "5.1.1") or by
/// words of the title and summary, in the reader's language, with no external service. The bounce
/// decoder reads it too, and builds comparison links from `path`, the code's folder name.
enum SearchIndex {
    static func json(state: RenderState, localeIndex: Int) -> [UInt8] {
        let locale = state.locales[localeIndex]
        var entries: [String] = []
        for (familyIndex, family) in state.content.families.enumerated() {
            for (codeIndex, entry) in family.codes.enumerated() {
                let fragment = locale.fragments[familyIndex][codeIndex]
                let variants = entry.variants.map(JSON.string).joined(separator: ",")
                let linked = entry.links.map { JSON.string($0.shown) }.joined(separator: ",")
                entries.append("{\"code\":\(JSON.string(entry.code)),\"family\":\(JSON.string(family.name)),\"family_id\":\(JSON.string(family.id)),"
                               + "\"title\":\(JSON.string(fragment.title)),\"variants\":[\(variants)],\"enhanced\":[\(linked)],"
                               + "\"keywords\":\(JSON.string(fragment.summary)),\"url\":\(JSON.string(fragment.url)),"
                               + "\"path\":\(JSON.string(fragment.pathName))}")
            }
        }
        return Array(("[\n" + entries.joined(separator: ",\n") + "\n]\n").utf8)
    }
}
