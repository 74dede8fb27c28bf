import Foundation
import Testing
@testable import NotebookKit

/// Numbered and captioned figures and tables, references, the table of contents, folding and the
/// parameters box, on pages rendered from hand-made cell results.
@Suite struct PageFormsTests {
    static let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"nb-f\" role=\"img\"><title id=\"nb-f-title\">Chart title</title><desc id=\"nb-f-desc\">Chart summary.</desc></svg>"

    static let notebook = """
    # Forms

    Intro: @fig-grid and @tbl-scores, then @fig-second.

    ## Data

    ```swift-train parameters
    let epochs = 3
    ```

    ```swift-train label=grid caption="Loss by *rate*" echo=fold
    show(a)
    show(b)
    ```

    ### Scores

    ```swift-train label=scores caption="Scores <b>" output=fold
    show(t)
    ```

    ## Data

    ```swift-train label=second output=false
    show(c)
    ```

    ```swift-train label=third
    show(d)
    ```

    And @fig-third.

    """

    func page(hidden: Bool = true, thirdFails: Bool = false) throws -> (String, ExecutedDocument) {
        let document = try NotebookParser.parse(Self.notebook, fileName: "forms.md")
        var cells = document.cells.map { CellResult(index: $0.index) }
        for index in cells.indices { cells[index].status = .succeeded }
        cells[1].outputs = [.figure(name: "grid-1", svg: Self.svg, alt: "Chart summary."),
                            .figure(name: "grid-2", svg: Self.svg, alt: "Chart summary.")]
        cells[2].outputs = [.text("one\ntwo\n"), .table(columns: ["epoch"], rows: [["1"]])]
        cells[3].outputs = [.figure(name: "second-1", svg: Self.svg, alt: "hidden")]
        cells[4].outputs = [.figure(name: "third-1", svg: Self.svg, alt: "Chart summary.")]
        if thirdFails { cells[4].status = .failed; cells[4].outputs.append(.error("forms.md:40: error: boom")) }
        let executed = ExecutedDocument(document: document, cells: cells)
        return (PageRenderer.render(executed), executed)
    }

    @Test func figuresAndTablesAreNumberedInPageOrderWithTheirCaptions() throws {
        let (page, _) = try page()
        #expect(page.contains("<figure class=\"numbered\" id=\"fig-grid-1\">"))
        #expect(page.contains("<figcaption><span class=\"number\">Figure 1</span>: Loss by <em>rate</em></figcaption>"))
        #expect(page.contains("<figcaption><span class=\"number\">Figure 2</span>: Loss by <em>rate</em></figcaption>"))
        #expect(page.contains("<figure class=\"numbered table\" id=\"tbl-scores-1\"><figcaption><span class=\"number\">Table 1</span>: Scores &lt;b&gt;</figcaption>"))
        // The block with output=false shows no figure, so the next one is Figure 3.
        #expect(page.contains("<figure class=\"numbered\" id=\"fig-third-1\">"))
        #expect(page.contains("<span class=\"number\">Figure 3</span></figcaption>"))
        #expect(!page.contains("second-1"))
    }

    @Test func referencesLinkToTheFirstFigureOfTheirBlock() throws {
        let (page, executed) = try page()
        #expect(page.contains("Intro: <a class=\"xref\" href=\"#fig-grid-1\">Figure 1</a> and <a class=\"xref\" href=\"#tbl-scores-1\">Table 1</a>, then <span class=\"xref missing\">@fig-second</span>."))
        #expect(page.contains("And <a class=\"xref\" href=\"#fig-third-1\">Figure 3</a>."))
        // A block that ran and shows no figure fails the render, at the reference.
        #expect(CrossReferences.problems(in: executed) == ["forms.md:3:40: error: @fig-second points to the block at line 24, which shows no outputs (output=false)"])
    }

    @Test func quartoStyleLabelsAreReferencedWithoutTheirPrefixTwice() throws {
        let document = try NotebookParser.parse("See @fig-loss.\n\n```swift-train label=fig-loss\nshow(f)\n```\n", fileName: "q.md")
        var result = CellResult(index: 0)
        result.status = .succeeded
        result.outputs = [.figure(name: "fig-loss-1", svg: Self.svg, alt: "a")]
        let page = PageRenderer.render(ExecutedDocument(document: document, cells: [result]))
        #expect(page.contains("See <a class=\"xref\" href=\"#fig-fig-loss-1\">Figure 1</a>."))
    }

