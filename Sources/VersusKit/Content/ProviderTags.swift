/// A provider's own tag for a reply, printed in its bounces: Yahoo's `[TSS04]` comes with `421 4.7.0`.
/// A code file lists the tags its page explains, so that the bounce decoder recognises them.
public struct ProviderTag: Sendable, Hashable {
    public var tag: String
    public var provider: String
}

enum ProviderTagReader {
    /// `provider_tags:` is a list of `{tag: TSS04, provider: Yahoo}`.
    static func read(_ tree: YAMLTree?, diagnostics: inout DiagnosticList) -> [ProviderTag] {
        guard let tree else { return [] }
        guard case .sequence(let items, _) = tree else {
            diagnostics.error(tree.location, "\"provider_tags\" must be a list of entries like `- tag: TSS04` with `provider: Yahoo`")
            return []
        }
        var tags: [ProviderTag] = []
        for item in items {
            guard var reader = FieldReader(item, what: "a provider tag", diagnostics: &diagnostics) else { continue }
            let tag = reader.string("tag", required: true, diagnostics: &diagnostics)
            let provider = reader.string("provider", required: true, diagnostics: &diagnostics)
            reader.reportUnknownFields(known: ["tag", "provider"], what: "a provider tag", diagnostics: &diagnostics)
            guard let (tagText, tagLocation) = tag, let (providerText, _) = provider else { continue }
            guard isTag(tagText) else {
                diagnostics.error(tagLocation, "a provider tag is capital letters then digits, as bounces print it without brackets (like TSS04), found \"\(tagText)\"")
                continue
            }
            if tags.contains(where: { $0.tag == tagText }) {
                diagnostics.error(tagLocation, "provider tag \"\(tagText)\" is listed twice")
                continue
            }
            tags.append(ProviderTag(tag: tagText, provider: providerText))
        }
        return tags
    }

    /// Two to six capital letters, then one to four digits: what the decoder looks for in a bounce.
    static func isTag(_ text: String) -> Bool {
        let letters = text.prefix { $0.isASCII && $0.isUppercase }
        let digits = text.dropFirst(letters.count)
        return (2...6).contains(letters.count) && (1...4).contains(digits.count) && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
