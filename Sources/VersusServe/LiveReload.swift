import Foundation
import Synchronization
import VersusKit

/// The state of the preview that open pages follow: each successful rebuild bumps the generation (pages
/// reload), and a failed one publishes its diagnostics (pages show them over the last good version).
final class LiveReload: Sendable {
    struct Status: Sendable, Equatable {
        var generation: Int
        var errors: [String]
    }

    private let state = Mutex<(status: Status, listeners: [UUID: AsyncStream<Status>.Continuation])>(
        (Status(generation: 0, errors: []), [:]))

    var status: Status { state.withLock { $0.status } }

    func succeeded() { publish { $0.generation += 1; $0.errors = [] } }

    func failed(_ errors: [String]) { publish { $0.errors = errors } }

    private func publish(_ change: (inout Status) -> Void) {
        let (status, listeners) = state.withLock { state -> (Status, [AsyncStream<Status>.Continuation]) in
            change(&state.status)
            return (state.status, Array(state.listeners.values))
        }
        for listener in listeners { listener.yield(status) }
    }

    /// A stream of statuses, starting with the current one, until the client goes away.
    func subscribe() -> AsyncStream<Status> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Status>.makeStream(bufferingPolicy: .bufferingNewest(4))
        let current = state.withLock { state -> Status in
            state.listeners[id] = continuation
            return state.status
        }
        continuation.yield(current)
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.listeners.removeValue(forKey: id) }
        }
        return stream
    }

    /// One server-sent event: `event: status` with the generation and the errors as JSON.
    static func event(_ status: Status) -> String {
        let errors = status.errors.map(JSON.string).joined(separator: ",")
        return "event: status\ndata: {\"generation\":\(status.generation),\"errors\":[\(errors)]}\n\n"
    }

    /// The script the server adds to every HTML page it serves (never to the built files): it follows
    /// the event stream, reloads on a new generation and shows build errors in an overlay.
    static let script = """
    (function () {
      "use strict";
      var seen = null;
      var overlay = null;
      function show(errors) {
        if (!overlay) {
          overlay = document.createElement("div");
          overlay.id = "versus-errors";
          overlay.setAttribute("role", "alert");
          overlay.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
            "background:#1b1f24;color:#ffd7d5;font:13px/1.5 ui-monospace,monospace;padding:12px 16px;" +
            "border-top:4px solid #cf222e;white-space:pre-wrap;direction:ltr;text-align:left";
          document.body.appendChild(overlay);
        }
        overlay.textContent = "versus: the last change has errors; this page is the last good build.\\n\\n" + errors.join("\\n");
      }
      function hide() { if (overlay) { overlay.remove(); overlay = null; } }
      var source = new EventSource("/__versus/events");
      source.addEventListener("status", function (event) {
        var status = JSON.parse(event.data);
        if (seen !== null && status.generation !== seen) { window.location.reload(); return; }
        seen = status.generation;
        if (status.errors.length) { show(status.errors); } else { hide(); }
      });
    })();
    """
}
