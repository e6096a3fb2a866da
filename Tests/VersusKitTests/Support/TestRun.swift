import Foundation
import Testing

extension Tag {
    /// Tests that build and read the whole shipped site (every code, every pair, 18 locales).
    @Tag static var shippedSite: Tag
}

/// Which tests this run includes. `swift test` runs them all; `VERSUS_TESTS=fast swift test` leaves out
/// those tagged `.shippedSite`, for a run of the unit tests and the small sites in under a minute.
enum TestRun {
    static let includesShippedSite = ProcessInfo.processInfo.environment["VERSUS_TESTS"] != "fast"
}

/// Runs blocking work on a thread of its own, outside Swift concurrency's cooperative pool, which has
/// one thread per core. The preview server's tests answer HTTP requests on that pool; a test that
/// holds a pool thread for many seconds (a whole-site build) starved them into timeouts. Checks
/// (`#expect`) stay in the test's task: `work` only computes.
func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}