    @Test func aCaptionWithNothingToCaptionFailsTheRender() throws {
        let document = try NotebookParser.parse("# T\n\n```swift-train caption=\"Lost\"\nprint(1)\n```\n", fileName: "c.md")
        var result = CellResult(index: 0)
        result.status = .succeeded
        result.outputs = [.text("1\n")]
        #expect(CrossReferences.problems(in: ExecutedDocument(document: document, cells: [result]))
                == ["c.md:3: error: caption= has nothing to caption: it shows no figure or table; remove the caption or show a figure or table"])
        result.outputs.append(.table(columns: ["a"], rows: [["1"]]))
        #expect(CrossReferences.problems(in: ExecutedDocument(document: document, cells: [result])).isEmpty)
    }

    @Test func theCaptionBecomesTheFigureAccessibleName() throws {
        let (page, _) = try page()
        #expect(page.contains("<title id=\"nb-f-title\">Loss by rate</title><desc id=\"nb-f-desc\">Chart summary.</desc>"))
        #expect(page.contains("aria-label=\"Loss by rate. Chart summary.\""))
        #expect(SVGCaption.applying("a < b & \"c\"", to: Self.svg).contains("<title id=\"nb-f-title\">a &lt; b &amp; \"c\"</title>"))
        let untitled = SVGCaption.applying("Cap", to: "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"nb-u\"><path d=\"M0 0\"/></svg>")
        #expect(untitled == "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"nb-u\"><title>Cap</title><path d=\"M0 0\"/></svg>")
        #expect(SVGSanitizer.problem(with: untitled) == nil)
    }

    @Test func foldedCodeAndOutputsSitUnderASummaryLine() throws {
        let (page, _) = try page()
        #expect(page.contains("<details class=\"fold\"><summary>Code (2 lines)</summary>\n<div class=\"source\">"))
        #expect(page.contains("<details class=\"fold\"><summary>Output (1 table, 2 lines of text)</summary>"))
        #expect(!page.contains("<script"))
        // A failed cell's folded outputs are open, so its error shows.
        let cell = Cell(index: 0, source: "x\n", line: 2, options: { var o = CellOptions(); o.foldsOutput = true; return o }(), isParameters: false)
        var result = CellResult(index: 0)
        result.status = .failed
        result.outputs = [.error("f.md:2: error: boom")]
        let html = PageRenderer.render(cell, result, numbering: CrossReferences(ExecutedDocument(document: Document(fileName: "f.md", name: "f", title: "f", blocks: [.cell(cell)], allowsHTML: false), cells: [result])))
        #expect(html.contains("<details class=\"fold\" open><summary>Output (1 message)</summary>"))
    }

    @Test func headingsGetStableAnchorsAndTheContentsListThem() throws {
        let (page, _) = try page()
        #expect(page.contains("<h2 id=\"data\">Data<a class=\"anchor\" href=\"#data\""))
        #expect(page.contains("<h3 id=\"scores\">Scores<a class=\"anchor\""))
        #expect(page.contains("<h2 id=\"data-2\">Data<a class=\"anchor\""))
        #expect(page.contains("<h1>Forms</h1>\n<nav class=\"toc\" aria-label=\"Contents\"><p class=\"toc-title\">Contents</p>\n<ol>\n<li><a href=\"#data\">Data</a><ol>\n<li><a href=\"#scores\">Scores</a></li></ol></li>\n<li><a href=\"#data-2\">Data</a></li>\n</ol></nav>"))
        #expect(TableOfContents.slug("Learning-rate  decay, 1/t (Keras)") == "learning-rate-decay-1-t-keras")
        #expect(TableOfContents.slug("Fig. 2 again") == "sec-fig-2-again")
        #expect(TableOfContents.slug("Cell 3") == "sec-cell-3")
        #expect(TableOfContents.slug("¿?") == "section")
        #expect(try self.page().0 == self.page().0)
    }

    @Test func theParametersBlockIsLabelled() throws {
        let (page, _) = try page()
        #expect(page.contains("<section class=\"cell parameters-cell\" id=\"cell-1\">\n<p class=\"cell-label\">Parameters"))
        #expect(page.components(separatedBy: "<section class=\"cell parameters-cell\"").count == 2)
    }

    @Test func neighboursAreInFileNameOrder() {
        let navigation = PageNavigation(of: "02-b", among: ["03-c": "Third", "01-a": "First <1>", "02-b": "Second"])
        #expect(navigation.previous == PageNavigation.Link(name: "01-a", title: "First <1>"))
        #expect(navigation.next == PageNavigation.Link(name: "03-c", title: "Third"))
        #expect(navigation.html.contains("<a class=\"previous\" rel=\"prev\" href=\"01-a.html\"><span>← Previous</span>First &lt;1&gt;</a>"))
        #expect(PageNavigation(of: "01-a", among: ["01-a": "Only"]).html.isEmpty)
    }
}
