import Foundation
import Testing
@testable import NotebookKit

/// The pieces of `trainbook diff`: reading printed values back from a page, and comparing lines.
@Suite struct OutputDiffTests {
    @Test func aPagesPrintedValuesAreReadBackPerCell() {
        var first = CellResult(index: 0)
        first.status = .succeeded
        first.outputs = [.text("loss <0.5> & \"done\"\nsecond line\n"), .warning("it's slow"),
                         .figure(name: "f-1", svg: "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"nb-t-f-1\"></svg>", alt: "a figure")]
        var second = CellResult(index: 1)
        second.status = .succeeded
        second.outputs = [.table(columns: ["epoch", "loss"], rows: [["1", "0.5"], ["2", "0.25"]])]
        let document = try! NotebookParser.parse("# T\n\n```swift-train\nprint(1)\n```\n\n```swift-train\nprint(2)\n```\n", fileName: "t.md")
        let page = PageRenderer.render(ExecutedDocument(document: document, cells: [first, second]))
        let values = PrintedValues.cells(inPage: page)
        #expect(values[1] == ["loss <0.5> & \"done\"", "second line", "⚠ it's slow"])
        // A reader sees one rule of significant figures per column: 0.5 next to 0.25 shows as 0.50.
        #expect(values[2] == ["epoch  │  loss", "1  │  0.50", "2  │  0.25"])
    }

    @Test func changedLinesArePairedAndSharedOnesLeftOut() {
        let rows = LineDiff.rows(old: ["a", "b", "c", "d"], new: ["a", "B", "c", "d", "e"])
        #expect(rows == [LineDiff.Row(old: "b", new: "B"), LineDiff.Row(old: nil, new: "e")])
        #expect(LineDiff.rows(old: ["same"], new: ["same"]).isEmpty)
        #expect(LineDiff.rows(old: ["gone"], new: []) == [LineDiff.Row(old: "gone", new: nil)])
    }

    @Test func twoVersionsOfAFigureGetTheirOwnIDs() throws {
        // A figure the charts library wrote (a committed snapshot), under a notebook's figure id.
        let snapshot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ChartsTests/Snapshots/line.svg")
        let svg = try String(contentsOf: snapshot, encoding: .utf8).replacingOccurrences(of: "snap-line", with: "nb-a-f-1")
        let checked = try SVGSanitizer.sanitize(svg).get()
        let old = try #require(ComparisonPage.embeddable(svg, prefix: "old-"))
        #expect(old == checked.replacingOccurrences(of: "nb-a-f-1", with: "old-nb-a-f-1"))
        #expect(!old.contains("\"nb-a-f-1") && !old.contains("#nb-a-f-1"))
        #expect(ComparisonPage.embeddable("<svg><script>alert(1)</script></svg>", prefix: "old-") == nil)
    }
}
