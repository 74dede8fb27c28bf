import Foundation
import Testing

/// `expect=error` blocks that fail at run time: each runs in the notebook's own process, and a
/// block that ends the program has it started again without that block.
@Suite(.serialized) struct ExpectErrorTests {
    func cells(_ run: TrainBookRun, _ name: String) throws -> [String] {
        try run.page(name).components(separatedBy: "<section class=\"cell\"")
    }

    /// Fails when the block runs in a child forked from a program whose sweep started Dispatch's
    /// threads: the child's Dispatch work never runs and the block hits its timeout.
    @Test func dispatchWorksInABlockAfterASweep() throws {
        let run = try TrainBookRun(notebooks: ["expect-error-dispatch.md"], arguments: ["--no-cache"])
        #expect(run.status == 0, "\(run.terminal)")
        let cells = try cells(run, "expect-error-dispatch")
        #expect(cells[2].contains("parts added up to 28"))
        #expect(cells[2].contains("Error: refused once the parts were added"))
        #expect(cells[3].contains("the block after it ran"))
    }

    @Test func trapsAndExitsLetTheNotebookGoOnShowingEachBlockOnce() throws {
        let run = try TrainBookRun(notebooks: ["expect-error-traps.md"], arguments: ["--no-cache"])
        #expect(run.status == 0, "\(run.terminal)")
        let page = try run.page("expect-error-traps")
        // Blocks run again to rebuild state after a trap are not shown twice.
        #expect(page.components(separatedBy: "first block printed").count == 2)
        let cells = try cells(run, "expect-error-traps")
        #expect(cells[2].contains("before the trap") && cells[2].contains("Index out of range"))
        // The trapping block's own changes are gone; the state of the blocks before it is rebuilt.
        #expect(cells[3].contains("between: runs = 1"))
        #expect(cells[4].contains("about to exit"))
        #expect(cells[5].contains("last: runs = 1"))
        #expect(!page.contains("role=\"alert\""))
    }

    /// A compiler error that belongs to no block (it is about the generated program's frame) fails
    /// the notebook at its first line, also when an expect=error block fails to compile beside it.
    @Test func anErrorOutsideEveryBlockFailsTheNotebook() throws {
        let run = try TrainBookRun(notebooks: ["diagnostic-outside-cells.md"], arguments: ["--no-cache"])
        #expect(run.status == 1, "\(run.terminal)")
        #expect(run.terminal.contains("diagnostic-outside-cells.md:1: error: cannot call value of non-function type 'Int'"))
        #expect(run.terminal.contains("diagnostic-outside-cells.md:11:19: error: cannot convert value of type 'String'"))
        let cells = try cells(run, "diagnostic-outside-cells")
        #expect(cells[1].contains("diagnostic-outside-cells.md:1: error:"))
    }

    /// The run after a trap repeats the blocks before it; what they showed the first time stays,
    /// and so does the trapped block's own output.
    @Test func aBlockThatRanWithoutErrorBeforeATrapStaysFlagged() throws {
        let run = try TrainBookRun(notebooks: ["expect-error-mixed.md"], arguments: ["--no-cache"])
        #expect(run.status == 1, "\(run.terminal)")
        #expect(run.terminal.contains("expect-error-mixed.md:4: error: this block is marked expect=error but it ran without error"))
        let cells = try cells(run, "expect-error-mixed")
        #expect(cells[1].contains("no failure here"))
        #expect(cells[2].contains("trapping now") && cells[2].contains("Index out of range"))
        #expect(cells[3].contains("the last block"))
        #expect(try run.page("expect-error-mixed").components(separatedBy: "no failure here").count == 2)
    }
}
