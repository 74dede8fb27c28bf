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

    /// Oracle: putting back cmark's own HTML for every lifted block gives exactly the HTML cmark
    /// writes for the whole document, so splitting moves nothing and loses nothing. Generated
    /// documents nest lists and quotes in each other around runnable and display-only blocks.
    @Test func liftingMovesNothingElseInTheHTML() throws {
        var random = FuzzRandom(seed: 12)
        var lifted = 0
        for iteration in 0..<400 {
            let markdown = Self.nestedDocument(&random)
            var joined = ""
            for block in CommonMark.blocks(of: markdown, allowHTML: false, lifting: NotebookParser.isRunnable) {
                switch block {
                case .prose(let html, _): joined += html
                case .code(let code):
                    #expect(code.isNested || code.startColumn <= 4)
                    lifted += code.isNested ? 1 : 0
                    let language = code.info.split(separator: " ").first.map { " class=\"language-\($0)\"" } ?? ""
                    joined += "<pre><code\(language)>\(Self.cmarkEscaped(code.literal))</code></pre>\n"
                }
            }
            let whole = CommonMark.html(of: markdown, allowHTML: false)
            guard joined == whole else {
                Issue.record("document \(iteration):\n\(markdown)\n--- joined:\n\(joined)\n--- cmark:\n\(whole)")
                return
            }
            // Every cell's first code line is the notebook line it names, after its container's prefix.
            let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
            for cell in try NotebookParser.parse(markdown, fileName: "g.md").cells {
                let first = cell.source.split(separator: "\n", omittingEmptySubsequences: false)[0]
                #expect(lines[cell.line - 1].hasSuffix(first), "document \(iteration) cell \(cell.index)")
            }
        }
        #expect(lifted > 200, "the generator nests too few runnable blocks (\(lifted))")
    }

    static func nestedDocument(_ random: inout FuzzRandom) -> String {
        var lines: [String] = []
        for _ in 0..<(1 + random.below(4)) { lines += container(&random, depth: 0) + [""] }
        return lines.joined(separator: "\n")
    }

    /// A paragraph, a fenced block, or a list item or quote holding more of them.
    static func container(_ random: inout FuzzRandom, depth: Int) -> [String] {
        switch depth < 3 ? random.below(4) : random.below(2) {
        case 0:
            return [random.pick(["Some prose.", "A *step* & more", "text <with> \"quotes\""])]
        case 1:
            let info = random.pick(["swift-train", "swift-train label=a", "swift", "python", "swift-train echo=false"])
            let fence = random.pick(["```", "~~~", "````"])
            let code = (0..<random.below(3)).map { _ in random.pick(["print(1)", "let a = \"<b>&</b>\"", "  indented()", ""]) }
            return [fence + info] + code + [fence]
        default:
            let inner = (0..<(1 + random.below(3))).flatMap { index in
                (index > 0 ? [""] : []) + container(&random, depth: depth + 1)
            }
            if random.below(2) == 0 {
                let marker = random.pick(["- ", "* ", "1. ", "10) "])
                let indent = String(repeating: " ", count: marker.count)
                return inner.enumerated().map { index, line in
                    index == 0 ? marker + line : (line.isEmpty ? "" : indent + line)
                }
            }
            return inner.map { $0.isEmpty ? ">" : "> " + $0 }
        }
    }

    /// How cmark escapes the text of a code block.
    static func cmarkEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
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
        } throws: { "\($0)".hasPrefix("o.md:5:18: error: unknown block option 'colour'") }
    }
}
