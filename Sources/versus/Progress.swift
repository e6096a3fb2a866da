import Foundation
import Synchronization

/// Build progress on standard error: a line that updates in place on a terminal (pages done / total
/// and the rate), a plain line per tenth of the work otherwise (CI logs), nothing with --quiet.
final class ProgressDisplay: Sendable {
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let started = Date()
    private let state = Mutex<(lastTenth: Int, shown: Bool)>((0, false))

    func update(done: Int, total: Int) {
        // Small sites finish before a progress line would help anyone.
        guard total >= 2_000 else { return }
        let seconds = max(0.001, Date().timeIntervalSince(started))
        let line = "Rendering \(done)/\(total) pages (\(Int(Double(done) / seconds))/s)"
        state.withLock { state in
            if isTerminal {
                FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
                state.shown = true
            } else {
                let tenth = done * 10 / total
                if tenth > state.lastTenth {
                    state.lastTenth = tenth
                    FileHandle.standardError.write(Data((line + "\n").utf8))
                }
            }
        }
    }

    func finish() {
        state.withLock { state in
            if state.shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
    }
}
