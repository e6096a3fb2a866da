/// The values a sentence's placeholders are filled with. A short list of pairs rather than a
/// dictionary: a comparison page fills a dozen sentences with two to seven values each, and hashing
/// every name on the way in and again on the way out cost more than comparing a few short names.
/// Written as a dictionary literal: `["code_a": a.code, "code_b": b.code]`.
public struct SentenceValues: Sendable, ExpressibleByDictionaryLiteral {
    private var pairs: [(name: String, value: String)]

    public init(dictionaryLiteral elements: (String, String)...) {
        pairs = elements.map { (name: $0.0, value: $0.1) }
    }

    /// The value of `name`: the last one given when a name is given twice (as `merging` leaves it).
    public subscript(name: String) -> String? {
        let count = name.utf8.count
        for pair in pairs.reversed() where pair.name.utf8.count == count && pair.name == name { return pair.value }
        return nil
    }

    /// These values with `other`'s added; a name in both takes `other`'s value.
    public func merging(_ other: SentenceValues) -> SentenceValues {
        var merged = self
        merged.pairs += other.pairs
        return merged
    }
}
