/// JSON-LD for search engines: a BreadcrumbList on every page with a trail, and a TechArticle for the
/// pages that explain codes (code pages and comparisons).
enum StructuredData {
    struct Article {
        var headline: String
        var description: String
        var url: String
        var language: String
        /// The link-preview picture's absolute URL, or "" when the site has none.
        var image: String
        /// The site, in the page's language, as the article's publisher.
        var publisher: String
        var publisherURL: String
        var dates: ContentDates.Span?
    }

    static func jsonLD(breadcrumbs: [(name: String, url: String)], origin: String, article: Article?) -> String {
        var graph: [String] = []
        if !breadcrumbs.isEmpty {
            let items = breadcrumbs.enumerated().map { index, crumb in
                "{\"@type\":\"ListItem\",\"position\":\(index + 1),\"name\":\(JSON.string(crumb.name)),\"item\":\(JSON.string(origin + crumb.url))}"
            }
            graph.append("{\"@type\":\"BreadcrumbList\",\"itemListElement\":[\(items.joined(separator: ","))]}")
        }
        if let article {
            var fields = ["\"@type\":\"TechArticle\"", "\"headline\":\(JSON.string(article.headline))",
                          "\"description\":\(JSON.string(article.description))", "\"inLanguage\":\(JSON.string(article.language))",
                          "\"url\":\(JSON.string(article.url))"]
            if !article.image.isEmpty { fields.append("\"image\":\(JSON.string(article.image))") }
            if let published = article.dates?.published { fields.append("\"datePublished\":\"\(published)\"") }
            if let modified = article.dates?.modified { fields.append("\"dateModified\":\"\(modified)\"") }
            fields.append("\"publisher\":{\"@type\":\"Organization\",\"name\":\(JSON.string(article.publisher)),\"url\":\(JSON.string(article.publisherURL))}")
            graph.append("{" + fields.joined(separator: ",") + "}")
        }
        guard !graph.isEmpty else { return "" }
        return "{\"@context\":\"https://schema.org\",\"@graph\":[\(graph.joined(separator: ","))]}"
    }
}
