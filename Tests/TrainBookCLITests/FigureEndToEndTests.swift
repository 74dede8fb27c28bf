import Foundation
import Testing

/// Issue 12, finding 9, end to end: big figures reach the page, and a library precondition tells the
/// author what was wrong under the cell (the engine is built with -O, where `precondition` is silent).
@Suite(.serialized) struct FigureEndToEndTests {
    static let bad = TrainBookRun.fixtures.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/bad")

    @Test func aFigureOf700000PointsIsShownNotDropped() throws {
        let run = try TrainBookRun(notebooks: ["many-points.md"], arguments: ["--no-cache"])
        #expect(run.status == 0, "\(run.terminal)")
        let page = try run.page("many-points")
        #expect(page.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"nb-many-points-steps-1\""))
        #expect(!page.contains("was not embedded"))
        #expect(page.contains("shown"))
        #expect(page.utf8.count < 1_000_000, "\(page.utf8.count) bytes")
        let figure = try String(contentsOfFile: run.output + "/many-points/steps-1.svg", encoding: .utf8)
        #expect(figure.utf8.count < 200_000)
    }

    @Test func anEnginePreconditionShowsItsMessageUnderTheCell() throws {
        let run = try TrainBookRun(notebooks: [Self.bad.appendingPathComponent("engine-precondition.md").path],
                                   arguments: ["--no-cache"])
        #expect(run.status == 1)
        let message = "engine-precondition.md:5: error: the cell stopped with a runtime error: a Dense layer needs at least one unit, but got 0."
        #expect(run.terminal.contains(message), "\(run.terminal)")
        let cell = try run.page("engine-precondition").components(separatedBy: "<section class=\"cell\"")[1]
        #expect(cell.contains("building the model"))
        #expect(cell.contains(message))
    }

    @Test func aChartsPreconditionSaysWhatTheLimitIs() throws {
        let run = try TrainBookRun(notebooks: [Self.bad.appendingPathComponent("figure-precondition.md").path],
                                   arguments: ["--no-cache"])
        #expect(run.status == 1)
        let message = "figure-precondition.md:5: error: the cell stopped with a runtime error: a figure needs 1…64 axes in rows × cols, but got 100×100."
        #expect(run.terminal.contains(message), "\(run.terminal)")
        #expect(try run.page("figure-precondition").contains(message))
    }
}
