import Testing
@testable import NotebookKit

/// Math and references are lifted out of prose before cmark, by Pandoc's rules for `$`.
@Suite struct ProseSpanTests {
    func segments(_ markdown: String) throws -> [ProseSegment] {
        try NotebookParser.parse(markdown, fileName: "m.md").blocks.flatMap { block -> [ProseSegment] in
            if case .prose(let prose) = block { prose.segments } else { [] }
        }
    }

    func math(_ markdown: String) throws -> [MathSpan] {
        try segments(markdown).compactMap { if case .math(let math) = $0 { math } else { nil } }
    }

    @Test func underscoresAndStarsInMathReachTeXUntouched() throws {
        let spans = try math("Update $w_{t+1} = w_t - \\eta g_t$ and $a * b * c$, then $x_i$ and *y*.\n")
        #expect(spans.map(\.tex) == ["w_{t+1} = w_t - \\eta g_t", "a * b * c", "x_i"])
        #expect(spans.allSatisfy { !$0.display })
        let html = try segments("then $x_i$ and *y*.\n").compactMap { if case .html(let h) = $0 { h } else { nil } }.joined()
        #expect(html.contains("<em>y</em>"))
        #expect(!html.contains("<em>i"))
    }

    @Test func pricesEscapedDollarsAndCodeStayText() throws {
        #expect(try math("It costs $5 and $6 today.\n").isEmpty)
        #expect(try math("From $20,000 to $30,000.\n").isEmpty)
        #expect(try math("A dollar \\$x$ sign.\n").isEmpty)
        #expect(try math("Code `$x$` and\n\n```python\ny = $z$\n```\n").isEmpty)
        #expect(try math("Space after $ x$ is no math.\n").isEmpty)
        let text = try NotebookParser.parse("It costs $5 and $6 today.\n", fileName: "m.md").blocks
        #expect(text == [.prose(Prose(html: "<p>It costs $5 and $6 today.</p>\n"))])
    }

    @Test func displayMathMaySpanLinesAndLaterLinesKeepTheirNumbers() throws {
        let markdown = "# T\n\n$$\na_1 +\nb_2\n$$\n\n```swift-train\nprint(1)\n```\n"
        let document = try NotebookParser.parse(markdown, fileName: "m.md")
        let spans = try math(markdown)
        #expect(spans.count == 1)
        #expect(spans.first?.display == true)
        #expect(spans.first?.tex == "\na_1 +\nb_2\n")
        #expect(spans.first?.location == SourceLocation(file: "m.md", line: 3, column: 1))
        #expect(document.cells.first?.line == 9)
    }

    @Test func unterminatedDisplayMathIsAnErrorAtItsDollars() {
        #expect {
            try NotebookParser.parse("# T\n\nThe rule is $$a + b\n\nand more.\n", fileName: "m.md")
        } throws: { "\($0)".hasPrefix("m.md:3:13: error: display math opened with $$ is never closed") }
    }

    @Test func unterminatedInlineMathWithACommandIsAnError() {
        #expect {
            try NotebookParser.parse("# T\n\nThe rate $\\eta is small.\n", fileName: "m.md")
        } throws: { "\($0)".hasPrefix("m.md:3:10: error: inline math opened with $ is never closed") }
    }

    @Test func referencesAreFoundAndAddressesAreNot() throws {
        let markdown = "See @fig-grid, and @tbl-scores. Mail me@fig-host.org.\n\n```swift-train label=grid\nprint(1)\n```\n\n```swift-train label=scores\nprint(2)\n```\n"
        let references = try segments(markdown).compactMap { if case .reference(let r) = $0 { r } else { nil } }
        #expect(references.map(\.source) == ["@fig-grid", "@tbl-scores"])
        #expect(references.first?.location == SourceLocation(file: "m.md", line: 1, column: 5))
    }

    @Test func anUnknownLabelIsAnErrorAtTheReference() {
        #expect {
            try NotebookParser.parse("# T\n\nAs @fig-curves shows.\n\n```swift-train label=grid\nprint(1)\n```\n", fileName: "m.md")
        } throws: { "\($0)" == "m.md:3:4: error: @fig-curves names no block; give the block label=curves (labels in this notebook: grid)" }
    }

    @Test func mathInsideAnImageDescriptionIsWrittenBack() throws {
        #expect(try segments("![the $x_1$ plot](a.png)\n") == [.html("<p><img src=\"a.png\" alt=\"the $x_1$ plot\" /></p>\n")])
    }

    @Test func frontMatterAndFirstParagraphDescribeTheNotebook() throws {
        let described = try NotebookParser.parse("---\ndescription: Rates, briefly.\nsource: \"A tutorial\"\n---\n# T\n\nFirst.\n", fileName: "m.md")
        #expect(described.description == "Rates, briefly.")
        #expect(described.source == "A tutorial")
        let plain = try NotebookParser.parse("# T\n\nThe *first*\nparagraph with $x_1$.\n\nSecond.\n", fileName: "m.md")
        #expect(plain.description == "The first paragraph with $x_1$.")
        #expect(plain.source == nil)
    }
}
