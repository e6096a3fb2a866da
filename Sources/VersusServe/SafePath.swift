import Foundation

/// Maps a request path to a file inside the served folder, or refuses it. Every way out of the folder
/// is closed: `..` and `.` segments (also percent-encoded), NUL bytes and backslashes are refused as
/// bad requests, and a symbolic link that points outside the folder is treated as not found.
enum SafePath {
    enum Resolution: Equatable {
        case file(String)
        /// A folder requested without its trailing slash: redirect to `location`.
        case redirect(String)
        case notFound
        case badRequest
    }

    static func resolve(_ rawPath: String, root: String) -> Resolution {
        guard rawPath.hasPrefix("/"), let decoded = rawPath.removingPercentEncoding else { return .badRequest }
        if decoded.contains("\0") || decoded.contains("\\") { return .badRequest }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return .badRequest }
        let realRoot = realPath(root) ?? root
        var candidate = realRoot + (segments.isEmpty ? "" : "/" + segments.joined(separator: "/"))
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory) else { return .notFound }
        if isDirectory.boolValue {
            guard decoded.hasSuffix("/") else { return .redirect(rawPath + "/") }
            candidate += "/index.html"
        }
        // Follow symbolic links and make sure the file really lives under the served folder.
        guard let real = realPath(candidate), real.hasPrefix(realRoot + "/") else { return .notFound }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isFolder), !isFolder.boolValue else { return .notFound }
        return .file(real)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// Content types with their charset, by file extension.
enum ContentType {
    static func of(_ path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json; charset=utf-8"
        case "xml": "application/xml; charset=utf-8"
        case "txt": "text/plain; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "webp": "image/webp"
        case "ico": "image/x-icon"
        case "woff2": "font/woff2"
        default: "application/octet-stream"
        }
    }
}
