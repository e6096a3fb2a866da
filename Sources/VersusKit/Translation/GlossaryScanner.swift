import Foundation

/// Finds a glossary's forbidden variants in one file of its locale and reports each as a warning with
/// its line and column.
///
/// Matching ignores case and what is not prose: code spans and fenced blocks (server replies stay in
/// English), link targets, YAML keys and comments, and the `translated_from:` hashes. A variant in a
/// script written with spaces (Latin, Cyrillic, Arabic, Devanagari, Hangul...) must start a word, so
/// "log" does not match inside "catalog"; its end is left open, so a variant also finds its inflected
/// forms ("Bounce" finds "Bounces"), except in a longer word written in capitals where it is found:
/// that is a protocol keyword or an acronym, not the locale's word ("log" does not match "AUTH LOGIN"). Chinese,
/// Japanese and Thai have no spaces between words: there a variant matches anywhere. A match inside
/// an occurrence of the right term is not reported.
struct GlossaryScanner: Sendable {
    enum FileKind: Sendable {
        /// A Markdown file with YAML front matter (a code, a translation, a pair note).
        case markdown
        /// A YAML file (a locale's strings).
        case yaml
    }

    private struct Variant: Sendable {
        var bytes: [UInt8]
        var written: String
        var needsWordStart: Bool
        var term: Int
    }

    private let glossary: Glossary
    private let variants: [Variant]
    /// [term]: the lowercased bytes of its `use` form.
    private let uses: [[UInt8]]
    /// [first byte]: the variants that start with it, so that a file is walked once for all of them
    /// (a locale has about a hundred variants, and every build scans every translation).
    private let variantsByFirstByte: [[Int]]
    /// A bit for each pair of bytes that some variant starts with (or, for a one-byte variant, each
    /// pair that starts with its byte): most places in a file start none, and this says so from a
    /// table of 8 KB before any variant is compared (the scan was a third of loading the content).
    private let startingPairs: [UInt64]
    /// [first two bytes]: the variants that start with them. By the first byte alone, every letter of
    /// a Cyrillic or Greek text would be tried against all of its script's variants.
    private let variantsByPair: [UInt16: [Int]]

    init(_ glossary: Glossary) {
        self.glossary = glossary
        var variants: [Variant] = []
        for (index, term) in glossary.terms.enumerated() {
            for variant in term.avoid {
                let lowered = variant.lowercased()
                let first = lowered.unicodeScalars.first.map(Self.isWrittenWithSpaces) ?? true
                variants.append(Variant(bytes: Array(lowered.utf8), written: variant, needsWordStart: first, term: index))
            }
        }
        self.variants = variants
        uses = glossary.terms.map { Array($0.use.lowercased().utf8) }
        var byFirstByte = [[Int]](repeating: [], count: 256)
        for (index, variant) in variants.enumerated() {
            if let first = variant.bytes.first { byFirstByte[Int(first)].append(index) }
        }
        variantsByFirstByte = byFirstByte
        var pairs = [UInt64](repeating: 0, count: 65_536 / 64)
        var byPair: [UInt16: [Int]] = [:]
        for (index, variant) in variants.enumerated() where !variant.bytes.isEmpty {
            let first = Int(variant.bytes[0]) << 8
            let seconds = variant.bytes.count > 1 ? [Int(variant.bytes[1])] : Array(0..<256)
            for second in seconds {
                pairs[(first | second) >> 6] |= 1 << UInt64((first | second) & 63)
                byPair[UInt16(first | second), default: []].append(index)
            }
        }
        startingPairs = pairs
        variantsByPair = byPair
    }

    /// The variants that may start at `offset`: none for most places, found from their first two bytes.
    private func candidates(at offset: Int, in bytes: [UInt8]) -> [Int] {
        guard offset + 1 < bytes.count else { return variantsByFirstByte[Int(bytes[offset])] }
        let pair = Int(bytes[offset]) << 8 | Int(bytes[offset + 1])
        guard startingPairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else { return [] }
        return variantsByPair[UInt16(pair)] ?? []
    }

    var isEmpty: Bool { variants.isEmpty }

