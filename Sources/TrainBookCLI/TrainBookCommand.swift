import ArgumentParser
import Foundation

/// The `trainbook` command: renders learning-rate notebooks into self-contained HTML pages.
@main
struct TrainBookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trainbook",
        abstract: "Run Markdown notebooks of swift-train code and render them as HTML pages with figures.",
        discussion: """
        A notebook is a Markdown file. Its ```swift-train blocks run, top to bottom, as one Swift program \
        on TrainBook's training engine; what each block prints or shows (figures, tables) appears under it \
        in output/NAME.html, and every figure is also written as output/NAME/LABEL-K.svg.

        With no subcommand, trainbook renders every notebook in notebooks/ into output/.

        Examples:
          trainbook                                  render notebooks/ into output/
          trainbook render notebooks/02-finding-the-learning-rate.md
          trainbook render notebooks -p epochs=2     a quick render with fewer epochs
          trainbook verify                           fail if output/ is stale (for CI)
          trainbook diff --against HEAD              output/ against the last commit
        """,
        subcommands: [Render.self, Check.self, Watch.self, Verify.self, Diff.self, DatasetsCommand.self],
        defaultSubcommand: Render.self)

    /// Parses the command line and runs the command. argument-parser reports bad arguments (with the
    /// usage) and its own exit codes; any other error is a runtime failure (`RuntimeFailure`).
    static func main() {
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            try command.run()
        } catch let error where error is ValidationError || error is ExitCode || error is CleanExit {
            exit(withError: error)
        } catch {
            printError(RuntimeFailure.message(for: error))
            Foundation.exit(RuntimeFailure.exitStatus)
        }
    }
}
