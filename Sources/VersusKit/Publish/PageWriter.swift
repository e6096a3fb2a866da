import Dispatch
import Synchronization

/// Renders and publishes pages on `jobs` threads. A page whose inputs did not change since the last
/// build is kept without rendering; every other page is rendered, written and dropped, so memory
/// stays flat however many pages the site has. Which thread writes which page does not matter: every
/// page's bytes depend only on its inputs.
enum PageWriter {
    /// Below this many pages to render, threads share one renderer: making each thread its own copy
    /// of the render data costs more than it saves. Measured on two cores, tmpfs, medians of
    /// interleaved runs: at 10,280 synthetic pages the copy cost 11 ms (353 against 342 ms); at
    /// 249,670 it neither cost nor saved (7.37 s both ways); on the shipped site (176,670 pages,
    /// longer texts) it saved about 2% of user time.
    static let pagesWorthOwnRenderers = 20_000

    /// Returns how many pages were rendered (the others were kept as they were). When there is enough
    /// to render (see `pagesWorthOwnRenderers`), every rendering thread but the first gets render data
    /// of its own; the first uses the data already made.
    static func write(_ pages: SitePlan.Pages, inputs: InputFingerprints, renderer: Lazy<PageRenderer>, jobs: Int, publisher: Publisher,
                      links: LinkCheckSession?, progress: (@Sendable (Int, Int) -> Void)?) throws(Publisher.Failure) -> Int {
        // A first build renders every page: its Markdown is rendered now, on every core. A rebuild
        // renders it when a thread meets the first page it must render, if any.
        if publisher.isFirstBuild { _ = renderer.value }
        let originalTaken = Atomic<Bool>(false)
        let rendered = try write(pages, jobs: jobs, publisher: publisher, progress: progress,
                         inputs: { inputs.fingerprint(of: $0, kind: PageKinds.kind(of: $0)) },
                         makeRenderer: { ownCopy in
                             // The first thread renders with the data already made; only the others make
                             // copies of their own (each copy is tens of megabytes on the shipped site).
                             let first = originalTaken.exchange(true, ordering: .relaxed) == false
                             let own = ownCopy && jobs > 1 && !first ? renderer.value.ownCopy() : renderer.value
                             // Each thread keeps its own shared sections, so none is ever locked.
                             let parts = SharedParts()
                             return { page in
                                 var bytes: [UInt8] = []
                                 bytes.reserveCapacity(24 * 1024)
                                 own.render(page, parts: parts, into: &bytes)
                                 return bytes
                             }
                         },
                         checkLinks: links.map { session in { @Sendable page, bytes in session.check(page: page, bytes) } })
        // What rendering held is handed back before the sitemaps are made, which keeps the build's peak memory down.
        links?.releaseFiles()
        SystemInfo.returnFreedMemory()
        return rendered
    }

    private static func write(_ pages: SitePlan.Pages, jobs: Int, publisher: Publisher,
                              progress: (@Sendable (Int, Int) -> Void)?,
                              inputs: @Sendable (SitePlan.Page) -> UInt64,
                              makeRenderer: @Sendable (_ ownCopy: Bool) -> (SitePlan.Page) -> [UInt8],
                              checkLinks: (@Sendable (String, [UInt8]) -> Void)?) throws(Publisher.Failure) -> Int {
        let total = pages.count
        let done = Atomic<Int>(0)
        @Sendable func report(_ count: Int) {
            let before = done.wrappingAdd(count, ordering: .relaxed).oldValue
            if let progress, (before + count) / 500 != before / 500 || before + count == total { progress(before + count, total) }
        }

        // 1. Which pages must be rendered: a fingerprint and a stat each, on every core. A first build
        // renders them all, and takes each page's fingerprint as it renders it: a list of every page
        // and its fingerprint is 16 MB at a million pages.
        let firstBuild = publisher.isFirstBuild
        let work = firstBuild ? [] : pagesToRender(pages, inputs: inputs, jobs: jobs, publisher: publisher, report: report)
        let count = firstBuild ? total : work.count

        // 2. Render and publish them.
        let ownCopies = count >= pagesWorthOwnRenderers
        try ParallelMap.forEach(count, jobs: jobs) { (next) throws(Publisher.Failure) in
            // Made on the first page this thread renders.
            var render: ((SitePlan.Page) -> [UInt8])?
            while let item = next() {
                let page = pages[firstBuild ? item : work[item].index]
                let fingerprint = firstBuild ? inputs(page) : work[item].inputs
                if render == nil { render = makeRenderer(ownCopies) }
                let bytes = render!(page)
                let file = page.file
                // Checked while the bytes are in memory: the link check never reads a page back.
                checkLinks?(file, bytes)
                try publisher.publish(file, bytes, inputs: fingerprint, page: page.index)
                report(1)
            }
        }
        return count
    }

    /// The pages a rebuild must render (by their position in `pages`), with their fingerprints; the
    /// others are kept as the last build wrote them.
    private static func pagesToRender(_ pages: SitePlan.Pages, inputs: @Sendable (SitePlan.Page) -> UInt64, jobs: Int, publisher: Publisher,
                                      report: @Sendable (Int) -> Void) -> [(index: Int, inputs: UInt64)] {
        let toRender = Mutex<[(index: Int, inputs: UInt64)]>([])
        ParallelMap.forEach(pages.count, jobs: jobs) { next in
            var mine: [(index: Int, inputs: UInt64)] = []
            var kept = 0
            while let index = next() {
                let page = pages[index]
                let fingerprint = inputs(page)
                if publisher.reuse(page.file, inputs: fingerprint, page: page.index) { kept += 1 } else { mine.append((index, fingerprint)) }
            }
            toRender.withLock { $0 += mine }
            report(kept)
        }
        return toRender.withLock { $0 }.sorted { $0.index < $1.index }
    }
}
