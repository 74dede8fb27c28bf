import Testing
@testable import NotebookKit

/// Line references in cached outputs follow their cell when prose moves it.
@Suite struct CellLayoutTests {
    let old = CellLayout(cellLines: [5, 12, 20])
    let moved = CellLayout(cellLines: [8, 16, 24])

    @Test func aReferenceKeepsItsDistanceFromItsCell() {
        #expect(old.line(5, in: moved) == 8)
        #expect(old.line(13, in: moved) == 17)
        #expect(old.line(11, in: moved) == 15, "the opening fence of a cell moves with it")
        #expect(old.line(22, in: moved) == 26)
        #expect(old.line(2, in: moved) == 2, "a line above the first block stays")
    }

    @Test func referencesToTheNotebookMoveAndOthersStay() {
        let text = """
        nb.md:6:19: error: cannot convert value
        nb.md:13: Fatal error: Index out of range
        at nb.md:21 and (nb.md:20)
        data.md:6 other.swift:13 nb.md:x nb.md: 6
        """
        let expected = """
        nb.md:9:19: error: cannot convert value
        nb.md:17: Fatal error: Index out of range
        at nb.md:25 and (nb.md:24)
        data.md:6 other.swift:13 nb.md:x nb.md: 6
        """
        #expect(old.moving(text, to: moved, fileNames: ["nb.md"]) == expected)
        #expect(old.moving("/folder/nb.md:13", to: moved, fileNames: ["nb.md"]) == "/folder/nb.md:17")
    }

    @Test func everyTextualOutputMovesAndValuesDoNot() {
        var result = CellResult(index: 1)
        result.outputs = [.text("nb.md:12: note\n"), .warning("nb.md:13 w"), .error("nb.md:14: error: e"),
                          .table(columns: ["nb.md:12"], rows: [["nb.md:12"]]), .figure(name: "f-1", svg: "<svg/>", alt: "nb.md:12")]
        let served = old.moving([result], to: moved, fileNames: ["nb.md"])[0]
        #expect(served.outputs == [.text("nb.md:16: note\n"), .warning("nb.md:17 w"), .error("nb.md:18: error: e"),
                                   .table(columns: ["nb.md:12"], rows: [["nb.md:12"]]), .figure(name: "f-1", svg: "<svg/>", alt: "nb.md:12")])
    }

    @Test func theEscapedSpellingOfAFileNameMovesToo() {
        let name = "a \"b\".md"
        let escaped = ProgramAssembler.sourceLocationFile(for: name)
        #expect(old.moving(escaped + ":13: Fatal error", to: moved, fileNames: [name, escaped]) == escaped + ":17: Fatal error")
    }
}
