/// Why a build stopped, with the exit status the command line gives it.
public enum BuildFailure: Error, Sendable {
    /// Content or templates have errors: nothing was written. (exit code 1)
    case invalidInput([Diagnostic])
    /// The options cannot be used, such as an output folder inside the content. (exit code 2)
    case badUsage(String)
    /// Writing the output failed part-way (disk full, permissions). (exit code 3)
    case publishing(String, [Diagnostic])
}
