import Foundation
import NotebookWire

/// The cells the runner asked this program to skip: `expect=error` cells that ended an earlier run.
private let skippedCells = SkippedCells.parse(ProcessInfo.processInfo.environment[SkippedCells.environmentVariable])

/// Runs an `expect=error` cell. Generated programs call it; authors never need to.
///
/// A thrown error is caught here, printed, and the notebook goes on. A trap or an `exit` ends
/// the program; the runner then starts it again with this cell in `TRAINBOOK_SKIP_CELLS`, and here
/// it is skipped. So every cell runs in an ordinary process, with every thread and Dispatch queue
/// it expects, and no child is ever forked.
public func _notebookExpectFailure(_ index: Int, _ body: () throws -> Void) {
    guard !skippedCells.contains(index) else { return }
    do {
        try body()
    } catch {
        print("Error: \(error)")
        NotebookSession.shared.send(.expectedFailure(index: index, failed: true))
        return
    }
    NotebookSession.shared.send(.expectedFailure(index: index, failed: false))
}
