/// The numbered "Key differences" of a comparison, reasoned from the two codes' facts: for each kind of
/// fact, one sentence for both codes when they agree, else one sentence per code. Every sentence is a
/// locale string (`differences.*`), so word order, plurals and grammar are each language's own.
enum KeyDifferences {
    struct Item {
        var text: String
        /// The default locale's code when the text is a fallback from it (a pair note's `confusion:`).
        var lang: String = ""
    }

    /// What a reply means for the request, from the first digit it is sent with (RFC 5321 section 4.2.1
    /// for reply codes, RFC 3463 section 3.1 for the class of an enhanced code).
    enum Outcome: String {
        case completed, intermediate, transient, permanent
        case transientOrPermanent = "transient_or_permanent"
        case any

        /// A code whose own first digit is a class (550) has that outcome; a pattern (X.7.1) has the
        /// outcomes of the classes it is sent in (its variants 4.7.1 and 5.7.1).
        init?(of entry: CodeEntry) {
            let digits = Set(([entry.code] + entry.variants).compactMap { code -> Character? in
                guard let first = code.first, "2345".contains(first) else { return nil }
                return first
            })
            switch digits {
            case ["2"]: self = .completed
            case ["3"]: self = .intermediate
            case ["4"]: self = .transient
            case ["5"]: self = .permanent
            case ["4", "5"]: self = .transientOrPermanent
            case []: return nil
            default: self = .any
            }
        }
    }

    /// What a code brings to every one of its comparisons in a locale, worked out once with its
    /// fragment rather than on each of its pairs: a code with 96 partners had them remade 96 times.
    struct Facts: Sendable {
        /// Whether the class is something other than the first digit (X.7.x for an enhanced code).
        let classIsNotFirstDigit: Bool
        let outcome: Outcome?
        /// The locale keys of its sentences, alone ("differences.outcome_permanent") and shared with a
        /// code that agrees ("differences.both_permanent").
        let outcomeKey: String, bothOutcomeKey: String
        let retryKey: String, bothRetryKey: String
        let statusKey: String, bothStatusKey: String
        /// The codes of other families it is sent with, as shown, most common first.
        let shown: [String]
        let shownSet: Set<String>
        /// The RFC that defines it, as the locale names it.
        let definedIn: String?

        init(_ entry: CodeEntry, text: LocaleText) {
            classIsNotFirstDigit = entry.classKey != String(entry.code.prefix(1))
            outcome = Outcome(of: entry)
            outcomeKey = "differences.outcome_" + (outcome?.rawValue ?? "")
            bothOutcomeKey = "differences.both_" + (outcome?.rawValue ?? "")
            let retry = entry.retry.map { String($0.localeKey.dropFirst("retry.".count)) } ?? ""
            retryKey = "differences.retry_" + retry
            bothRetryKey = "differences.retry_both_" + retry
            let status = KeyDifferences.statusKey(entry.status)
            statusKey = "differences.status_" + status
            bothStatusKey = "differences.status_both_" + status
            shown = entry.links.map(\.shown)
            shownSet = Set(shown)
            definedIn = entry.rfcs.first.map { text.rfcName($0, withSection: false) }
        }
    }

    /// The sentences for a pair, in a fixed order of kinds of fact; the class names come from the
    /// fragments ("X.7.x Security or Policy Status").
    static func items(_ fragmentA: CodeFragment, _ fragmentB: CodeFragment, text: LocaleText, confusion: Item?) -> [Item] {
        let (a, b) = (fragmentA.entry, fragmentB.entry)
        let (factsA, factsB) = (fragmentA.differenceFacts, fragmentB.differenceFacts)
        var items: [String] = []
        let pair: SentenceValues = ["code_a": a.code, "code_b": b.code]
        func each(_ keyA: String, _ keyB: String) -> String {
            text.joinSentences(text.text(keyA, ["code": a.code]), text.text(keyB, ["code": b.code]))
        }

        // Where a code's class is not its first digit (the subject of an enhanced code, X.7.x), the
        // class says what the code is about, which the outcome below does not.
        if factsA.classIsNotFirstDigit || factsB.classIsNotFirstDigit {
            items.append(a.classKey == b.classKey
                ? text.text("differences.class_same", ["code_a": a.code, "code_b": b.code, "class": fragmentA.classLabel])
                : text.text("differences.class_differ", ["code_a": a.code, "class_a": fragmentA.classLabel, "code_b": b.code,
                                                         "class_b": fragmentB.classLabel]))
        }

        if let outcomeA = factsA.outcome, let outcomeB = factsB.outcome {
            items.append(outcomeA == outcomeB ? text.text(factsA.bothOutcomeKey, pair) : each(factsA.outcomeKey, factsB.outcomeKey))
        }
        if let retryA = a.retry, let retryB = b.retry {
            items.append(retryA == retryB ? text.text(factsA.bothRetryKey, pair) : each(factsA.retryKey, factsB.retryKey))
        }
        if let commands = commandsSentence(a, b, text: text) { items.append(commands) }
        if let closesA = a.closesConnection, let closesB = b.closesConnection {
            switch (closesA, closesB) {
            case (false, false): items.append(text.text("differences.connection_both_open", pair))
            case (true, true): items.append(text.text("differences.connection_both_close", pair))
            default:
                let (closing, open) = closesA ? (a.code, b.code) : (b.code, a.code)
                items.append(text.text("differences.connection_differs", ["code_closes": closing, "code_open": open]))
            }
        }
        if let usedWith = usedWithSentence(a.code, factsA, b.code, factsB, text: text) { items.append(usedWith) }
        if let defined = definedSentence(a.code, factsA, b.code, factsB, text: text) { items.append(defined) }
        items.append(factsA.statusKey == factsB.statusKey ? text.text(factsA.bothStatusKey, pair) : each(factsA.statusKey, factsB.statusKey))

        return items.map { Item(text: $0) } + (confusion.map { [$0] } ?? [])
    }

