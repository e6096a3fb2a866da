#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Makes the Nth file-system change of a build fail as a full disk or a permission error would, for
/// the tests of what such a failure leaves behind. Counted changes: files written, renamed, linked
/// and folders made. Off (nil) in every real build.
public final class FaultInjection: Sendable {
    /// 1-based: the change that fails; `Int.max` counts without failing.
    let failing: Int
    let errorNumber: Int32
    private let count = Atomic<Int>(0)

    public init(failChange failing: Int = .max, errorNumber: Int32 = ENOSPC) {
        self.failing = failing
        self.errorNumber = errorNumber
    }

    /// How many changes were made (or tried) so far.
    public var changes: Int { count.load(ordering: .relaxed) }

    /// Called before each change: true (with errno set) when this one must fail.
    func failsNext() -> Bool {
        if count.wrappingAdd(1, ordering: .relaxed).newValue == failing {
            errno = errorNumber
            return true
        }
        return false
    }
}

extension Optional where Wrapped == FaultInjection {
    /// Whether an injected fault stops this change.
    func failsNext() -> Bool { self?.failsNext() ?? false }
}
