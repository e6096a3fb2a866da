import Foundation

/// Read-only access to the content folder, with paths as editors see them (`content/smtp/251.md`).
struct ContentFiles {
    let root: String
    /// Threads to read and parse files with.
    var jobs: Int = 1

    func path(_ relative: String) -> String {
        FolderPath.normalized(root) + "/" + relative
    }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: path(relative))
    }

    func list(_ relative: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path(relative))) ?? []).sorted()
    }

    func subfolders() -> [String] {
        list("").filter { name in
            var isDirectory: ObjCBool = false
            return !name.hasPrefix(".") && FileManager.default.fileExists(atPath: path(name), isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }

    /// The largest content file read. The biggest shipped file is a few kilobytes; a file a thousand
    /// times that is a mistake (a pasted log, a binary), and would be copied into every page that
    /// shows it: a 50 MB code file made a 2.7 GB site.
    static let sizeLimit = 1 << 20

    func read(_ relative: String, diagnostics: inout DiagnosticList) -> String? {
        let file = path(relative)
        if let size = FileSystem.size(of: file), size > Self.sizeLimit {
            diagnostics.error(SourceLocation(file: file), "the file is \(size) bytes; a content file may be at most \(Self.sizeLimit) bytes (1 MB)")
            return nil
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            diagnostics.error(SourceLocation(file: file), "cannot read the file")
            return nil
        }
        switch SourceText.decode(data) {
        case .success(let text):
            return text
        case .failure(let invalid):
            diagnostics.error(SourceLocation(file: file, line: invalid.line, column: invalid.column), "the file is not valid UTF-8 text")
            return nil
        }
    }
}
