import ArgumentParser
import VersusKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct VersusExit: Error {
    var status: Int32
}

struct VersusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "versus",
        abstract: "Builds the multilingual SMTP reply code reference: a page per code and a comparison page for every pair.",
        discussion: """
        Exit status: 0 success; 1 errors in content or templates (reported as path:line:col, nothing written); \
        2 bad usage (unknown option, unusable output folder); 3 the output could not be written.
        """,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, NginxConfCommand.self, TranslationsCommand.self],
        defaultSubcommand: nil
    )
}