    func scan(_ text: String, file: String, kind: FileKind, diagnostics: inout DiagnosticList) {
        guard !variants.isEmpty else { return }
        let bytes = text.lowercasedUTF8
        let prose = Self.proseMask(bytes, kind: kind)
        var lineStarts: [Int] = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { lineStarts.append(offset + 1) }
        var matches: [(variant: Int, offset: Int)] = []
        for offset in bytes.indices where prose[offset] {
            for index in candidates(at: offset, in: bytes) where Self.matches(variants[index].bytes, in: bytes, at: offset) {
                matches.append((index, offset))
            }
        }
        // In the order a variant-by-variant search reports them.
        matches.sort { ($0.variant, $0.offset) < ($1.variant, $1.offset) }
        var reported = Set<Int>()
        for (index, match) in matches {
            let variant = variants[index]
            guard !reported.contains(match) else { continue }
            if variant.needsWordStart, match > 0, Self.isWordCharacter(before: match, in: bytes) { continue }
            if isInsideUse(of: variant.term, match: match, length: variant.bytes.count, in: bytes) { continue }
            if variant.needsWordStart, Self.startsWordInCapitals(match: match, length: variant.bytes.count, lowered: bytes, original: text) { continue }
            reported.insert(match)
            let line = lineStarts.lastIndex { $0 <= match } ?? 0
            let column = String(decoding: bytes[lineStarts[line]..<match], as: UTF8.self).count + 1
            let term = glossary.terms[variant.term]
            diagnostics.warning(SourceLocation(file: file, line: line + 1, column: column),
                                "\"\(variant.written)\" is not the \(glossary.locale) glossary's term for \"\(term.concept)\": write \"\(term.use)\" (\(Self.shortPath(glossary.file)):\(term.location.line))")
        }
    }

    /// Whether the match lies within an occurrence of the term's own `use` form ("gri liste" inside
    /// "gri listeleme").
    private func isInsideUse(of term: Int, match: Int, length: Int, in bytes: [UInt8]) -> Bool {
        let use = uses[term]
        guard use.count > length else { return false }
        var start = max(0, match + length - use.count)
        while start <= match, let found = Self.find(use, in: bytes, from: start) {
            if found <= match && found + use.count >= match + length { return true }
            if found > match { return false }
            start = found + 1
        }
        return false
    }

    /// Whether the match begins a longer word that the original text writes in capitals there
    /// ("LOGIN" for the variant "log"). Only asked for the rare match that runs into a longer word, so
    /// the file is searched again only then. Lowercasing may change the length of other characters,
    /// so the occurrence is found by its rank: the k-th time the word appears in the lowered text is
    /// the k-th time it appears, in any case, in the original.
    private static func startsWordInCapitals(match: Int, length: Int, lowered: [UInt8], original: String) -> Bool {
        var end = match + length
        while end < lowered.count, isASCIILetterOrDigit(lowered[end]) { end += 1 }
        guard end > match + length, end == lowered.count || !isWordByte(lowered[end]) else { return false }
        let word = Array(lowered[match..<end])
        var rank = 0
        var from = 0
        while let found = find(word, in: lowered, from: from), found < match {
            rank += 1
            from = found + 1
        }
        let bytes = Array(original.utf8)
        var seen = 0
        var offset = 0
        while offset + word.count <= bytes.count {
            let candidate = bytes[offset..<(offset + word.count)]
            if zip(candidate, word).allSatisfy({ asciiLowercased($0) == $1 }) {
                if seen == rank { return candidate.allSatisfy { !($0 >= 0x61 && $0 <= 0x7A) } }
                seen += 1
            }
            offset += 1
        }
        return false
    }

    private static func asciiLowercased(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }

    /// A byte that continues a word: an ASCII letter or digit, or any byte of a non-ASCII character.
    private static func isWordByte(_ byte: UInt8) -> Bool { isASCIILetterOrDigit(byte) || byte >= 0x80 }

