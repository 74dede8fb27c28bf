import Foundation

/// A notebook program that stopped while it evaluated an inline value of the prose: the error
/// belongs to that value, shown where its value would be.
extension NotebookExecutor {
    /// Puts the reason the program stopped in place of inline value `index`, at its notebook line and column.
    func attributeFailure(_ termination: ChildProcess.Termination, toInline index: Int, backtraces: String,
                          document: Document, collector: inout OutputCollector) {
        let span = document.inlineSpans[index]
        // What the program printed while evaluating it went to the cell above (or the first one).
        let cell = span.afterCell ?? 0
        let printed = collector.cells.indices.contains(cell) ? collector.cells[cell].outputs : []
        let reason: String
        if case .stopped(.timeout) = termination {
            reason = "it ran longer than \(Int(defaultCellTimeout)) s and was stopped; compute it in a block (which may set timeout=SECONDS) and show the result's name"
        } else {
            let failure = CrashReport.describe(termination, text: printed, cellTimeout: defaultCellTimeout)
            reason = failure.reason.replacingOccurrences(of: "the cell ", with: "evaluating it ", options: .anchored)
            if collector.cells.indices.contains(cell) { collector.removeRuntimeMessages(fromCell: cell) }
        }
        collector.setInline(.error("\(span.location): error: the inline value \(span.source) did not finish: \(reason)"), at: index)
    }
}
