import Foundation
import Testing
@testable import VersusKit

/// Incremental builds must give exactly what a clean build gives. A small site gets seeded random
/// edits of every kind an editor makes (body sections, titles, summaries, facts, labels, class names,
/// templates, pair notes; codes, translations and locales added and removed); after each one the
/// site is rebuilt over the last build and compared byte for byte, manifest included, with a clean
/// build of the same sources. Now and then an edit breaks the content: that build must fail and leave
/// the output exactly as it was.
///
/// Reproduce a run with `VERSUS_SEED=N swift test --filter RandomEditTests`; the seed of a failing
/// run is in its failure messages.
@Suite struct RandomEditTests {
    static let editsPerRun = 220

    @Test func incrementalBuildsMatchCleanBuildsAfterRandomEdits() async throws {
        let seed = ProcessInfo.processInfo.environment["VERSUS_SEED"].flatMap { UInt64($0) } ?? 20_261_202
        let run = try await offThePool { try Self.run(seed: seed, edits: Self.editsPerRun) }
        #expect(run.failures.isEmpty, "\(run.failures.joined(separator: "\n"))")
        #expect(run.edits == Self.editsPerRun)
        // Every kind of edit was made often enough to mean something.
        for kind in SiteEditor.allKinds {
            #expect(run.kinds[kind, default: 0] >= 5, "seed \(seed): only \(run.kinds[kind, default: 0]) edits of kind \(kind)")
        }
    }

    struct Run: Sendable {
        var edits = 0
        var kinds: [String: Int] = [:]
        var failures: [String] = []
    }

    /// Makes the edits and builds after each; stops at the first failure, which names the seed and the edit.
    static func run(seed: UInt64, edits: Int) throws -> Run {
        var editor = try SiteEditor(seed: seed)
        defer { editor.site.cleanUp() }
        let clean = editor.site.root.appendingPathComponent("Clean").path
        var run = Run()
        guard editor.site.build().successValue != nil else { return Run(failures: ["seed \(seed): the starting site does not build"]) }
        for step in 1...edits {
            let edit = try editor.randomEdit()
            run.edits += 1
            run.kinds[edit.kind, default: 0] += 1
            let context = "seed \(seed), edit \(step): \(edit.description)"
            let jobs = editor.random.next(upTo: 2) + 1

            if edit.breaksContent {
                let before = editor.site.outputFiles()
                if editor.site.build(jobs: jobs).failureValue == nil { run.failures.append("\(context): a broken edit built") }
                if editor.site.outputFiles() != before { run.failures.append("\(context): a failed build changed the output") }
                try edit.undo()
                if !run.failures.isEmpty { return run }
                continue
            }

            let incremental = editor.site.build(jobs: jobs)
            if let failure = incremental.failureValue { run.failures.append("\(context): \(failure)"); return run }
            try? FileManager.default.removeItem(atPath: clean)
            if let failure = editor.site.build(jobs: 2, output: clean).failureValue {
                run.failures.append("\(context): the clean build failed: \(failure)")
                return run
            }
            let got = editor.site.outputFiles(), expected = editor.site.outputFiles(clean)
            let differing = Set(got.keys).union(expected.keys).filter { got[$0] != expected[$0] }.sorted()
            if !differing.isEmpty {
                run.failures.append("\(context): the incremental build differs from a clean one in \(differing.prefix(8))")
                return run
            }
        }
        return run
    }

    @Test func theSameSeedMakesTheSameEdits() throws {
        var first = try SiteEditor(seed: 7), second = try SiteEditor(seed: 7)
        defer { first.site.cleanUp(); second.site.cleanUp() }
        for _ in 0..<40 { #expect(try first.randomEdit().description == second.randomEdit().description) }
    }
}

/// Seeded SplitMix64: the same seed gives the same edits on every machine.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    mutating func next(upTo bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func pick<T>(_ items: [T]) -> T { items[next(upTo: items.count)] }

    mutating func word() -> String {
        pick(["mailbox", "relay", "retry", "quota", "greylisting", "sender", "policy", "queue", "bounce", "Übergabe", "kuyruk", "ağ"])
    }

    mutating func sentence() -> String {
        (0..<(3 + next(upTo: 6))).map { _ in word() }.joined(separator: " ").capitalizedFirst + "."
    }
}

private extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

/// One edit made to the site, with what it takes to undo it when it was meant to break the build.
struct SiteEdit {
    var kind: String
    var description: String
    var breaksContent = false
    var undo: () throws -> Void = {}
}

/// Makes random, mostly valid edits to a small site in a temporary folder.
struct SiteEditor {
    static let allKinds = ["section", "title", "summary", "fact", "label", "class name", "template", "pair note",
                           "code added", "code removed", "translation", "locale", "broken"]
    static let codePool = ["211", "214", "220", "221", "250", "251", "252", "354", "421", "450", "451", "452",
                           "500", "501", "550", "551", "552", "553", "554"]

    let site: TestSite
    var random: SeededRandom
    private(set) var codes: [String]
    private(set) var extraLocales: [String] = []

