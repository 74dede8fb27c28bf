/// Which runs of a notebook program there have been: the `expect=error` cells that ended a run
/// and are skipped from then on, and so the cells whose results the next run brings.
struct RunPlan: Sendable {
    /// `expect=error` cells that ended an earlier run (a trap, or `exit`).
    private(set) var skipped: Set<Int> = []
    /// The first cell no earlier run reached past; cells before it ran, or were skipped, before.
    private(set) var firstNewCell = 0

    /// Whether the next run's `cell` is new, not a cell run again only to rebuild state.
    func isNew(_ cell: Int) -> Bool { cell >= firstNewCell }

    /// The `expect=error` cell that ended a run as it should: the program ended while it ran, by
    /// a trap, a signal or an exit with a failure status. A timeout or an interrupt is not the
    /// cell failing, and `exit(0)` is a program that ended early.
    func expectedFailure(ending termination: ChildProcess.Termination, running: Int?, of document: Document) -> Int? {
        guard let running, isNew(running), document.cells.indices.contains(running),
              document.cells[running].options.expectsError else { return nil }
        switch termination {
        case .signalled, .exited(1...): return running
        case .exited, .stopped: return nil
        }
    }

    /// Skips `cell` from the next run on; the cells after it are new.
    mutating func skip(_ cell: Int) {
        skipped.insert(cell)
        firstNewCell = cell + 1
    }
}
