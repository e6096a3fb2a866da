/// Links between codes of different families: a reply code names the enhanced codes it comes with
/// (`used_with: [5.1.1]` or `enhanced: [5.1.1]`), an enhanced code the reply codes it is sent with
/// (`used_with: [550]`). A link named on either side is shown on both pages, so a reader holding
/// "550 5.1.1" reaches each page from the other whichever file an editor wrote it in.
enum CrossLinks {
    static func resolve(_ families: inout [Family], diagnostics: inout DiagnosticList) {
        // Every code and every variant, to the entry that has the page.
        var pages: [String: CodeLink.Target] = [:]
        for (familyIndex, family) in families.enumerated() {
            for (codeIndex, entry) in family.codes.enumerated() {
                let target = CodeLink.Target(family: familyIndex, code: codeIndex)
                pages[entry.code] = pages[entry.code] ?? target
                for variant in entry.variants { pages[variant] = pages[variant] ?? target }
            }
        }
        let patterns = families.map { try? Regex($0.codePattern) }

        var reverse: [CodeLink.Target: [CodeLink.Target]] = [:]
        for familyIndex in families.indices {
            for codeIndex in families[familyIndex].codes.indices {
                let entry = families[familyIndex].codes[codeIndex]
                var links: [CodeLink] = []
                for (value, location) in zip(entry.usedWith, entry.usedWithLocations) {
                    let target = pages[value].flatMap { $0.family == familyIndex ? nil : $0 }
                    if target == nil, let owner = families.indices.first(where: { other in
                        other != familyIndex && patterns[other].map { (try? $0.wholeMatch(in: value)) != nil } == true
                    }) {
                        // It has the shape of a code that would have a page: most likely a typo.
                        let known = families[owner].codes.map(\.code)
                        diagnostics.error(location, "\"\(value)\" is not a code of \(families[owner].name) (\(families[owner].id)/)\(Suggestion.didYouMean(value, in: known))")
                        continue
                    }
                    let link = CodeLink(shown: value, target: target)
                    if !links.contains(link) { links.append(link) }
                    if let target { reverse[target, default: []].append(CodeLink.Target(family: familyIndex, code: codeIndex)) }
                }
                families[familyIndex].codes[codeIndex].links = links
            }
        }
        // The other direction, for links only one side names: shown by the variant in the page's own
        // class where there is one (5.2.2 on 552's page), else by the code (X.2.2).
        for (target, sources) in reverse {
            let page = families[target.family].codes[target.code]
            var links = page.links
            for source in sources.sorted(by: { ($0.family, $0.code) < ($1.family, $1.code) }) {
                guard !links.contains(where: { $0.target == source }) else { continue }
                let other = families[source.family].codes[source.code]
                let shown = other.variants.first { $0.first == page.code.first } ?? other.code
                links.append(CodeLink(shown: shown, target: source))
            }
            families[target.family].codes[target.code].links = links
        }
    }
}
