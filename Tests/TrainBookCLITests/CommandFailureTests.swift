import Foundation
import Testing

/// Failures that are not the command line's fault end with a plain message and status 1, not
/// with argument-parser's usage text and status 64.
@Suite(.serialized) struct CommandFailureTests {
    @Test func aMissingCompilerIsNotAUsageError() throws {
        let run = try TrainBookRun(notebooks: ["expect-error.md"], command: "check",
                                   environment: ["TRAINBOOK_SWIFTC": "/nonexistent/swiftc"])
        #expect(run.status == 1, "\(run.terminal)")
        #expect(run.terminal.contains("error: swiftc not found (looked for /nonexistent/swiftc)"))
        #expect(!run.terminal.contains("Usage:") && !run.terminal.contains("Error: error:"))
    }

    @Test func aMissingCompilerStopsARenderTheSameWay() throws {
        let run = try TrainBookRun(notebooks: ["expect-error.md"], environment: ["TRAINBOOK_SWIFTC": "/nonexistent/swiftc"])
        #expect(run.status == 1, "\(run.terminal)")
        #expect(run.terminal.hasPrefix("error: swiftc not found"))
    }

    @Test func aBadArgumentIsStillAUsageError() throws {
        let run = try TrainBookRun(notebooks: ["expect-error.md"], arguments: ["--jobs", "0"])
        #expect(run.status == 64, "\(run.terminal)")
        #expect(run.terminal.contains("--jobs must be at least 1") && run.terminal.contains("Usage:"))
    }
}
