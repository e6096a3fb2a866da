import ArgumentParser
import VersusKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Exit codes, as documented in the README and in `versus --help`.
enum ExitStatus: Int32 {
    case success = 0
    case invalidInput = 1
    case badUsage = 2
    case publishingFailed = 3
}

// ArgumentParser exits with 64 on a usage error; Versus promises 2, so parse and dispatch here.
do {
    var command = try VersusCommand.parseAsRoot()
    if var asyncCommand = command as? any AsyncParsableCommand {
        try await runAsync(&asyncCommand)
    } else {
        try command.run()
    }
} catch let exit as VersusExit {
    Foundation_exit(exit.status)
} catch {
    let code = VersusCommand.exitCode(for: error)
    if code == .success {
        VersusCommand.exit(withError: error)
    }
    let message = VersusCommand.fullMessage(for: error)
    if !message.isEmpty { Console.error(message) }
    Foundation_exit(ExitStatus.badUsage.rawValue)
}

/// Opens the existential so that the command's `async` run() is the one called, not the synchronous
/// requirement inherited from ParsableCommand.
func runAsync<Command: AsyncParsableCommand>(_ command: inout Command) async throws {
    try await command.run()
}

func Foundation_exit(_ status: Int32) -> Never {
    fflush(nil)
    exit(status)
}
