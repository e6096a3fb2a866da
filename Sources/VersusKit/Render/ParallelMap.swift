import Dispatch
import Synchronization

/// Order-preserving parallel map over `jobs` threads: results come back in input order whatever the
/// thread count, which keeps the build's output byte-identical for every `--jobs`.
enum ParallelMap {
    static func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], jobs: Int,
                                                       _ transform: @Sendable (Input) -> Output) -> [Output] {
        if jobs <= 1 || inputs.count < 2 { return inputs.map(transform) }
        let results = Mutex<[Int: Output]>([:])
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: min(jobs, inputs.count)) { _ in
            var local: [(Int, Output)] = []
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < inputs.count else { break }
                local.append((index, transform(inputs[index])))
            }
            results.withLock { stored in for (index, output) in local { stored[index] = output } }
        }
        return results.withLock { stored in inputs.indices.map { stored[$0]! } }
    }
}
