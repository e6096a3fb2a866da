/// A folder as the user gave it ("Output/", "./content"), written one way: without a trailing slash
/// (but "/" stays "/"), so that `folder + "/" + relative` is right everywhere.
public enum FolderPath {
    public static func normalized(_ path: String) -> String {
        path.count > 1 && path.hasSuffix("/") ? normalized(String(path.dropLast())) : path
    }
}