    /// The session point each answers: the same commands, some shared, or none in common.
    /// Nothing when neither code names a command (an enhanced code comes with whatever reply carries it).
    private static func commandsSentence(_ a: CodeEntry, _ b: CodeEntry, text: LocaleText) -> String? {
        guard !a.commands.isEmpty || !b.commands.isEmpty else { return nil }
        func names(_ commands: [String]) -> String {
            commands.isEmpty ? text.text("differences.any_command") : text.list(commands.map(text.command))
        }
        if a.commands == b.commands || Set(a.commands) == Set(b.commands) {
            return text.text("differences.commands_same", ["code_a": a.code, "code_b": b.code, "commands": names(a.commands)])
        }
        let shared = a.commands.filter(b.commands.contains)
        let onlyA = a.commands.filter { !b.commands.contains($0) }, onlyB = b.commands.filter { !a.commands.contains($0) }
        if shared.isEmpty || a.commands.isEmpty || b.commands.isEmpty {
            return text.text("differences.commands_differ", ["code_a": a.code, "commands_a": names(a.commands),
                                                            "code_b": b.code, "commands_b": names(b.commands)])
        }
        if onlyA.isEmpty || onlyB.isEmpty {
            let (code, only) = onlyA.isEmpty ? (b.code, onlyB) : (a.code, onlyA)
            return text.text("differences.commands_partly", ["code_a": a.code, "code_b": b.code, "shared": names(shared),
                                                            "code": code, "only": names(only)])
        }
        return text.text("differences.commands_overlap", ["code_a": a.code, "code_b": b.code, "shared": names(shared),
                                                         "only_a": names(onlyA), "only_b": names(onlyB)])
    }

    /// The codes of the other family each is sent with (enhanced codes of a reply code, or the other way),
    /// and the ones they have in common. Long lists name the first few, which files list most common first.
    private static func usedWithSentence(_ codeA: String, _ a: Facts, _ codeB: String, _ b: Facts, text: LocaleText) -> String? {
        if !a.shown.isEmpty, a.shownSet == b.shownSet {
            return text.text("differences.used_with_same", ["code_a": codeA, "code_b": codeB, "codes": text.list(a.shown)])
        }
        var sentences = [(codeA, a.shown), (codeB, b.shown)].filter { !$0.1.isEmpty }.map { code, shown in
            shown.count > listLimit
                ? text.plural("differences.used_with_many", count: shown.count, ["code": code, "codes": text.list(Array(shown.prefix(3)))])
                : text.plural("differences.used_with", count: shown.count, ["code": code, "codes": text.list(shown)])
        }
        let shared = a.shown.filter(b.shownSet.contains)
        if !shared.isEmpty {
            sentences.append(text.plural("differences.used_with_shared", count: shared.count,
                                         ["code_a": codeA, "code_b": codeB, "codes": text.list(Array(shared.prefix(3)))]))
        }
        guard let first = sentences.first else { return nil }
        return sentences.dropFirst().reduce(first) { text.joinSentences($0, $1) }
    }

    /// Up to this many codes are listed in full; beyond it, the count and the first three.
    private static let listLimit = 5

    /// The RFC each code comes from: its first reference, the one that defines it.
    private static func definedSentence(_ codeA: String, _ a: Facts, _ codeB: String, _ b: Facts, text: LocaleText) -> String? {
        switch (a.definedIn, b.definedIn) {
        case let (rfcA?, rfcB?) where rfcA == rfcB:
            return text.text("differences.defined_same", ["code_a": codeA, "code_b": codeB, "rfc": rfcA])
        case let (rfcA?, rfcB?):
            return text.text("differences.defined_differ", ["code_a": codeA, "rfc_a": rfcA, "code_b": codeB, "rfc_b": rfcB])
        case let (rfcA?, nil):
            return text.text("differences.defined_one", ["code": codeA, "rfc": rfcA])
        case let (nil, rfcB?):
            return text.text("differences.defined_one", ["code": codeB, "rfc": rfcB])
        case (nil, nil):
            return nil
        }
    }

    private static func statusKey(_ status: CodeStatus) -> String {
        // Not Foundation's replacingOccurrences: this runs for every comparison page, and bridging
        // strings to Foundation for it cost about 2% of a build's CPU time.
        String(status.localeKey.dropFirst("status.".count))
    }
}
