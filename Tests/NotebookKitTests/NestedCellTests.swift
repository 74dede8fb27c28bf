import Testing
@testable import NotebookKit

/// Finding 10: a `swift-train` block inside a list item or block quote was silently never run. It
/// runs now, in reading order with the others, and its page shows it (and its outputs) where it is.
@Suite struct NestedCellTests {
    let notebook = """
    # Steps

    1. Load the data:

       ```swift-train
       let rows = 3
       print("rows", rows)
       ```

    2. Then use it.

    > A quoted block:
    >
    > ```swift-train label=quoted
    > print(rows * 2)
    > ```

    - outer
      > - inner
      >   ```swift-train
      >   print("deep")
      >   ```
      >
      >   ```swift
      >   let shown = true
      >   ```

    ```swift-train
    print("top level")
    ```
    """

    @Test func blocksInListsAndQuotesRunInReadingOrder() throws {
        let cells = try NotebookParser.parse(notebook, fileName: "steps.md").cells
        #expect(cells.map(\.index) == [0, 1, 2, 3])
        #expect(cells.map(\.line) == [6, 15, 21, 29])
        #expect(cells.map(\.source) == ["let rows = 3\nprint(\"rows\", rows)\n", "print(rows * 2)\n", "print(\"deep\")\n",
                                        "print(\"top level\")\n"])
        #expect(cells[1].options.label == "quoted")
    }

    @Test func theirOutputsAppearInsideTheirListItemOrQuote() throws {
        let document = try NotebookParser.parse(notebook, fileName: "steps.md")
        let cells = document.cells.map { cell in
            var result = CellResult(index: cell.index)
            result.status = .succeeded
            result.outputs = [.text("output of cell \(cell.index + 1)")]
            return result
        }
        let page = PageRenderer.render(ExecutedDocument(document: document, cells: cells))
        let body = String(page[page.range(of: "<h1>Steps</h1>")!.lowerBound...])
        // Each nested cell and its output sit inside the element that held the block, in order.
        #expect(body.contains("<li>\n<p>Load the data:</p>\n<section class=\"cell\" id=\"cell-1\">"))
        #expect(body.contains("output of cell 1</pre>\n</div>\n</section>\n</li>\n<li>\n<p>Then use it.</p>"))
        #expect(body.contains("<blockquote>\n<p>A quoted block:</p>\n<section class=\"cell\" id=\"cell-2\">"))
        #expect(body.contains("output of cell 2</pre>\n</div>\n</section>\n</blockquote>"))
        #expect(body.contains("<li>\n<p>inner</p>\n<section class=\"cell\" id=\"cell-3\">"))
        // Display-only code in a list stays where it was, not run.
        #expect(body.contains("<code class=\"language-swift\">let shown = true"))
        #expect(!body.contains("trainbook-lifted"))
        for tag in ["li", "ol", "ul", "blockquote", "section"] {
            #expect(body.components(separatedBy: "<\(tag)").count == body.components(separatedBy: "</\(tag)>").count, "\(tag)")
        }
    }

    @Test func compilerColumnsMapToNotebookColumns() throws {
        let document = try NotebookParser.parse(notebook, fileName: "steps.md")
        #expect(document.cells.map(\.columnOffsets) == [[3, 3], [2], [6], []])
        // `print("deep")` is at notebook line 21 behind `  >   `: the compiler's column 7 is column 13.
        #expect(document.notebookColumn(line: 21, column: 7) == 13)
        #expect(document.notebookColumn(line: 30, column: 7) == 7)
        let indentedFence = try NotebookParser.parse("  ```swift-train\n  let x = 1\n    let y = 2\n  ```\n", fileName: "i.md")
        #expect(indentedFence.cells.first?.source == "let x = 1\n  let y = 2\n")
        #expect(indentedFence.notebookColumn(line: 3, column: 3) == 5)
    }

    @Test func anUnclosedFenceInAListItemIsNamed() {
        #expect(throws: NotebookError.unterminatedFence(SourceLocation(file: "u.md", line: 3))) {
            try NotebookParser.parse("- item\n\n  ```swift-train\n  print(1)\nnot indented\n", fileName: "u.md")
        }
        #expect(throws: NotebookError.unterminatedFence(SourceLocation(file: "q.md", line: 1))) {
            try NotebookParser.parse("> ```swift-train\n> print(1)\n\nafter the quote\n", fileName: "q.md")
        }
    }

    @Test func aBadOptionOnANestedBlockNamesItsLine() {
        #expect(throws: NotebookError.self) {
            try NotebookParser.parse("intro\n\n> quoted\n>\n> ```swift-train colour=red\n> print(1)\n> ```\n", fileName: "o.md")
        }
        #expect {
            try NotebookParser.parse("intro\n\n> quoted\n>\n> ```swift-train colour=red\n> print(1)\n> ```\n", fileName: "o.md")
        } throws: { "\($0)".hasPrefix("o.md:5: error: unknown block option 'colour'") }
    }
}
