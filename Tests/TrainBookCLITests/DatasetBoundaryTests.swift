import Foundation
import Testing

/// Where dataset code lives: loading in the engine, fetching (which installs packages) in the CLI.
@Suite(.serialized) struct DatasetBoundaryTests {
    /// The library notebooks link reads datasets; fetching them (apt-get, pip) is the command line's.
    @Test func notebooksCannotReachTheDatasetFetcher() throws {
        let run = try TrainBookRun(notebooks: ["fetcher-in-notebook.md", "expect-error.md"], command: "check")
        #expect(run.status == 1, "\(run.terminal)")
        #expect(run.terminal.contains("fetcher-in-notebook.md:4:15: error: cannot find 'DatasetFetcher' in scope"))
        #expect(run.terminal.contains("ok      \(TrainBookRun.fixtures.path)/expect-error.md"))
    }
}
