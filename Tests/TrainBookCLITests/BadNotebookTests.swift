import Foundation
import Testing

/// One end-to-end test per notebook of `Tests/Fixtures/bad`: the message, its notebook line, the
/// outputs kept and the exit status.
@Suite(.serialized) struct BadNotebookTests {
    static let bad = TrainBookRun.fixtures.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/bad")

    func render(_ names: [String], _ arguments: [String] = [], environment: [String: String] = [:]) throws -> TrainBookRun {
        try TrainBookRun(notebooks: names.map { Self.bad.appendingPathComponent($0).path },
                         arguments: ["--no-cache"] + arguments, environment: environment)
    }

    func cells(_ run: TrainBookRun, _ name: String) throws -> [String] {
        try run.page(name).components(separatedBy: "<section class=\"cell\"")
    }

    @Test func everyCompileErrorIsReported() throws {
        let run = try render(["several-compile-errors.md"])
        #expect(run.status == 1)
        #expect(run.terminal.contains("several-compile-errors.md:8:18: error: cannot convert value of type 'String' to specified type 'Int'"))
        #expect(run.terminal.contains("several-compile-errors.md:12:7: error: cannot find 'notDefinedAnywhere' in scope"))
        let cells = try cells(run, "several-compile-errors")
        #expect(!cells[1].contains("error"))
        #expect(cells[2].contains("several-compile-errors.md:8:18: error:"))
        #expect(cells[3].contains("several-compile-errors.md:12:7: error:"))
    }

    @Test func aTrapInTheThirdCellKeepsTheFirstTwo() throws {
        let run = try render(["trap-in-third-cell.md"])
        #expect(run.status == 1)
        #expect(run.terminal.contains("trap-in-third-cell.md:14: error: the cell stopped with a runtime error: Index out of range"))
        let cells = try cells(run, "trap-in-third-cell")
        #expect(cells[1].contains("first output"))
        #expect(cells[2].contains("second output"))
        #expect(cells[3].contains("third starts"))
        #expect(cells[4].contains("Not run: an earlier cell failed."))
    }

    @Test func fatalErrorShowsItsMessage() throws {
        let run = try render(["fatal-error.md"])
        #expect(run.status == 1)
        #expect(run.terminal.contains("fatal-error.md:6: error: the cell stopped with a runtime error: learning rate must be positive, got -0.1"))
        #expect(try cells(run, "fatal-error")[1].contains("checking the rate"))
    }

    @Test func anUncaughtErrorIsNamed() throws {
        let run = try render(["thrown-error.md"])
        #expect(run.status == 1)
        #expect(run.terminal.contains("thrown-error.md:7: error: the cell threw an error that nothing caught: the table has no Index column"))
        #expect(try cells(run, "thrown-error")[1].contains("loading"))
    }

