/// "Did you mean ...?" for misspelt names: the closest candidate by edit distance, if it is close enough.
enum Suggestion {
    static func closest(to word: String, in candidates: [String]) -> String? {
        let lowered = word.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(Array(lowered), Array(candidate.lowercased()))
            if best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        guard let (candidate, distance) = best else { return nil }
        // Allow roughly one typo per four characters, never a wholly different word.
        let limit = max(2, candidate.count / 4)
        return distance <= limit ? candidate : nil
    }

    static func didYouMean(_ word: String, in candidates: [String]) -> String {
        if let match = closest(to: word, in: candidates) { return prefix + match + suffix }
        return ""
    }

    private static let prefix = " (did you mean \""
    private static let suffix = "\"?)"

    /// A message taken apart again: the text before `didYouMean`'s part, and the word it suggests.
    static func split(_ message: String) -> (message: String, suggestion: String?) {
        guard message.hasSuffix(suffix), let start = message.range(of: prefix, options: .backwards) else { return (message, nil) }
        let word = message[start.upperBound..<message.index(message.endIndex, offsetBy: -suffix.count)]
        return (String(message[..<start.lowerBound]), String(word))
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
