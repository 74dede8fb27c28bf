import NotebookWire
import Testing
@testable import NotebookKit

/// Inline values `{swift} EXPR` are lifted out of prose with the column of their expression, placed
/// after the cell above them, assembled at that column, and their records accepted only in order.
@Suite struct InlineValueTests {
    func spans(_ markdown: String) throws -> [InlineSpan] {
        try NotebookParser.parse(markdown, fileName: "m.md").inlineSpans
    }

    @Test func aSwiftCodeSpanIsLiftedWithItsExpressionsColumn() throws {
        let found = try spans("Rate `{swift} rate, format: .fixed(2)` and ``{swift}  a`b `` here.\n")
        #expect(found.map(\.expression) == ["rate, format: .fixed(2)", "a`b"])
        #expect(found.map(\.location.description) == ["m.md:1:15", "m.md:1:55"])
        #expect(found.map(\.index) == [0, 1])
    }

    @Test func otherCodeSpansStayCode() throws {
        #expect(try spans("Code `{swift}x`, `swift 1`, `{python} x` and\n\n```swift\n`{swift} x`\n```\n").isEmpty)
    }

    @Test func anEmptyOrMultiLineInlineValueIsAnErrorAtItsPlace() throws {
        #expect(throws: NotebookError.badInline(SourceLocation(file: "m.md", line: 2, column: 5), "`{swift}` has no expression; write one after it, e.g. `{swift} epochs`")) {
            try spans("Text\nand `{swift}` here.\n")
        }
        #expect(throws: NotebookError.badInline(SourceLocation(file: "m.md", line: 1, column: 19), "an inline value must be on one line; join its lines, or compute it in a block and show the name")) {
            try spans("Text and `{swift} a +\nb` here.\n")
        }
    }

    @Test func eachValueIsPlacedAfterTheCellAboveIt() throws {
        let withParameters = "`{swift} a`\n\n```swift-train parameters\nlet a = 1\n```\n\n`{swift} a`\n\n```swift-train\nlet b = 2\n```\n\n`{swift} b`\n"
        #expect(try spans(withParameters).map(\.afterCell) == [0, 0, 1])
        let withoutParameters = "`{swift} 1 + 1`\n\n```swift-train\nlet b = 2\n```\n\n`{swift} b`\n"
        #expect(try spans(withoutParameters).map(\.afterCell) == [nil, 0])
    }

    @Test func topLevelNamesAreReadFromTheText() {
        #expect(TopLevelNames.declared(in: "let a = 1\nvar b: [Int] = []\nlet (train, test) = split()\n  let inner = 3\nlet _ = 4\nfunc best() -> Int { 1 }\nstruct S {}\n")
                == ["a", "b", "train", "test", "best"])
        #expect(TopLevelNames.used(in: "best.rate * scale, format: .percent(1)") == ["best", "scale"])
        #expect(TopLevelNames.used(in: "claim(x > 1, \"y is \\(y) and z\")") == ["claim", "x"])
    }

    @Test func theExpressionStandsAtItsNotebookColumnInTheProgram() throws {
        let document = try NotebookParser.parse("```swift-train\nlet x = 1\n```\n\nThe value `{swift} x + 1` here.\n", fileName: "m.md")
        let lines = try ProgramAssembler.assemble(document).source.split(separator: "\n", omittingEmptySubsequences: false)
        let at = try #require(lines.firstIndex(of: "#sourceLocation(file: \"m.md\", line: 5)"))
        #expect(lines[at - 1] == "_inlineStart(0)")
        let call = lines[at + 1]
        #expect(call.hasSuffix("_inline(x + 1)"))
        #expect(call.distance(from: call.startIndex, to: try #require(call.range(of: "x + 1")).lowerBound) + 1 == 20)
        #expect(lines.firstIndex(of: "_notebookCellEnd(0)")! < at)
    }

    @Test func inlineRecordsOutOfOrderOrInsideACellAreRefused() throws {
        let document = try NotebookParser.parse("```swift-train\nlet x = 1\n```\n\n`{swift} x` and `{swift} x`\n", fileName: "m.md")
        func json(_ record: WireRecord) -> [UInt8] { Array(record.encodedFrame().dropFirst(4)) }
        var collector = OutputCollector(document: document)
        collector.receive(frame: json(.cellBegin(index: 0)))
        collector.receive(frame: json(.inlineStart(index: 0)))          // inside the cell: refused
        collector.receive(frame: json(.cellEnd(index: 0)))
        collector.receive(frame: json(.inlineStart(index: 1)))          // out of order: refused
        collector.receive(frame: json(.inlineValue(index: 1, text: "forged", claim: nil)))
        collector.receive(frame: json(.inlineStart(index: 0)))
        collector.receive(frame: json(.inlineValue(index: 0, text: "1", claim: nil)))
        collector.receive(frame: json(.inlineStart(index: 1)))
        collector.receive(frame: json(.inlineValue(index: 1, text: "2", claim: true)))
        collector.finish()
        #expect(collector.inline == [.value("1"), .claim(text: "2", holds: true)])
        let warnings = collector.cells[0].outputs.filter { if case .warning = $0 { true } else { false } }
        #expect(warnings.count == 3)
    }

    /// A number stays on one line; a computed phrase wraps with its sentence instead of jumping to a
    /// line of its own.
    @Test func numbersStayWholeAndComputedPhrasesWrap() {
        let span = InlineSpan(expression: "x", location: SourceLocation(file: "n.md", line: 3, column: 1))
        #expect(PageRenderer.render(span, result: .value("93.3\u{A0}%")) == "<span class=\"value\">93.3\u{A0}%</span>")
        #expect(PageRenderer.render(span, result: .value("the layer leaves the best result within 0.01"))
                == "<span class=\"value words\">the layer leaves the best result within 0.01</span>")
    }
}