    @Test func anUncaughtErrorNamesTheLineOfTheThrowingCallAmongSeveral() throws {
        let run = try render(["thrown-error-among-tries.md"])
        #expect(run.status == 1)
        #expect(run.terminal.contains("thrown-error-among-tries.md:11: error: the cell threw an error that nothing caught: "
            + "no column named Index"), "\(run.terminal)")
    }

    @Test func aCellThatRunsForeverIsStoppedWithItsChildren() throws {
        let run = try render(["runs-forever.md"])
        #expect(run.status == 1)
        #expect(run.terminal.contains("runs-forever.md:8: error: the cell ran longer than its 2 s timeout and was stopped"))
        let cells = try cells(run, "runs-forever")
        #expect(cells[1].contains("before the loop"))
        let marker = cells[2].components(separatedBy: "started helper ").last?.prefix { $0.isNumber || $0 == "." } ?? ""
        #expect(marker.count > 5)
        #expect(LiveProcesses.waitUntilNone(matching: "600\0\(marker)"), "the helper process outlived its notebook")
    }

    @Test func megabytesOfOutputAreTruncatedAndTheCrashStillExplained() throws {
        let run = try render(["prints-megabytes.md"])
        #expect(run.status == 1)
        #expect(run.terminal.contains("prints-megabytes.md:7: error: the cell stopped with a runtime error: Index out of range"))
        let page = try run.page("prints-megabytes")
        #expect(page.contains("output truncated: this cell printed more than 1024 KiB"))
        #expect(page.utf8.count < 1_200_000)
    }

    @Test func notUTF8IsRejectedAndNamed() throws {
        let run = try render(["not-utf8.md"])
        #expect(run.status == 1)
        #expect(run.terminal.contains("not-utf8.md: error: the file is not valid UTF-8 (first bad byte at offset 16); save it as UTF-8"))
        #expect(try run.page("not-utf8").contains("not valid UTF-8"))
    }

    @Test func anUnterminatedFenceNamesItsLine() throws {
        let run = try render(["unterminated-fence.md"])
        #expect(run.status == 1)
        #expect(run.terminal.contains("unterminated-fence.md:5: error: this code block is never closed"))
    }

    @Test func anEmptyNotebookRendersAnEmptyPage() throws {
        let run = try render(["empty.md"])
        #expect(run.status == 0)
        #expect(try run.page("empty").contains("<title>empty</title>"))
    }

    @Test func twoHundredCellsRunInOneProgram() throws {
        let run = try render(["two-hundred-cells.md"])
        #expect(run.status == 0, "\(run.terminal)")
        let cells = try cells(run, "two-hundred-cells")
        #expect(cells.count == 201)
        #expect(cells[200].contains("cell 200 19900"))
    }

    @Test func sameStemInTwoFoldersRendersTheFirstAndNamesTheSecond() throws {
        let run = try render(["a/same-stem.md", "b/same-stem.md", "empty.md"])
        #expect(run.status == 1)
        #expect(run.terminal.contains("b/same-stem.md: error: not rendered:"))
        #expect(try run.page("same-stem").contains("First copy"))
        #expect(FileManager.default.fileExists(atPath: run.output + "/empty.html"))
    }

    @Test func anUnknownOptionNamesTheBlock() throws {
        let run = try render(["unknown-option.md"])
        #expect(run.status == 1)
        #expect(run.terminal.contains("unknown-option.md:7:16: error: unknown block option 'colour'; known options: label, echo, output, expect, timeout, caption"))
    }

    @Test func aMissingDatasetSaysHowToFetchIt() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("trainbook-no-data-\(UUID().uuidString)").path
        let run = try render(["missing-dataset.md"], environment: ["TRAINBOOK_DATA": empty])
        #expect(run.status == 1)
        #expect(run.terminal.contains("missing-dataset.md:5: error: the cell threw an error that nothing caught: MNIST is not downloaded"))
        #expect(run.terminal.contains("trainbook datasets fetch"))
        #expect(try cells(run, "missing-dataset")[1].contains("loading MNIST"))
    }

    @Test func aBadCSVCellNamesItsFileLineAndColumn() throws {
        let run = try render(["csv-bad-cell.md"])
        #expect(run.status == 1)
        #expect(run.terminal.contains("bad-cell.csv:3: column \"Weight\" holds \"eighty\", which is not a number"))
    }

    @Test func expectErrorOnABlockThatSucceedsFailsTheNotebook() throws {
        let run = try render(["expect-error-passes.md"])
        #expect(run.status == 1)
        #expect(run.terminal.contains("expect-error-passes.md:4: error: this block is marked expect=error but it ran without error"))
        #expect(try cells(run, "expect-error-passes")[2].contains("later cell"))
    }

    @Test func aDivergingLossWarnsAndStillDraws() throws {
        let run = try render(["nan-loss.md"])
        #expect(run.status == 0, "\(run.terminal)")
        let page = try run.page("nan-loss")
        #expect(page.contains("class=\"warning\">⚠ loss became infinite at epoch"))
        #expect(page.contains("<svg"))
        #expect(FileManager.default.fileExists(atPath: run.output + "/nan-loss/cell-1-1.svg"))
    }

    @Test func ctrlCStopsTheChildAndKeepsTheLastGoodPage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trainbook-interrupt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let notebook = folder.appendingPathComponent("interrupted.md").path
        try "# Interrupted\n\n```swift-train\nprint(\"the good render\")\n```\n".write(toFile: notebook, atomically: true, encoding: .utf8)
        let good = try TrainBookRun(notebooks: [notebook], arguments: ["--no-cache"])
        #expect(good.status == 0)
        try FileManager.default.removeItem(atPath: notebook)
        try FileManager.default.copyItem(atPath: Self.bad.appendingPathComponent("interrupted.md").path, toPath: notebook)

        let interrupted = try TrainBookRun(notebooks: [notebook], arguments: ["--no-cache"], output: good.output,
                                           interruptWhenPrinted: "cell 1/1 running")
        #expect(interrupted.status == 130, "\(interrupted.terminal)")
        #expect(interrupted.terminal.contains("interrupted"))
        #expect(try interrupted.page("interrupted").contains("the good render"))
    }
}
