import Foundation

/// The whole build, top to bottom:
///
///     content/ + templates/ --load--> content model --validate--> site plan --render--> pages --publish--> Output/
///
/// Every check runs before the first file is written, so a build with an error leaves Output/ as it was.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions, progress: (@Sendable (Int, Int) -> Void)? = nil) -> Result<BuildReport, BuildFailure> {
        let started = SystemInfo.now()
        var timer = StageTimer()
        let jobs = max(1, options.jobs)
        let output = options.outputDirectory.hasSuffix("/") ? String(options.outputDirectory.dropLast()) : options.outputDirectory
        // The previous build's manifest is read meanwhile, on a thread of its own (reading it changes
        // nothing, and a rebuild that renders no page spends a tenth of its time there).
        let previousManifest = Background { options.writeOutput ? Manifest.load(from: output) : Manifest() }

        // 1-2. Load and validate content and templates; report every problem at once.
        var (loaded, diagnostics) = ContentLoader.load(from: options.contentDirectory)
        let (templates, templateDiagnostics) = TemplateLibrary.load(from: options.templatesDirectory)
        diagnostics += templateDiagnostics
        timer.lap("load content and templates")
        if let templates {
            var list = DiagnosticList()
            for (kind, template) in templates.pages.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                TemplateChecker.check(template, schema: PageContexts.schema(for: kind), partials: templates.partials,
                                      pageKind: kind.rawValue, diagnostics: &list)
            }
            diagnostics += list.all
        }
        if let baseURL = options.baseURL, !(baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://")) {
            return .failure(.badUsage("--base-url must start with http:// or https://, got \"\(baseURL)\""))
        }
        diagnostics = Array(Set(diagnostics)).sorted()
        guard var content = loaded, let templates, !diagnostics.contains(where: { $0.severity == .error }) else {
            return .failure(.invalidInput(diagnostics))
        }
        if let baseURL = options.baseURL { content.config.baseURL = baseURL }

        // 3. Plan every page.
        let plan = SitePlan(content: content)
        var report = BuildReport(diagnostics: diagnostics, pageCount: plan.pages.count)
        report.baseURL = content.config.baseURL
        report.content = content
        timer.lap("check templates, plan pages")
        guard options.writeOutput else {
            report.seconds = SystemInfo.now() - started
            return .success(report)
        }
        if let problem = OutputSafety.problem(output: options.outputDirectory, content: options.contentDirectory,
                                              templates: options.templatesDirectory) {
            return .failure(.badUsage(problem))
        }

        // 4-5. Render (Markdown once per code section per locale) and publish, on every core.
        let finalContent = content
        let state = Lazy { RenderState.make(content: finalContent, jobs: jobs) }
        let renderer = Lazy { PageRenderer(state: state.value, templates: templates) }
        let inputs = PageInputs(content: content, templatesFingerprint: templates.sourceFingerprint)
        // A first build into a folder that does not exist yet goes into a staging folder beside it,
        // renamed into place at the end: nobody reads those files before then, so each is written
        // directly (no temporary file and rename per file), and a failed build leaves no half-made site.
        let staging = FileSystem.exists(output) ? nil : output + ".versus-partial-" + FileSystem.processID
        let publisher = staging.map { Publisher(root: $0, previous: Manifest(), staged: true) }
            ?? Publisher(root: output, previous: previousManifest.value)
        let siteFiles = SiteFiles.files(config: content.config, state: state, plan: plan, inputs: inputs)
        // The link check knows the whole file set up front, so each page is checked as it is written.
        let links = !options.checkLinks ? nil : LinkCheckSession(root: output, siteURL: content.config.baseURL) {
            // One path at a time: each page's path is made, copied into the set and dropped.
            var files = PathSet(capacity: plan.pages.count + siteFiles.count + templates.assets.count)
            for page in plan.pages { files.insert(page.file) }
            for file in siteFiles { files.insert(file.path) }
            for asset in templates.assets { files.insert("assets/" + asset.path) }
            return files
        }
        timer.lap("fingerprint inputs, read the previous manifest")
        // A first build renders every page: its Markdown is rendered now, on every core. A rebuild
        // renders it when a thread meets the first page it must render, if any.
        if publisher.previous.entries.isEmpty {
            _ = renderer.value
            timer.lap("render Markdown and shared fragments")
        }
        let checkLinks: (@Sendable (String, [UInt8]) -> Void)? = links.map { session in
            { @Sendable page, bytes in session.check(page: page, bytes) }
        }
        do throws(Publisher.Failure) {
            report.pagesRendered = try PageWriter.write(plan.pages, jobs: jobs, publisher: publisher, progress: progress,
                                 inputs: { inputs.fingerprint(of: $0) }, makeRenderer: { ownCopy in
                                     let own = ownCopy && jobs > 1 ? renderer.value.ownCopy() : renderer.value
                                     return { own.render($0) }
                                 },
                                 checkLinks: checkLinks)
            links?.releaseFiles()
            SystemInfo.returnFreedMemory()
            timer.lap("render and write pages")
            for file in siteFiles where !publisher.reuse(file.path, inputs: file.inputs) {
                try publisher.publish(file.path, file.make(), inputs: file.inputs)
            }
            timer.lap("sitemaps, robots.txt, search indexes")
            for asset in templates.assets {
                guard let bytes = FileSystem.read(asset.file) else {
                    throw Publisher.Failure(path: asset.file, reason: "cannot read the asset")
                }
                try publisher.publish("assets/" + asset.path, bytes)
            }
            report.filesRemoved = try publisher.removeStale()
            try publisher.saveManifest()
            if let staging { try FileSystem.moveIntoPlace(staging, output) }
            timer.lap("assets, stale files, manifest")
            if let links {
                // Pages kept from the last build hold the links they held then, and their targets are
                // all still there unless files were added or removed: only then are they read back.
                if publisher.fileSetChanged {
                    links.checkFromDisk(publisher.reusedFiles.filter { $0.hasSuffix(".html") }, jobs: jobs)
                }
                report.links = links.finish()
                timer.lap("link check")
            }
        } catch {
            if let staging { try? FileManager.default.removeItem(atPath: staging) }
            return .failure(.publishing(error.description, diagnostics))
        }
        report.filesWritten = publisher.writtenCount
        report.filesUnchanged = publisher.unchangedCount
        report.changedFiles = publisher.changedFiles
        report.fileSetChanged = publisher.fileSetChanged
        report.seconds = SystemInfo.now() - started
        report.stageSeconds = timer.laps
        return .success(report)
    }
}

/// Wall time per build stage, for `versus build --timings` and the performance notes.
struct StageTimer {
    private var last = SystemInfo.now()
    private(set) var laps: [(stage: String, seconds: Double)] = []

    mutating func lap(_ stage: String) {
        let now = SystemInfo.now()
        laps.append((stage, now - last))
        last = now
    }
}
