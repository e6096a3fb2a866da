/// The whole build, top to bottom:
///
///     content/ + templates/ --load--> content model --validate--> site plan --render--> pages --publish--> Output/ --check links
///
/// Every check on the sources runs before the first file is written, so a build with an error leaves
/// Output/ as it was.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions, progress: (@Sendable (Int, Int) -> Void)? = nil) -> Result<BuildReport, BuildFailure> {
        if let problem = options.problem { return .failure(.badUsage(problem)) }
        var phases = PhaseTimer()
        // One build at a time per output folder, held from before the previous manifest is read.
        let lock = options.writeOutput ? OutputLock(output: options.outputDirectory) { options.waitingForOutput?() } : nil
        defer { withExtendedLifetime(lock) {} }
        // Read on a thread of its own while the content loads: a rebuild that renders no page spends a
        // tenth of its time there.
        let previous = Background { options.writeOutput ? Manifest.load(from: options.outputDirectory) : Manifest() }

        let sources = phases.run("load") { SiteSources.load(options) }
        let site: ValidSite
        switch phases.run("validate", { ValidSite.validate(sources, options: options) }) {
        case .success(let valid): site = valid
        case .failure(let invalid): return .failure(.invalidInput(invalid.diagnostics))
        }
        let plan = phases.run("plan") { site.plan() }
        // A shard renders its own pages; the whole plan still gives the link check and the sitemaps every URL.
        let pages = options.shard.map { shard in plan.pages.subset { shard.contains($0.file) } } ?? plan.pages
        let writesSiteFiles = options.shard?.writesSiteFiles ?? true
        var report = BuildReport(diagnostics: site.diagnostics, pageCount: pages.count, baseURL: site.content.config.baseURL)
        if options.translationCoverage { report.translationCoverage = TranslationCoverage(content: site.content) }
        guard options.writeOutput else {
            report.seconds = phases.total
            return .success(report)
        }

        let publisher = Publisher.begin(output: options.outputDirectory, previous: previous.value, plan: plan.pages, jobs: options.jobs,
                                        compress: options.compress, faults: options.faultInjection)
        let renderer = Lazy {
            PageRenderer(state: RenderState.make(content: site.content, urls: site.urls, jobs: options.jobs), templates: site.templates,
                         jobs: options.jobs)
        }
        let siteFiles = SiteFiles.files(config: site.content.config, urls: site.urls, state: Lazy { renderer.value.state },
                                        plan: plan, inputs: site.inputs, inlineScripts: site.templates.inlineScripts)
        let links = options.checkLinks ? LinkCheckSession.forBuild(output: options.outputDirectory, siteURL: site.content.config.baseURL,
                                                                     plan: plan, urls: site.urls, siteFiles: siteFiles,
                                                                     assets: site.assets.map(\.path)) : nil
        do throws(Publisher.Failure) {
            report.pagesRendered = try phases.run("render pages") { () throws(Publisher.Failure) in
                try PageWriter.write(pages, inputs: site.inputs, renderer: renderer, jobs: options.jobs, publisher: publisher,
                                     links: links, progress: progress)
            }
            if writesSiteFiles {
                try phases.run("sitemaps, search indexes, host files") { () throws(Publisher.Failure) in try publisher.publish(siteFiles, jobs: options.jobs) }
                try phases.run("assets") { () throws(Publisher.Failure) in try publisher.publishAssets(site.assets, urls: site.urls) }
            }
            report.filesRemoved = try phases.run("commit") { () throws(Publisher.Failure) in try publisher.finish() }
        } catch {
            publisher.abandon()
            return .failure(.publishing(error.description, site.diagnostics))
        }
        if let links {
            report.links = phases.run("link check") {
                links.finishBuild(fileSetChanged: publisher.fileSetChanged, keptFiles: { publisher.reusedFiles }, jobs: options.jobs,
                                  otherShardPage: options.shard.map { shard in
                                      { file in OtherShardPages.render(file, plan: plan, shard: shard, renderer: renderer) }
                                  })
            }
        }

        report.filesWritten = publisher.writtenCount
        report.filesUnchanged = publisher.unchangedCount
        report.listChangedFiles = { publisher.changedFiles }
        report.fileSetChanged = publisher.fileSetChanged
        report.seconds = phases.total
        report.phaseSeconds = phases.laps
        return .success(report)
    }
}
