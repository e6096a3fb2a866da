/// Refuses output folders that would let a build overwrite or delete the sources it reads.
enum OutputSafety {
    static func problem(output: String, content: String, templates: String) -> String? {
        let out = SystemInfo.canonicalPath(output)
        if out == "/" { return "refusing to use / as the output folder" }
        for (name, source) in [("content", content), ("templates", templates)] {
            let src = SystemInfo.canonicalPath(source)
            if out == src { return "the output folder \(output) is the \(name) folder; choose another --output" }
            if (src + "/").hasPrefix(out + "/") { return "the output folder \(output) contains the \(name) folder \(source); choose another --output" }
            if (out + "/").hasPrefix(src + "/") { return "the output folder \(output) is inside the \(name) folder \(source); choose another --output" }
        }
        return nil
    }
}
