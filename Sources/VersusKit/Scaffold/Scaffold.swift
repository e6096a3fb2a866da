import Foundation

/// `versus new code CODE` and `versus new locale CODE`: starting files with every field and section,
/// and comments saying what goes where. Required values are left empty, so `versus check` points at
/// each one until it is written; nothing half-done can be published by accident. Never overwrites.
public enum Scaffold {
    public enum Failure: Error, CustomStringConvertible {
        case exists(String)
        case invalid(String)

        public var description: String {
            switch self {
            case .exists(let path): "\(path) already exists; versus new never overwrites a file"
            case .invalid(let message): message
            }
        }
    }

    /// Today in UTC as YYYY-MM-DD, for a new file's `published:`.
    static func today() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    /// Writes `content/FAMILY/CODE.md`; returns its path.
    public static func newCode(_ code: String, family: String, contentDirectory: String) throws(Failure) -> String {
        let folder = contentDirectory + "/" + family
        let familyFile = folder + "/family.yml"
        guard FileManager.default.fileExists(atPath: familyFile) else {
            throw .invalid("there is no family \"\(family)\" (no \(familyFile))")
        }
        if let text = try? String(contentsOfFile: familyFile, encoding: .utf8),
           case .success(let tree) = YAMLParser.parse(text, file: familyFile),
           case .mapping(let entries, _) = tree,
           case .scalar(let pattern, _)? = entries.first(where: { $0.key == "code_pattern" })?.value,
           let regex = try? Regex(pattern), (try? regex.wholeMatch(in: code)) == nil {
            throw .invalid("\"\(code)\" does not fit the \(family) family (its codes match \(pattern))")
        }
        let path = folder + "/" + code + ".md"
        let text = """
        ---
        # Code \(code). Fill in every empty value; `versus check` names each one still missing.
        code: \(code)
        # The code's name in Title Case, short, without the number. The URL slug comes from it and then
        # never changes; set `slug:` only to keep an old URL.
        title:
        # One whole sentence that stands on its own: lists, comparisons and the page's meta description use it.
        summary:
        # For comparisons, one or two sentences each, in words not used elsewhere in the file. The server
        # operator's side: in which situation a server sends it ("Send it when ...").
        # send_when: ""
        # The sender's side: what the sending client or the person reading the bounce does next.
        # sender_action: ""
        # standard | extension | deprecated | registry-only | non-standard
        status: standard
        # Defining RFCs with their sections, like "5321 4.2.2"; links go to rfc-editor.org.
        rfcs: []
        # Commands after which servers return it, like [RCPT, DATA]; "greeting" for the connection greeting.
        commands: []
        # Codes of other families it is sent with: enhanced status codes like [5.1.1] for a reply code,
        # reply codes like [550] for an enhanced code. Each links to its page, and that page links back.
        used_with: []
        # For a code that stands for several, like X.7.1: the concrete codes it covers, like [4.7.1, 5.7.1].
        variants: []
        # not-needed | later | after-fix | never. Left out, it follows the class: 2xx/3xx not-needed,
        # 4xx later, 5xx never.
        # retry: never
        # Does the server close the connection after this reply?
        closes_connection: false
        # Codes people confuse it with; each must exist. Only these may be named in Description and How to fix.
        related: []
        # Pages beyond the RFCs that back a claim (a provider's own documentation), one per entry:
        # sources:
        #   - name: Example Mail help, "SMTP errors"
        #     url: https://help.example.com/smtp-errors
        # A provider's own tags for this reply, as its bounces print them in brackets ([TSS04]); the bounce
        # decoder recognises them. Back each with a source above.
        # provider_tags:
        #   - tag: TSS04
        #     provider: Yahoo
        # The day the page first appears, and the day what it says last changed (YYYY-MM-DD); search
        # engines read both. Set `updated:` whenever you change the text or the facts.
        published: \(today())
        # updated: \(today())
        ---
        ## Description

        <!-- What the code means, in two or three short paragraphs that stand alone. -->

        ## When you see it

        <!-- - **Sending:** where a sender meets it. -->
        <!-- - **Running the server:** when a server sends it. -->

        ## How to fix

        <!-- Concrete steps, for the sender and for the server operator where they differ. -->

        ## Provider variants

        <!-- What real servers (Gmail, Microsoft 365, Postfix...) mean by it, with their exact strings and each source in `sources:`. Delete this section if there is none. -->

        ## Example

        <!-- A short SMTP transcript in a code block, lines starting with C: and S:. Delete this section if there is none. -->

        ## Notes

        <!-- Only for a real subtlety. Delete this section if there is none. -->

        """
        try create(path, text)
        return path
    }

