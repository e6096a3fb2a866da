/// One locale's terminology, from `content/glossary/LOCALE.yml`: for each concept the one term the
/// locale uses and the variants it does not. `versus check` warns about a variant in any file of that
/// locale, so a reader meets one word for one thing across the whole site.
public struct Glossary: Sendable {
    public struct Term: Sendable {
        /// The concept, as the default locale names it ("greylisting").
        public var concept: String
        /// The locale's one term for it.
        public var use: String
        /// Variants to replace by `use`, as written in the glossary.
        public var avoid: [String]
        public var location: SourceLocation
    }

    public var locale: String
    public var terms: [Term]
    public var file: String

    static let fields = ["en", "use", "avoid"]

    /// Reads a glossary; every mistake in it is an error with its line, and a term that cannot be used
    /// is left out.
    static func parse(_ tree: YAMLTree, locale: String, file: String, diagnostics: inout DiagnosticList) -> Glossary {
        var glossary = Glossary(locale: locale, terms: [], file: file)
        guard var root = FieldReader(tree, what: "a glossary", diagnostics: &diagnostics) else { return glossary }
        let list = root.tree("terms")
        root.reportUnknownFields(known: ["terms"], what: "a glossary (it has one field, `terms:`, a list)", diagnostics: &diagnostics)
        guard let list else {
            diagnostics.error(root.location, "a glossary lists its terms under `terms:`, each like `- en: greylisting` with `use:` and `avoid: [...]`")
            return glossary
        }
        guard case .sequence(let items, _) = list else {
            diagnostics.error(list.location, "\"terms\" must be a list of entries like `- en: greylisting`, found \(list.kindName)")
            return glossary
        }
        var seen: [String: SourceLocation] = [:]
        for item in items {
            guard var reader = FieldReader(item, what: "a glossary term", diagnostics: &diagnostics) else { continue }
            let concept = reader.string("en", required: true, diagnostics: &diagnostics)
            let use = reader.string("use", required: true, diagnostics: &diagnostics)
            let avoid = reader.strings("avoid", diagnostics: &diagnostics)
            reader.reportUnknownFields(known: fields, what: "a glossary term", diagnostics: &diagnostics)
            guard let (conceptText, conceptLocation) = concept, let (useText, _) = use else { continue }
            if let earlier = seen[conceptText.lowercased()] {
                diagnostics.error(conceptLocation, "\"\(conceptText)\" is in the glossary twice (also at line \(earlier.line))")
                continue
            }
            seen[conceptText.lowercased()] = conceptLocation
            var variants: [String] = []
            for (variant, location) in avoid {
                if variant.isEmpty {
                    diagnostics.error(location, "an empty variant in \"avoid\"")
                } else if useText.lowercased() == variant.lowercased() {
                    // A variant inside the right term ("relai" in "relais") is fine: the scanner skips
                    // matches within the term; the term itself cannot be both.
                    diagnostics.error(location, "\"\(variant)\" is the term to use; it cannot also be a variant to avoid")
                } else {
                    variants.append(variant)
                }
            }
            glossary.terms.append(Term(concept: conceptText, use: useText, avoid: variants, location: conceptLocation))
        }
        return glossary
    }
}