    init(seed: UInt64) throws {
        random = SeededRandom(seed: seed)
        codes = ["250", "251", "450", "550", "551"]
        site = try TestSite(codes: codes)
    }

    private func path(_ code: String, locale: String? = nil) -> String {
        "content/smtp/\(code)" + (locale.map { "." + $0 } ?? "") + ".md"
    }

    private func read(_ relative: String) throws -> String {
        try String(contentsOfFile: site.root.appendingPathComponent(relative).path, encoding: .utf8)
    }

    private func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: site.root.appendingPathComponent(relative).path)
    }

    /// Replaces the first line starting with `prefix` (after indentation) by `prefix + value`.
    private func setLine(_ relative: String, startingWith prefix: String, to value: String) throws {
        var lines = try read(relative).components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix(prefix) }) else {
            throw EditError.noLine(relative, prefix)
        }
        let indent = lines[index].prefix { $0 == " " }
        lines[index] = indent + prefix + value
        try site.write(relative, lines.joined(separator: "\n"))
    }

    enum EditError: Error { case noLine(String, String) }

    private func yamlQuoted(_ text: String) -> String { "\"" + text + "\"" }

    mutating func randomEdit() throws -> SiteEdit {
        let kind = random.pick(Self.allKinds)
        let code = random.pick(codes)
        switch kind {
        case "section":
            let heading = random.pick(["Description", "When you see it", "How to fix"])
            var text = try read(path(code))
            guard let start = text.range(of: "## \(heading)\n") else { throw EditError.noLine(path(code), heading) }
            text.insert(contentsOf: "\n" + random.sentence() + "\n", at: start.upperBound)
            try site.write(path(code), text)
            return SiteEdit(kind: kind, description: "\(code): a sentence added to \(heading)")
        case "title":
            let title = "Title \(code) \(random.word())"
            try setLine(path(code), startingWith: "title: ", to: yamlQuoted(title))
            return SiteEdit(kind: kind, description: "\(code): title \(title)")
        case "summary":
            try setLine(path(code), startingWith: "summary: ", to: yamlQuoted(random.sentence()))
            return SiteEdit(kind: kind, description: "\(code): summary changed")
        case "fact":
            let fact = random.pick(["commands", "used_with", "related", "status", "rfcs", "retry", "closes_connection"])
            let value = switch fact {
            case "commands": "[" + random.pick(["RCPT", "MAIL", "DATA", "RCPT, DATA", "EHLO"]) + "]"
            case "used_with": "[" + random.pick(["", "5.1.1", "4.2.2, 4.7.1", "5.7.1"]) + "]"
            case "related": "[" + random.pick(codes.filter { $0 != code }) + "]"
            case "status": random.pick(["standard", "extension", "deprecated", "non-standard"])
            case "rfcs": "[" + random.pick(["5321", "5321 4.2.3", "3463 3.2", "5321 4.2.2"]) + "]"
            case "retry": random.pick(RetryAdvice.allCases.map(\.rawValue))
            default: random.pick(["true", "false"])
            }
            let text = try read(path(code))
            if text.contains("\n\(fact): ") {
                try setLine(path(code), startingWith: "\(fact): ", to: value)
            } else {
                try site.write(path(code), text.replacingOccurrences(of: "\nrfcs:", with: "\n\(fact): \(value)\nrfcs:"))
            }
            return SiteEdit(kind: kind, description: "\(code): \(fact) \(value)")
        case "label":
            let locale = random.pick(["en", "tr"] + extraLocales)
            let key = random.pick(["home: ", "footer: ", "later: ", "standard: ", "tagline: "])
            try setLine("content/locales/\(locale).yml", startingWith: key, to: yamlQuoted(random.sentence()))
            return SiteEdit(kind: kind, description: "\(locale).yml: \(key)changed")
        case "class name":
            let digit = random.pick(["2", "4", "5"])
            let locale = random.pick(["en", "tr"])
            var lines = try read("content/smtp/family.yml").components(separatedBy: "\n")
            guard let classLine = lines.firstIndex(of: "  \"\(digit)\":"),
                  let nameLine = lines[classLine...].firstIndex(where: { $0.hasPrefix("    \(locale): ") })
            else { throw EditError.noLine("content/smtp/family.yml", digit) }
            lines[nameLine] = "    \(locale): \(random.word().capitalizedFirst) \(random.word())"
            try site.write("content/smtp/family.yml", lines.joined(separator: "\n"))
            return SiteEdit(kind: kind, description: "family.yml: class \(digit) in \(locale)")
        case "template":
            let file = random.pick(["templates/partials/footer.mustache", "templates/code.mustache", "templates/compare.mustache",
                                    "templates/redirect.mustache", "templates/home.mustache"])
            let text = try read(file)
            try site.write(file, text + "<!-- \(random.word()) -->\n")
            return SiteEdit(kind: kind, description: "\(file): a comment added")
        case "pair note":
            let pair = [code, random.pick(codes.filter { $0 != code })].sorted { CodeOrder.less($0, $1) }
            let locale = random.pick([nil, "tr"] as [String?])
            let file = "content/smtp/pairs/\(pair[0])-\(pair[1])" + (locale.map { "." + $0 } ?? "") + ".md"
            let base = "content/smtp/pairs/\(pair[0])-\(pair[1]).md"
            if exists(file), random.next(upTo: 3) == 0 {
                if locale == nil, exists("content/smtp/pairs/\(pair[0])-\(pair[1]).tr.md") {
                    try site.remove("content/smtp/pairs/\(pair[0])-\(pair[1]).tr.md")
                }
                try site.remove(file)
                return SiteEdit(kind: kind, description: "\(file) removed")
            }
            if locale != nil, !exists(base) { try site.write(base, "## Difference\n\n\(random.sentence())\n") }
            try site.write(file, "## Difference\n\n\(random.sentence())\n")
            return SiteEdit(kind: kind, description: "\(file) written")
        case "code added":
            let free = Self.codePool.filter { !codes.contains($0) }
            guard let new = free.isEmpty ? nil : random.pick(free) else { return try randomEdit() }
            try site.writeCode(new, related: [random.pick(codes)])
            codes.append(new)
            return SiteEdit(kind: kind, description: "\(new) added")
        case "code removed":
            guard codes.count > 3 else { return try randomEdit() }
            try removeCode(code)
            return SiteEdit(kind: kind, description: "\(code) removed")
        case "translation":
            let locale = random.pick(["tr"] + extraLocales)
            let file = path(code, locale: locale)
            if exists(file), random.next(upTo: 3) == 0 {
                try site.remove(file)
                return SiteEdit(kind: kind, description: "\(file) removed")
            }
            let heading = locale == "tr" ? "Açıklama" : "Description"
            var text = "---\ntitle: \(yamlQuoted("Başlık \(code) \(random.word())"))\n"
            if random.next(upTo: 2) == 0 { text += "summary: \(yamlQuoted(random.sentence()))\n" }
            text += "---\n"
            if random.next(upTo: 2) == 0 { text += "## \(heading)\n\n\(random.sentence())\n" }
            try site.write(file, text)
            return SiteEdit(kind: kind, description: "\(file) written")
        case "locale":
            if let locale = extraLocales.first, random.next(upTo: 2) == 0 {
                try removeLocale(locale)
                return SiteEdit(kind: kind, description: "locale \(locale) removed")
            }
            let locale = random.pick(["de", "ar", "ja"].filter { !extraLocales.contains($0) })
            try addLocale(locale)
            return SiteEdit(kind: kind, description: "locale \(locale) added")
        default:
            // "broken": an edit the build must refuse, undone afterwards.
            let file = path(code)
            let original = try read(file)
            let site = site
            let broken = random.pick([
                original.replacingOccurrences(of: "## Description", with: "## Descripton"),
                original.replacingOccurrences(of: "\nstatus: ", with: "\nstatus: unheard-of-"),
                original.replacingOccurrences(of: "---\n", with: "--\n"),
            ])
            try site.write(file, broken)
            return SiteEdit(kind: kind, description: "\(file) broken", breaksContent: true) { try site.write(file, original) }
        }
    }

    private mutating func removeCode(_ code: String) throws {
        try site.remove(path(code))
        for locale in ["tr"] + extraLocales where exists(path(code, locale: locale)) { try site.remove(path(code, locale: locale)) }
        let pairs = site.root.appendingPathComponent("content/smtp/pairs").path
        for name in try FileManager.default.contentsOfDirectory(atPath: pairs)
        where name.split(separator: ".")[0].split(separator: "-").contains(Substring(code)) {
            try site.remove("content/smtp/pairs/" + name)
        }
        codes.removeAll { $0 == code }
        // Other codes may name it as related: point them elsewhere.
        for other in codes where try read(path(other)).contains("related: [\(code)]") {
            try setLine(path(other), startingWith: "related: ", to: "[]")
        }
    }

    private mutating func addLocale(_ locale: String) throws {
        let names = ["de": ("Deutsch", "ltr"), "ar": ("العربية", "rtl"), "ja": ("日本語", "ltr")]
        let (name, direction) = names[locale]!
        try FileManager.default.copyItem(at: TestSite.repository.appendingPathComponent("content/locales/\(locale).yml"),
                                         to: site.root.appendingPathComponent("content/locales/\(locale).yml"))
        let config = try read("content/site.yml")
        try site.write("content/site.yml", config + "\n  - code: \(locale)\n    name: \(name)\n    direction: \(direction)")
        extraLocales.append(locale)
    }

    private mutating func removeLocale(_ locale: String) throws {
        try site.remove("content/locales/\(locale).yml")
        for code in codes where exists(path(code, locale: locale)) { try site.remove(path(code, locale: locale)) }
        var config = try read("content/site.yml").components(separatedBy: "\n")
        guard let start = config.firstIndex(of: "  - code: \(locale)") else { throw EditError.noLine("content/site.yml", locale) }
        config.removeSubrange(start...(start + 2))
        try site.write("content/site.yml", config.joined(separator: "\n"))
        extraLocales.removeAll { $0 == locale }
    }
}