    /// Writes `content/locales/LOCALE.yml` with every key of the default locale, each value in the
    /// default language and marked for translation; returns its path.
    public static func newLocale(_ locale: String, contentDirectory: String) throws(Failure) -> String {
        guard SiteConfigLoader.isValidLocaleCode(locale) else {
            throw .invalid("locale code \"\(locale)\" must be lowercase letters and hyphens, like \"de\" or \"zh-hans\"")
        }
        // Only site.yml and the default locale's strings are needed: a half-written code elsewhere in
        // the content must not stop an editor from starting a translation.
        var diagnostics = DiagnosticList()
        let files = ContentFiles(root: contentDirectory)
        guard let siteText = files.read("site.yml", diagnostics: &diagnostics),
              case .success(let siteTree) = YAMLParser.parse(siteText, file: files.path("site.yml")),
              let config = SiteConfigLoader.load(siteTree, diagnostics: &diagnostics),
              let stringsText = files.read("locales/\(config.defaultLocale).yml", diagnostics: &diagnostics),
              case .success(let stringsTree) = YAMLParser.parse(stringsText, file: files.path("locales/\(config.defaultLocale).yml"))
        else {
            throw .invalid("cannot read site.yml and the default locale's strings: " + diagnostics.sorted.map(\.description).joined(separator: "\n"))
        }
        let defaultStrings = LocaleStringsLoader.load(stringsTree, locale: config.defaultLocale, file: files.path("locales/\(config.defaultLocale).yml"),
                                                      diagnostics: &diagnostics)
        let path = contentDirectory + "/locales/" + locale + ".yml"
        var text = """
        # Strings for "\(locale)". Every value below is still in \(defaultStrings.locale) and marked "# translate":
        # translate it and delete the mark. Keep each {placeholder}; it may move anywhere in the sentence.
        # Counted strings give one line per plural category of the language (CLDR: zero, one, two, few,
        # many, other); `versus check` says which ones the language needs.
        # Then add the locale to content/site.yml (code, name in its own language, direction) and its
        # class names to each family.yml.

        """
        var group = ""
        for key in LocaleKeys.all {
            let parts = key.name.split(separator: ".", maxSplits: 1).map(String.init)
            if parts[0] != group {
                group = parts[0]
                text += "\n\(group):\n"
            }
            switch defaultStrings.values[key.name] {
            case .text(let sentence)?:
                text += "  \(yamlKey(parts[1])): \(quoted(sentence.source))  # translate\n"
            case .plural(let forms)?:
                text += "  \(yamlKey(parts[1])):  # translate\n"
                for category in PluralRules.categories(for: locale) {
                    let source = (forms[category] ?? forms[.other])?.source ?? ""
                    text += "    \(category.rawValue): \(quoted(source))\n"
                }
            case .alternatives(let list)?:
                text += "  \(yamlKey(parts[1])):  # patterns, longest first; the first that fits is used; translate\n"
                for sentence in list { text += "    - \(quoted(sentence.source))\n" }
            case nil:
                text += "  \(yamlKey(parts[1])): \"\"  # translate\n"
            }
        }
        try create(path, text)
        return path
    }

    private static func yamlKey(_ key: String) -> String {
        ["yes", "no", "on", "off", "true", "false"].contains(key) ? "\"\(key)\"" : key
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private static func create(_ path: String, _ text: String) throws(Failure) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        if fd < 0 {
            if errno == EEXIST { throw .exists(path) }
            throw .invalid("cannot create \(path): \(String(cString: strerror(errno)))")
        }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        if written != bytes.count { throw .invalid("cannot write \(path)") }
    }
}
