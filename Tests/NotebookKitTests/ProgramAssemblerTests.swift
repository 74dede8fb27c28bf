import Testing
@testable import NotebookKit

@Suite struct ProgramAssemblerTests {
    @Test func everyCellIsFramedAndLocatedInTheNotebook() throws {
        let document = try NotebookParser.parse("""
        # T

        ```swift-train label=first
        let a = 1
        ```

        ```swift-train expect=error
        let b: Int = "x"
        ```
        """, fileName: "t.md")
        let program = try ProgramAssembler.assemble(document)
        #expect(program.source == """
        import TrainBook
        _notebookStart(id: "t")
        _notebookCellBegin(0, label: "first")
        #sourceLocation(file: "t.md", line: 4)
        let a = 1

        #sourceLocation()
        _notebookCellEnd(0)
        _notebookCellBegin(1, label: nil)
        _notebookExpectFailure(1) {
        #sourceLocation(file: "t.md", line: 8)
        let b: Int = "x"

        #sourceLocation()
        }
        _notebookCellEnd(1)

        """)
        #expect(program.cell(atProgramLine: 5) == 0)
        #expect(program.cell(atProgramLine: 12) == 1)
    }

    @Test func skippedCellsKeepTheirMarkers() throws {
        let document = try NotebookParser.parse("```swift-train\nlet x = \n```\n", fileName: "s.md")
        let program = try ProgramAssembler.assemble(document, skipping: [0])
        #expect(!program.source.contains("let x"))
        #expect(program.source.contains("_notebookCellEnd(0)"))
    }

    @Test func parametersOverrideTheirDefaults() throws {
        let document = try NotebookParser.parse("""
        ```swift-train parameters
        let epochs = 20
        let rates: [Double] = [0.1, 0.01]
        let title = "full"
        ```
        """, fileName: "p.md")
        let program = try ProgramAssembler.assemble(document, parameters: ["epochs": "2", "rates": "[0.5]"])
        #expect(program.source.contains("let epochs = 2\n"))
        #expect(program.source.contains("let rates: [Double] = [0.5]\n"))
        #expect(program.source.contains("let title = \"full\"\n"))
    }

    @Test func parameterMismatchesNameTheParameter() throws {
        let document = try NotebookParser.parse("```swift-train parameters\nlet epochs = 20\n```\n", fileName: "p.md")
        #expect(throws: NotebookError.self) { try ProgramAssembler.assemble(document, parameters: ["epochs": "fast"]) }
        #expect {
            try ProgramAssembler.assemble(document, parameters: ["epoch": "3"])
        } throws: { "\($0)".contains("parameter 'epoch'") && "\($0)".contains("it defines: epochs") }
    }

    @Test func stringLiteralsAreEscaped() {
        #expect(ProgramAssembler.literal("a\"b\\c\nd") == "\"a\\\"b\\\\c\\nd\"")
    }
}
