/// Top-level folders of the built site that belong to the site itself: no code family may be named
/// after one, since a family's pages live under /FAMILY/.
public enum SiteFolders {
    public static let compare = "compare"
    public static let api = "api"
    public static let assets = "assets"
    public static let decoder = "decode"

    static let all: Set<String> = [compare, api, assets, decoder]
}
