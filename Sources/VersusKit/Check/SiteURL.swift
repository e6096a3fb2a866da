import Foundation

/// The site's own URL, to tell internal links from external ones and map them to files.
struct SiteURL: Sendable {
    let origin: String
    let basePath: String
    private let originBytes: [UInt8]
    private let basePathBytes: [UInt8]

    /// The fast road for what the templates write: a root-relative link under the base path (or an
    /// absolute one on the site's own origin), or a bare `#fragment`, with no escapes or dot segments
    /// to normalize. Writes the output-relative path into `path` and returns where the fragment sits
    /// in `link`; nil when the link needs the general `resolve`.
    func resolveFast(_ link: UnsafeRawBufferPointer, into path: inout [UInt8]) -> (ownPage: Bool, fragment: Range<Int>?)? {
        if link.first == UInt8(ascii: "#") { return (true, 1..<link.count) }
        var start = 0
        if link.count > originBytes.count, link.begins(with: originBytes), link[originBytes.count] == UInt8(ascii: "/") {
            start = originBytes.count
        }
        guard link.begins(with: basePathBytes, at: start) else { return nil }
        start += basePathBytes.count
        // The bytes that matter are found with memchr (`index(of:)`), not a loop that branches on every
        // byte: a switch over five bytes became a jump per byte the processor could not predict.
        var end = link.count
        var fragment: Range<Int>?
        if let hash = link.index(of: UInt8(ascii: "#"), from: start, to: end) {
            fragment = (hash + 1)..<link.count
            end = hash
        }
        if link.index(of: UInt8(ascii: "%"), from: start, to: end) != nil
            || link.index(of: UInt8(ascii: "?"), from: start, to: end) != nil { return nil }
        // "./", "../" and "//" need the general resolution: a slash after a dot or a slash (the base
        // path ends with one).
        var from = start
        while let slash = link.index(of: UInt8(ascii: "/"), from: from, to: end) {
            let before = slash == start ? UInt8(ascii: "/") : link[slash - 1]
            if before == UInt8(ascii: ".") || before == UInt8(ascii: "/") { return nil }
            from = slash + 1
        }
        let previous = end == start ? UInt8(ascii: "/") : link[end - 1]
        if previous == UInt8(ascii: ".") { return nil }
        path.removeAll(keepingCapacity: true)
        path.append(contentsOf: UnsafeRawBufferPointer(rebasing: link[start..<end]))
        if path.isEmpty || previous == UInt8(ascii: "/") { path.append(contentsOf: "index.html".utf8) }
        return (false, fragment)
    }

    /// An absolute link to another site (`https://www.rfc-editor.org/rfc/rfc5321`), told from its
    /// bytes: `resolve` says nil for it too, but only after making Strings of it. A scheme, then "://",
    /// not followed by this site's origin; or a link that starts with "//".
    func isOtherSite(_ link: UnsafeRawBufferPointer) -> Bool {
        if link.count >= 2, link[0] == UInt8(ascii: "/"), link[1] == UInt8(ascii: "/") { return true }
        var index = 0
        while index < link.count, Self.isSchemeByte(link[index]) { index += 1 }
        guard index > 0, link.count > index + 2, link[index] == UInt8(ascii: ":"),
              link[index + 1] == UInt8(ascii: "/"), link[index + 2] == UInt8(ascii: "/") else { return false }
        let ownSite = link.count > originBytes.count && link.begins(with: originBytes) && link[originBytes.count] == UInt8(ascii: "/")
        return !ownSite
    }

    private static func isSchemeByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: ".")
    }

    init(_ url: String) {
        let base = BaseURL(splitting: url)
        origin = base.origin
        basePath = base.path
        originBytes = Array(origin.utf8)
        basePathBytes = Array(basePath.utf8)
    }

    /// The output-relative file a link points at, and its fragment; nil for external links.
    func resolve(_ link: String, from page: String) -> (String, String?)? {
        var rest = link
        if rest.hasPrefix("mailto:") || rest.hasPrefix("tel:") || rest.hasPrefix("data:") || rest.hasPrefix("javascript:") { return nil }
        if rest.hasPrefix(origin + "/") { rest = String(rest.dropFirst(origin.count)) }
        else if rest.contains("://") || rest.hasPrefix("//") { return nil }
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = String(rest[..<hash])
        }
        if let query = rest.firstIndex(of: "?") { rest = String(rest[..<query]) }
        var path: String
        if rest.isEmpty {
            path = page
        } else if rest.hasPrefix("/") {
            guard rest.hasPrefix(basePath) || rest + "/" == basePath else { return (String(rest.dropFirst()), fragment) }
            path = String(rest.dropFirst(min(basePath.count, rest.count)))
        } else {
            let folder = page.split(separator: "/").dropLast().joined(separator: "/")
            path = folder.isEmpty ? rest : folder + "/" + rest
        }
        // Normalize "." and ".." segments.
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
            if segment == "." { continue }
            if segment == ".." { _ = segments.popLast(); continue }
            segments.append(segment)
        }
        path = segments.joined(separator: "/")
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        return (path.removingPercentEncoding ?? path, fragment)
    }
}
