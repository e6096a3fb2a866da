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

    /// - Parameter classLabels: the two codes' class names ("X.7.x Security or Policy Status").
    static func items(_ a: CodeEntry, _ b: CodeEntry, classLabels: (String, String), text: LocaleText, confusion: Item?) -> [Item] {
        var items: [String] = []
        let pair: SentenceValues = ["code_a": a.code, "code_b": b.code]
        func each(_ keyA: String, _ keyB: String) -> String {
            text.joinSentences(text.text(keyA, ["code": a.code]), text.text(keyB, ["code": b.code]))
        }

        // Where a code's class is not its first digit (the subject of an enhanced code, X.7.x), the
        // class says what the code is about, which the outcome below does not.
        if a.classKey != String(a.code.prefix(1)) || b.classKey != String(b.code.prefix(1)) {
            items.append(a.classKey == b.classKey
                ? text.text("differences.class_same", ["code_a": a.code, "code_b": b.code, "class": classLabels.0])
                : text.text("differences.class_differ", ["code_a": a.code, "class_a": classLabels.0, "code_b": b.code, "class_b": classLabels.1]))
        }

        if let outcomeA = Outcome(of: a), let outcomeB = Outcome(of: b) {
            items.append(outcomeA == outcomeB ? text.text("differences.both_" + outcomeA.rawValue, pair)
                         : each("differences.outcome_" + outcomeA.rawValue, "differences.outcome_" + outcomeB.rawValue))
        }
        if let retryA = a.retry, let retryB = b.retry {
            let keyA = retryA.localeKey.dropFirst("retry.".count)
            let keyB = retryB.localeKey.dropFirst("retry.".count)
            items.append(retryA == retryB ? text.text("differences.retry_both_" + keyA, pair)
                         : each("differences.retry_" + keyA, "differences.retry_" + keyB))
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
        if let usedWith = usedWithSentence(a, b, text: text) { items.append(usedWith) }
        if let defined = definedSentence(a, b, text: text) { items.append(defined) }
        let statusA = statusKey(a.status), statusB = statusKey(b.status)
        items.append(statusA == statusB ? text.text("differences.status_both_" + statusA, pair)
                     : each("differences.status_" + statusA, "differences.status_" + statusB))

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
    private static func usedWithSentence(_ a: CodeEntry, _ b: CodeEntry, text: LocaleText) -> String? {
        let shownA = a.links.map(\.shown), shownB = b.links.map(\.shown)
        if !shownA.isEmpty, Set(shownA) == Set(shownB) {
            return text.text("differences.used_with_same", ["code_a": a.code, "code_b": b.code, "codes": text.list(shownA)])
        }
        var sentences = [(a.code, shownA), (b.code, shownB)].filter { !$0.1.isEmpty }.map { code, shown in
            shown.count > listLimit
                ? text.plural("differences.used_with_many", count: shown.count, ["code": code, "codes": text.list(Array(shown.prefix(3)))])
                : text.plural("differences.used_with", count: shown.count, ["code": code, "codes": text.list(shown)])
        }
        let shared = shownA.filter(shownB.contains)
        if !shared.isEmpty {
            sentences.append(text.plural("differences.used_with_shared", count: shared.count,
                                         ["code_a": a.code, "code_b": b.code, "codes": text.list(Array(shared.prefix(3)))]))
        }
        guard let first = sentences.first else { return nil }
        return sentences.dropFirst().reduce(first) { text.joinSentences($0, $1) }
    }

    /// Up to this many codes are listed in full; beyond it, the count and the first three.
    private static let listLimit = 5

    /// The RFC each code comes from: its first reference, the one that defines it.
    private static func definedSentence(_ a: CodeEntry, _ b: CodeEntry, text: LocaleText) -> String? {
        func name(_ entry: CodeEntry) -> String? { entry.rfcs.first.map { text.rfcName($0, withSection: false) } }
        switch (name(a), name(b)) {
        case let (rfcA?, rfcB?) where rfcA == rfcB:
            return text.text("differences.defined_same", ["code_a": a.code, "code_b": b.code, "rfc": rfcA])
        case let (rfcA?, rfcB?):
            return text.text("differences.defined_differ", ["code_a": a.code, "rfc_a": rfcA, "code_b": b.code, "rfc_b": rfcB])
        case let (rfcA?, nil):
            return text.text("differences.defined_one", ["code": a.code, "rfc": rfcA])
        case let (nil, rfcB?):
            return text.text("differences.defined_one", ["code": b.code, "rfc": rfcB])
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
