import Testing
@testable import NotebookKit

@Suite struct NotebookParserTests {
    let notebook = """
    # Learning rates

    Some prose.

    ```swift-train label=lr-grid echo=false
    let x = 1
    print(x)
    ```

    ```python
    print("shown, not run")
    ```

    ```swift-train output=false timeout=60
    print(2)
    ```

    ```swift
    let shown = true
    ```
    """

    @Test func cellsKeepTheirSourceFirstCodeLineAndOptions() throws {
        let document = try NotebookParser.parse(notebook, fileName: "lr.md")
        #expect(document.title == "Learning rates")
        #expect(document.name == "lr")
        let cells = document.cells
        #expect(cells.count == 2)
        #expect(cells[0].source == "let x = 1\nprint(x)\n")
        #expect(cells[0].line == 6)
        #expect(cells[0].options.label == "lr-grid")
        #expect(cells[0].options.echo == false)
        #expect(cells[0].options.output == true)
        #expect(cells[1].line == 15)
        #expect(cells[1].index == 1)
        #expect(cells[1].options.output == false)
        #expect(cells[1].options.timeout == 60)
    }

    @Test func otherCodeBlocksAreShownNotRun() throws {
        let document = try NotebookParser.parse(notebook, fileName: "lr.md")
        let shown = document.blocks.compactMap { block -> String? in
            if case .code(let language, _) = block { language } else { nil }
        }
        #expect(shown == ["python", "swift"])
    }

    @Test func unknownOptionNamesTheBlockLine() {
        let text = "# T\n\n```swift-train colour=red\nprint(1)\n```\n"
        #expect {
            try NotebookParser.parse(text, fileName: "bad.md")
        } throws: { error in
            let message = "\(error)"
            return message.hasPrefix("bad.md:3:16: error: unknown block option 'colour'") && message.contains("label, echo")
        }
    }

    @Test func malformedOptionValuesAreErrors() {
        for info in ["echo=maybe", "timeout=-3", "expect=success", "label=a/b", "echo"] {
            #expect(throws: NotebookError.self) {
                try NotebookParser.parse("```swift-train \(info)\nprint(1)\n```\n", fileName: "x.md")
            }
        }
    }

    @Test func parametersBlockIsACellMarkedAsParameters() throws {
        let document = try NotebookParser.parse("```swift-train parameters\nlet epochs = 20\n```\n", fileName: "p.md")
        #expect(document.cells.first?.isParameters == true)
    }

    @Test func unterminatedFenceIsAnErrorAtTheOpeningLine() {
        #expect(throws: NotebookError.unterminatedFence(SourceLocation(file: "u.md", line: 3))) {
            try NotebookParser.parse("# T\n\n```swift-train\nprint(1)\n", fileName: "u.md")
        }
    }

    @Test func rawHTMLIsDroppedUnlessAllowed() throws {
        let text = "<script>alert(1)</script>\n\nHello <b>bold</b>\n"
        let safe = try NotebookParser.parse(text, fileName: "h.md")
        #expect(!PageRenderer.render(ExecutedDocument(document: safe, cells: [])).contains("<script>alert"))
        let allowed = try NotebookParser.parse("---\nallow-html: true\n---\n" + text, fileName: "h.md")
        #expect(allowed.allowsHTML)
        #expect(PageRenderer.render(ExecutedDocument(document: allowed, cells: [])).contains("<b>bold</b>"))
    }

    @Test func frontMatterKeepsLineNumbers() throws {
        let document = try NotebookParser.parse("---\nallow-html: false\n---\n```swift-train\nprint(1)\n```\n", fileName: "f.md")
        #expect(document.cells.first?.line == 5)
    }

    @Test func notUTF8IsRejectedWithTheByteOffset() {
        let bytes: [UInt8] = Array("# Title\n".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        #expect(throws: NotebookError.notUTF8(file: "n.md", byteOffset: 8)) {
            try NotebookParser.parse(bytes: bytes, fileName: "n.md")
        }
    }

    @Test func titleFallsBackToTheFileStem() throws {
        #expect(try NotebookParser.parse("no heading\n", fileName: "plain.md").title == "plain")
    }
}
