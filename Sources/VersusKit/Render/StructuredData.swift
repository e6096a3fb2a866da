/// JSON-LD for search engines: a BreadcrumbList on every page with a trail, and a TechArticle for the
/// pages that explain codes (code pages and comparisons).
enum StructuredData {
    static func jsonLD(breadcrumbs: [(name: String, url: String)], origin: String, article: (headline: String, description: String, url: String, language: String)?) -> String {
        var graph: [String] = []
        if !breadcrumbs.isEmpty {
            let items = breadcrumbs.enumerated().map { index, crumb in
                "{\"@type\":\"ListItem\",\"position\":\(index + 1),\"name\":\(JSON.string(crumb.name)),\"item\":\(JSON.string(origin + crumb.url))}"
            }
            graph.append("{\"@type\":\"BreadcrumbList\",\"itemListElement\":[\(items.joined(separator: ","))]}")
        }
        if let article {
            graph.append("{\"@type\":\"TechArticle\",\"headline\":\(JSON.string(article.headline)),"
                         + "\"description\":\(JSON.string(article.description)),\"inLanguage\":\(JSON.string(article.language)),"
                         + "\"url\":\(JSON.string(article.url))}")
        }
        guard !graph.isEmpty else { return "" }
        return "{\"@context\":\"https://schema.org\",\"@graph\":[\(graph.joined(separator: ","))]}"
    }
}
