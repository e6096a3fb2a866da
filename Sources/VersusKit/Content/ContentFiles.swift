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

    func read(_ relative: String, diagnostics: inout DiagnosticList) -> String? {
        let file = path(relative)
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
