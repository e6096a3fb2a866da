/// The files beside the pages: robots.txt, the sitemap index and one sitemap per locale, each with
/// every page's alternates in the other locales.
enum SiteFiles {
    /// Far below the protocol's 50,000-URL limit: with a dozen or more alternates per URL, a file of
    /// 50,000 URLs would pass the protocol's 50 MB size limit first.
    static let urlsPerSitemap = 10_000

    static func files(state: RenderState, plan: SitePlan) -> [(path: String, bytes: [UInt8])] {
        let config = state.content.config
        let base = state.origin + state.basePath
        var files: [(String, [UInt8])] = []
        var sitemapNames: [String] = []
        for (localeIndex, locale) in config.locales.enumerated() {
            let pages = plan.pages.filter { $0.locale == localeIndex && SitePlan.isIndexable($0.kind) }
            let parts = max(1, (pages.count + urlsPerSitemap - 1) / urlsPerSitemap)
            for part in 0..<parts {
                let slice = pages[min(pages.count, part * urlsPerSitemap)..<min(pages.count, (part + 1) * urlsPerSitemap)]
                var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
                for page in slice {
                    xml += "<url><loc>\(xmlEscape(base + page.url))</loc>"
                    for other in config.locales {
                        xml += "<xhtml:link rel=\"alternate\" hreflang=\"\(other.code)\" href=\"\(xmlEscape(base + state.url(of: page.kind, locale: other.code)))\"/>"
                    }
                    xml += "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(xmlEscape(base + state.url(of: page.kind, locale: config.defaultLocale)))\"/>"
                    xml += "</url>\n"
                }
                xml += "</urlset>\n"
                let name = state.paths.sitemap(locale.code, part: part, of: parts)
                sitemapNames.append(name)
                files.append((name, Array(xml.utf8)))
            }
        }
        var index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for name in sitemapNames { index += "<sitemap><loc>\(xmlEscape(base + name))</loc></sitemap>\n" }
        index += "</sitemapindex>\n"
        files.append(("sitemap.xml", Array(index.utf8)))
        for (localeIndex, locale) in config.locales.enumerated() {
            files.append((SearchIndex.path(state: state, locale: locale.code), SearchIndex.json(state: state, localeIndex: localeIndex)))
        }
        files.append(("robots.txt", Array("User-agent: *\nAllow: /\n\nSitemap: \(base)sitemap.xml\n".utf8)))
        return files
    }

    static func xmlEscape(_ text: String) -> String {
        HTMLEscape.escape(text)
    }
}
