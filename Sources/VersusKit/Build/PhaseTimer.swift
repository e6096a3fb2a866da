/// Wall time per build phase, for `versus build --timings` and the performance notes.
struct PhaseTimer {
    private let started = SystemInfo.now()
    private(set) var laps: [(phase: String, seconds: Double)] = []

    mutating func run<Value, Failure: Error>(_ phase: String, _ body: () throws(Failure) -> Value) throws(Failure) -> Value {
        let start = SystemInfo.now()
        let value = try body()
        laps.append((phase, SystemInfo.now() - start))
        return value
    }

    var total: Double { SystemInfo.now() - started }
}
