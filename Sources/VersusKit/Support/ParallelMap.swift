import Dispatch
import Synchronization

/// Order-preserving parallel map over `jobs` threads: results come back in input order whatever the
/// thread count, which keeps the build's output byte-identical for every `--jobs`.
enum ParallelMap {
    static func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], jobs: Int,
                                                       _ transform: @Sendable (Input) -> Output) -> [Output] {
        if jobs <= 1 || inputs.count < 2 { return inputs.map(transform) }
        let results = Mutex<[Int: Output]>([:])
        forEach(inputs.count, jobs: jobs) { next in
            var local: [(Int, Output)] = []
            while let index = next() { local.append((index, transform(inputs[index]))) }
            results.withLock { stored in for (index, output) in local { stored[index] = output } }
        }
        return results.withLock { stored in inputs.indices.map { stored[$0]! } }
    }

    /// `map` over every element of every group at once (so that small groups still fill every
    /// thread), given back in the same groups and order; empty groups stay empty.
    static func map<Input: Sendable, Output: Sendable>(groups: [[Input]], jobs: Int,
                                                       _ transform: @Sendable (Input) -> Output) -> [[Output]] {
        let flat = map(groups.flatMap { $0 }, jobs: jobs, transform)
        var start = 0
        return groups.map { group in
            defer { start += group.count }
            return Array(flat[start..<start + group.count])
        }
    }

    /// Runs `body` on up to `jobs` threads; each pulls the next index in 0..<count until none is left.
    static func forEach(_ count: Int, jobs: Int, _ body: @Sendable (_ next: () -> Int?) -> Void) {
        guard count > 0 else { return }
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, count))) { _ in
            body {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                return index < count ? index : nil
            }
        }
    }

    /// `forEach` for work that can fail: once a thread's `body` throws, no thread is given another
    /// index, and the first failure is thrown when every thread has stopped.
    static func forEach<Failure: Error>(_ count: Int, jobs: Int,
                                        _ body: @Sendable (_ next: () -> Int?) throws(Failure) -> Void) throws(Failure) {
        guard count > 0 else { return }
        let taken = Atomic<Int>(0)
        let failure = Mutex<Failure?>(nil)
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, count))) { _ in
            do throws(Failure) {
                try body {
                    guard failure.withLock({ $0 == nil }) else { return nil }
                    let index = taken.wrappingAdd(1, ordering: .relaxed).oldValue
                    return index < count ? index : nil
                }
            } catch {
                failure.withLock { if $0 == nil { $0 = error } }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
    }
}
