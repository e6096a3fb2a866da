import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CommonMark to HTML through the system libcmark.
///
/// Safe mode (no CMARK_OPT_UNSAFE): raw HTML in content becomes a comment and `javascript:` links are
/// dropped, so an editor's Markdown can never inject script. Smart punctuation gives real quotes and dashes.
/// libcmark is safe to call from several threads at once: every call builds its own parser.
public enum MarkdownRenderer {
    public static var libraryVersion: String {
        let version = Int(versus_cmark_version)
        return "\(version >> 16).\((version >> 8) & 0xff).\(version & 0xff)"
    }

    public static func html(_ markdown: String) -> String {
        let options = CMARK_OPT_SMART
        var source = markdown
        return source.withUTF8 { buffer -> String in
            guard let base = buffer.baseAddress,
                  let rendered = base.withMemoryRebound(to: CChar.self, capacity: buffer.count, {
                      cmark_markdown_to_html($0, buffer.count, options)
                  })
            else { return "" }
            defer { free(rendered) }
            return String(cString: rendered)
        }
    }
}
