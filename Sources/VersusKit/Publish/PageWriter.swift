import Dispatch
import Synchronization

/// Renders and publishes pages on `jobs` threads. A page whose inputs did not change since the last
/// build is kept without rendering; every other page is rendered, written and dropped, so memory
/// stays flat however many pages the site has. Which thread writes which page does not matter: every
/// page's bytes depend only on its inputs.
enum PageWriter {
    /// Returns how many pages were rendered (the others were kept as they were). `makeRenderer` is
    /// called once per thread, so that each thread can render from data of its own.
    static func write(_ pages: [SitePlan.Page], jobs: Int, publisher: Publisher,
                      progress: (@Sendable (Int, Int) -> Void)?,
                      inputs: @Sendable (SitePlan.Page) -> UInt64,
                      makeRenderer: @Sendable () -> (SitePlan.Page) -> [UInt8],
                      checkLinks: (@Sendable (String, [UInt8]) -> Void)? = nil) throws(Publisher.Failure) -> Int {
        let next = Atomic<Int>(0)
        let rendered = Atomic<Int>(0)
        let done = Atomic<Int>(0)
        let failure = Mutex<Publisher.Failure?>(nil)
        let total = pages.count
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, total))) { _ in
            // Made on the first page this thread must render: a rebuild that reuses every page needs none.
            var render: ((SitePlan.Page) -> [UInt8])?
            while failure.withLock({ $0 == nil }) {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < total else { break }
                let page = pages[index]
                let fingerprint = inputs(page)
                if !publisher.reuse(page.file, inputs: fingerprint) {
                    rendered.add(1, ordering: .relaxed)
                    if render == nil { render = makeRenderer() }
                    let bytes = render!(page)
                    // Checked while the bytes are in memory: the link check never reads a page back.
                    checkLinks?(page.file, bytes)
                    do throws(Publisher.Failure) {
                        try publisher.publish(page.file, bytes, inputs: fingerprint)
                    } catch {
                        failure.withLock { if $0 == nil { $0 = error } }
                    }
                }
                let finished = done.wrappingAdd(1, ordering: .relaxed).newValue
                if let progress, finished % 500 == 0 || finished == total { progress(finished, total) }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return rendered.load(ordering: .relaxed)
    }
}
