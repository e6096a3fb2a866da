import Dispatch
import Synchronization

/// A value made the first time some thread asks for it, then shared. A rebuild that renders no page
/// never renders Markdown or builds the view models' shared parts.
final class Lazy<Value: Sendable>: Sendable {
    private let make: @Sendable () -> Value
    private let made = Mutex<Value?>(nil)

    init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    var value: Value {
        made.withLock { made in
            if let value = made { return value }
            let value = make()
            made = value
            return value
        }
    }
}

/// A value made on another thread from the moment it is created; `value` waits for it.
final class Background<Value: Sendable>: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let made = Mutex<Value?>(nil)

    init(_ make: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async { self.store(make()) }
    }

    private func store(_ value: Value) {
        made.withLock { $0 = value }
        done.signal()
    }

    /// Waits for the value the first time; later calls return at once.
    var value: Value {
        if let value = made.withLock({ $0 }) { return value }
        done.wait()
        done.signal()  // for any later caller
        return made.withLock { $0! }
    }
}
