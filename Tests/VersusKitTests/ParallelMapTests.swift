import Testing
@testable import VersusKit

/// The builds' parallel maps must give results in input order whatever the thread count: every
/// page's fingerprint, Markdown and template is looked up by that position.
@Suite struct ParallelMapTests {
    @Test(arguments: [1, 2, 7])
    func groupsComeBackInTheirShapeAndOrder(jobs: Int) {
        // Uneven groups, empty ones among them (a page kind with no template, a family with no code).
        let groups: [[Int]] = [[], [1, 2, 3], [], [4], Array(5...60), []]
        let mapped = ParallelMap.map(groups: groups, jobs: jobs) { "#\($0)" }
        #expect(mapped == groups.map { $0.map { "#\($0)" } })
    }

    @Test func noGroupsGiveNoGroups() {
        #expect(ParallelMap.map(groups: [[Int]](), jobs: 2) { $0 }.isEmpty)
        #expect(ParallelMap.map(groups: [[Int]](repeating: [], count: 3), jobs: 2) { $0 } == [[], [], []])
    }
}
