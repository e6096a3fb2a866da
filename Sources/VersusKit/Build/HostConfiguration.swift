/// `versus nginx-conf`: the server block for a site, from its sources (checked as a build checks them).
public enum HostConfiguration {
    public static func nginx(content: String, templates: String, root: String, serverName: String?) -> Result<String, BuildFailure> {
        let options = BuildOptions(contentDirectory: content, templatesDirectory: templates, writeOutput: false)
        switch ValidSite.validate(SiteSources.load(options), options: options) {
        case .failure(let invalid):
            return .failure(.invalidInput(invalid.diagnostics))
        case .success(let site):
            let config = site.content.config
            let host = serverName ?? String(config.base.origin.split(separator: "/").last ?? "localhost")
            return .success(HostFiles.nginxServerBlock(config: config, urls: site.urls, inlineScripts: site.templates.inlineScripts,
                                                       root: FolderPath.normalized(root), serverName: host))
        }
    }
}
