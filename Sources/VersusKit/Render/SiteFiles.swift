/// The files beside the pages: robots.txt, the sitemap index and one sitemap per locale, each with
/// every page's alternates in the other locales.
enum SiteFiles {
    /// Far below the protocol's 50,000-URL limit: with a dozen or more alternates per URL, a file of
    /// 50,000 URLs would pass the protocol's 50 MB size limit first.
    static let urlsPerSitemap = 10_000

    /// A file made by the generator itself, with the fingerprint of its inputs: it is generated only
    /// when the previous build's file came from other inputs.
    struct GeneratedFile: Sendable {
        var path: String
        var inputs: UInt64
        var make: @Sendable () -> [UInt8]
    }

    /// The search indexes need the render state; it is asked for only when one of them is made.
    static func files(config: SiteConfig, urls: SiteURLs, state: Lazy<RenderState>, plan: SitePlan, inputs: InputFingerprints,
                      inlineScripts: [String]) -> [GeneratedFile] {
        var files: [GeneratedFile] = []
        var sitemapNames: [String] = []
        // A page's URL is its locale's prefix + a suffix that is the same in every locale (slugs are
        // English everywhere), so each alternate is one concatenation.
        let prefixes = config.locales.map { xmlEscape(urls.absolute(urls.localePrefix($0.code))) }
        let defaultIndex = config.locales.firstIndex { $0.code == config.defaultLocale } ?? 0
        let sitemapInputs = inputs.siteMapFingerprint
        let dates = inputs.dates
        // One pass over the plan, not one per locale: this runs on every build, changed or not. Only
        // the pages' places are kept until a sitemap is made; their URLs are made then.
        var indexable = [[Int32]](repeating: [], count: config.locales.count)
        for index in plan.pages.indices where plan.isIndexable(at: index) { indexable[plan.locale(at: index)].append(Int32(index)) }
        for (localeIndex, locale) in config.locales.enumerated() {
            let pages = indexable[localeIndex]
            let ownPrefix = urls.localePrefix(locale.code)
            let parts = max(1, (pages.count + urlsPerSitemap - 1) / urlsPerSitemap)
            for part in 0..<parts {
                let slice = pages[min(pages.count, part * urlsPerSitemap)..<min(pages.count, (part + 1) * urlsPerSitemap)]
                let name = urls.sitemap(locale.code, part: part, of: parts)
                sitemapNames.append(name)
                files.append(GeneratedFile(path: name, inputs: sitemapInputs) {
                    // Straight into bytes: a sitemap of 10,000 URLs with their alternates is over 10 MB,
                    // and a String copied to bytes at the end held it twice at the build's peak memory.
                    var xml: [UInt8] = []
                    xml.reserveCapacity(slice.count * (prefixes.count + 1) * 120)
                    xml += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8
                    xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n".utf8
                    for index in slice {
                        let page = plan.pages[Int(index)]
                        let suffix = xmlEscape(String(page.url.dropFirst(ownPrefix.count)))
                        xml += "<url><loc>".utf8; xml += prefixes[localeIndex].utf8; xml += suffix.utf8; xml += "</loc>".utf8
                        if let modified = plan.dates(page, dates)?.modified {
                            xml += "<lastmod>".utf8; xml += modified.description.utf8; xml += "</lastmod>".utf8
                        }
                        // Only the versions translated into their language are alternates.
                        for (index, other) in config.locales.enumerated() where plan.isIndexable(page.address, locale: index) {
                            xml += "<xhtml:link rel=\"alternate\" hreflang=\"".utf8; xml += other.code.utf8
                            xml += "\" href=\"".utf8; xml += prefixes[index].utf8; xml += suffix.utf8; xml += "\"/>".utf8
                        }
                        xml += "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"".utf8
                        xml += prefixes[defaultIndex].utf8; xml += suffix.utf8; xml += "\"/>".utf8
                        xml += "</url>\n".utf8
                    }
                    xml += "</urlset>\n".utf8
                    return xml
                })
            }
        }
        let names = sitemapNames
        files.append(GeneratedFile(path: urls.sitemapIndex, inputs: sitemapInputs) {
            var index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            for name in names { index += "<sitemap><loc>\(xmlEscape(urls.absolute(name)))</loc></sitemap>\n" }
            index += "</sitemapindex>\n"
            return Array(index.utf8)
        })
        let sitemapIndex = urls.absolute(urls.sitemapIndex)
        files.append(GeneratedFile(path: urls.robots, inputs: sitemapInputs) {
            Array("User-agent: *\nAllow: /\n\nSitemap: \(sitemapIndex)\n".utf8)
        })
        // Host files: site.yml (locales) and the templates (inline scripts) are in `global`, and so in sitemapInputs.
        let headers = HostFiles.headersFile(urls: urls, inlineScripts: inlineScripts)
        let redirects = HostFiles.redirectsFile(config: config, urls: urls)
        files.append(GeneratedFile(path: urls.hostHeaders, inputs: sitemapInputs) { Array(headers.utf8) })
        files.append(GeneratedFile(path: urls.hostRedirects, inputs: sitemapInputs) { Array(redirects.utf8) })
        files += apiFiles(urls: urls, inputs: inputs, siteInputs: sitemapInputs)
        for (localeIndex, locale) in config.locales.enumerated() {
            files.append(GeneratedFile(path: urls.searchIndex(locale.code),
                                       inputs: inputs.searchIndexFingerprint(locale: localeIndex)) {
                SearchIndex.json(state: state.value, localeIndex: localeIndex)
            })
            files.append(GeneratedFile(path: urls.searchText(locale.code),
                                       inputs: inputs.searchTextFingerprint(locale: localeIndex)) {
                SearchIndex.textJSON(state: state.value, localeIndex: localeIndex)
            })
        }
        return files
    }

    /// The JSON export: a code's file changes with that code in any locale and with the URLs of the
    /// codes it links to; a family's file with any of its codes.
    /// - Parameter siteInputs: the site's configuration and every page's URL (`siteMapFingerprint`).
    private static func apiFiles(urls: SiteURLs, inputs: InputFingerprints, siteInputs: UInt64) -> [GeneratedFile] {
        var files: [GeneratedFile] = []
        let content = inputs.content
        for (familyIndex, family) in content.families.enumerated() {
            var familyHasher = StableHasher()
            familyHasher.combine(siteInputs)
            for codeIndex in family.codes.indices {
                var hasher = StableHasher()
                hasher.combine(siteInputs)
                for value in inputs.codes[familyIndex][codeIndex] { hasher.combine(value) }
                familyHasher.combine(hasher.value)
                files.append(GeneratedFile(path: urls.apiCode(family: familyIndex, code: codeIndex), inputs: max(1, hasher.value)) {
                    APIExport.codeFile(content: content, urls: urls, family: familyIndex, code: codeIndex)
                })
            }
            files.append(GeneratedFile(path: urls.apiFamily(familyIndex), inputs: max(1, familyHasher.value)) {
                APIExport.familyJSON(content: content, urls: urls, family: familyIndex)
            })
        }
        return files
    }

    static func xmlEscape(_ text: String) -> String {
        HTMLEscape.escape(text)
    }
}
