/// Checks that need the whole family: codes that fit the family, known classes, related codes that exist.
enum FamilyValidator {
    static func validate(_ family: inout Family, diagnostics: inout DiagnosticList) {
        let pattern = try? Regex(family.codePattern)
        let codes = Set(family.codes.map(\.code))
        for index in family.codes.indices {
            family.codes[index].classKey = Family.classKey(of: family.codes[index].code, pattern: pattern)
        }
        var variantOwners: [String: String] = [:]
        for code in family.codes {
            for variant in code.variants {
                if let owner = variantOwners[variant] ?? (codes.contains(variant) ? variant : nil) {
                    diagnostics.error(code.location, "variant \(variant) of \(code.code) already belongs to \(owner); a code is found on one page only")
                } else {
                    variantOwners[variant] = code.code
                }
            }
        }
        // A tag in a bounce leads to one page of the family, as a variant does.
        var tagOwners: [String: String] = [:]
        for code in family.codes {
            for tag in code.providerTags {
                if let owner = tagOwners[tag.tag] {
                    diagnostics.error(code.location, "provider tag \(tag.tag) of \(code.code) already belongs to \(owner); a tag leads to one page of a family")
                } else {
                    tagOwners[tag.tag] = code.code
                }
            }
        }
        for code in family.codes {
            if let pattern, (try? pattern.wholeMatch(in: code.code)) == nil {
                diagnostics.error(code.location, "code \"\(code.code)\" does not fit the \(family.name) family (its codes match \(family.codePattern))")
            } else if family.codeClass(code.classKey) == nil {
                diagnostics.error(code.location, "code \"\(code.code)\" has no class \"\(code.classKey)\" in \(family.location.file)")
            }
            for (related, location) in zip(code.related, code.relatedLocations) {
                if related == code.code {
                    diagnostics.error(location, "code \(code.code) lists itself as related")
                } else if !codes.contains(related) && !family.followsFromUnreadable(related) {
                    diagnostics.error(location, "related code \"\(related)\" does not exist in \(family.name)\(Suggestion.didYouMean(related, in: Array(codes)))")
                }
            }
        }
    }
}
