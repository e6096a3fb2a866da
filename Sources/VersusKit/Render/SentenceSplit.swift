/// Where the first sentence of a text ends, for descriptions that must stay whole sentences.
enum SentenceSplit {
    /// The first sentence when the text has more than one, else nil. A sentence ends at ".", "!" or "?"
    /// followed by a space (not "e.g. " or "5.7.1"), or at a full stop of its own: "。", "！", "？", "।".
    static func first(of text: String) -> String? {
        let characters = Array(text)
        for (index, character) in characters.enumerated() where index > 0 && index < characters.count - 1 {
            if ["。", "！", "？", "।"].contains(character) {
                return String(characters[...index]).trimmingWhitespace
            }
            guard [".", "!", "?"].contains(character), characters[index + 1] == " " else { continue }
            // "e.g. " and "i.e. ": an abbreviation, not the end of a sentence.
            let before = String(characters[max(0, index - 3)...index]).lowercased()
            if before.hasSuffix("e.g.") || before.hasSuffix("i.e.") || before.hasSuffix("vs.") { continue }
            return String(characters[...index])
        }
        return nil
    }
}