    /// Whether `needle` follows at `offset`, whose first byte the caller has already compared.
    private static func matches(_ needle: [UInt8], in haystack: [UInt8], at offset: Int) -> Bool {
        guard offset + needle.count <= haystack.count else { return false }
        for index in 1..<needle.count where haystack[offset + index] != needle[index] { return false }
        return true
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first, matches(needle, in: haystack, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// Whether the character that ends just before `offset` is a letter, digit or combining mark.
    private static func isWordCharacter(before offset: Int, in bytes: [UInt8]) -> Bool {
        var start = offset - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        guard let scalar = String(decoding: bytes[start..<offset], as: UTF8.self).unicodeScalars.first else { return false }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
            || properties.generalCategory == .spacingMark
    }

    /// Scripts whose words are not separated by spaces: a variant there can start anywhere.
    private static func isWrittenWithSpaces(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0E00...0x0E7F,  // Thai
             0x3040...0x30FF,  // Hiragana, Katakana
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF:  // CJK ideographs
            false
        default:
            true
        }
    }

    /// [byte]: whether it is prose a reader sees, where the glossary applies.
    private static func proseMask(_ bytes: [UInt8], kind: FileKind) -> [Bool] {
        var mask = [Bool](repeating: true, count: bytes.count)
        var lineStart = 0
        var lineNumber = 0
        var inFence = false
        // A code span may wrap onto the next line of its paragraph.
        var inCodeSpan = false
        var inFrontMatter = false
        var inHashes = false
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            let line = bytes[lineStart..<lineEnd]
            let trimmed = line.drop { $0 == UInt8(ascii: " ") }
            func hide(_ range: Range<Int>) { for index in range { mask[index] = false } }
            let isDashes = line.starts(with: "---".utf8) && line.allSatisfy { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "\r") }
            if kind == .markdown && lineNumber == 0 && isDashes {
                inFrontMatter = true
                hide(lineStart..<lineEnd)
            } else if inFrontMatter {
                if isDashes {
                    inFrontMatter = false
                    hide(lineStart..<lineEnd)
                } else {
                    let indented = line.first == UInt8(ascii: " ")
                    if !indented { inHashes = line.starts(with: "translated_from:".utf8) }
                    if inHashes {
                        hide(lineStart..<lineEnd)
                    } else {
                        hideKey(line, hide)
                        var spanOpen = false  // a front matter value is one line: its spans close on it
                        hideCodeAndLinks(line, inCodeSpan: &spanOpen, hide)
                    }
                }
            } else if kind == .yaml {
                if trimmed.first == UInt8(ascii: "#") { hide(lineStart..<lineEnd) } else { hideKey(line, hide); hidePlaceholders(line, hide) }
            } else if trimmed.starts(with: "```".utf8) || trimmed.starts(with: "~~~".utf8) {
                inFence.toggle()
                hide(lineStart..<lineEnd)
            } else if inFence {
                hide(lineStart..<lineEnd)
            } else if trimmed.allSatisfy({ $0 == UInt8(ascii: "\r") }) {
                inCodeSpan = false  // a blank line ends the paragraph, and any span left open
            } else {
                hideCodeAndLinks(line, inCodeSpan: &inCodeSpan, hide)
            }
            lineStart = lineEnd + 1
            lineNumber += 1
        }
        return mask
    }

    /// A YAML line's key (`  not_translated:`) is not prose; its value is.
    private static func hideKey(_ line: ArraySlice<UInt8>, _ hide: (Range<Int>) -> Void) {
        guard let first = line.firstIndex(where: { $0 != UInt8(ascii: " ") }), line[first] != UInt8(ascii: "-") else { return }
        var index = first
        while index < line.endIndex {
            let byte = line[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { return }  // a quoted value, no key
            if byte == UInt8(ascii: ":") && (index + 1 == line.endIndex || line[index + 1] == UInt8(ascii: " ")) {
                hide(line.startIndex..<(index + 1))
                return
            }
            index += 1
        }
    }

    /// `{site}`, `{code_a}`: a sentence's placeholders are names, not words of the locale.
    private static func hidePlaceholders(_ line: ArraySlice<UInt8>, _ hide: (Range<Int>) -> Void) {
        var index = line.startIndex
        while let open = line[index...].firstIndex(of: UInt8(ascii: "{")) {
            guard let close = line[open...].firstIndex(of: UInt8(ascii: "}")) else { return }
            hide(open..<(close + 1))
            index = close + 1
        }
    }

    /// Code spans and link targets in a line of Markdown prose; `inCodeSpan` carries a span that wraps.
    private static func hideCodeAndLinks(_ line: ArraySlice<UInt8>, inCodeSpan: inout Bool, _ hide: (Range<Int>) -> Void) {
        var index = line.startIndex
        if inCodeSpan {
            guard let close = line.firstIndex(of: UInt8(ascii: "`")) else {
                hide(line.startIndex..<line.endIndex)
                return
            }
            hide(line.startIndex..<(close + 1))
            inCodeSpan = false
            index = close + 1
        }
        while index < line.endIndex {
            let byte = line[index]
            if byte == UInt8(ascii: "`") {
                guard let close = line[(index + 1)...].firstIndex(of: UInt8(ascii: "`")) else {
                    hide(index..<line.endIndex)
                    inCodeSpan = true
                    return
                }
                hide(index..<(close + 1))
                index = close + 1
            } else if byte == UInt8(ascii: "]"), index + 1 < line.endIndex, line[index + 1] == UInt8(ascii: "(") {
                let close = line[(index + 1)...].firstIndex(of: UInt8(ascii: ")")) ?? line.endIndex
                hide(index..<min(line.endIndex, close + 1))
                index = close + 1
            } else if byte == UInt8(ascii: "<"), line[index...].starts(with: "<http".utf8) {
                let close = line[index...].firstIndex(of: UInt8(ascii: ">")) ?? line.endIndex
                hide(index..<min(line.endIndex, close + 1))
                index = close + 1
            } else {
                index += 1
            }
        }
    }

    /// "content/glossary/tr.yml" rather than an absolute path, in a message that already has the file.
    private static func shortPath(_ file: String) -> String {
        guard let range = file.range(of: "glossary/", options: .backwards) else { return file }
        return String(file[range.lowerBound...])
    }
}
