import Foundation
import Testing

/// The page forms end to end: `trainbook render` on the notebooks of `Tests/Fixtures/pages`, and on
/// the bad ones of `Tests/Fixtures/bad` that misuse them.
@Suite(.serialized) struct PageFormsEndToEndTests {
    static let fixtures = TrainBookRun.fixtures.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let pages = fixtures.appendingPathComponent("pages").path

    func bad(_ name: String) -> String { Self.fixtures.appendingPathComponent("bad/" + name).path }

    @Test func everyFormRendersOnThePage() throws {
        let run = try TrainBookRun(notebooks: [Self.pages], arguments: ["--no-cache"])
        #expect(run.status == 0, "\(run.terminal)")
        let page = try run.page("01-forms")
        // Captions, numbers and references.
        #expect(page.contains("This page shows <a class=\"xref\" href=\"#fig-curves-1\">Figure 1</a> and <a class=\"xref\" href=\"#tbl-numbers-1\">Table 1</a>."))
        #expect(page.contains("<figcaption><span class=\"number\">Figure 1</span>: Loss by epoch, “quoted”</figcaption>"))
        #expect(page.contains("<figcaption><span class=\"number\">Table 1</span>: Two epochs</figcaption>"))
        // Math: MathML in the page, prices left alone, code untouched.
        #expect(page.contains("It costs $5 and $6; the rate <span class=\"math inline\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\">"))
        #expect(page.contains("<annotation encoding=\"application/x-tex\">x_i * y_i</annotation>"))
        #expect(page.contains("<code>$code$</code> stays code"))
        #expect(page.contains("<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\">"))
        // Navigation and folding.
        #expect(page.contains("<nav class=\"toc\" aria-label=\"Contents\">"))
        #expect(page.contains("<h2 id=\"momentum-2\">"))
        #expect(page.contains("<a class=\"next\" rel=\"next\" href=\"02-plain.html\"><span>Next →</span>The second page</a>"))
        #expect(try run.page("02-plain").contains("<a class=\"previous\" rel=\"prev\" href=\"01-forms.html\"><span>← Previous</span>Every page form</a>"))
        #expect(page.contains("<details class=\"fold\"><summary>Code (3 lines)</summary>"))
        #expect(page.contains("<details class=\"fold\"><summary>Output (1 table, 1 line of text)</summary>"))
        #expect(page.contains("<section class=\"cell parameters-cell\" id=\"cell-1\">"))
        // The standalone figure carries the caption as its accessible title.
        let figure = try String(contentsOfFile: run.output + "/01-forms/curves-1.svg", encoding: .utf8)
        #expect(figure.contains("-title\">Loss by epoch, “quoted”</title>"))
        // The index describes each notebook and names its source.
        let index = try run.index()
        #expect(index.contains("<p class=\"description\">Every page form on one page.</p><p class=\"source-note\">Source: Written for TrainBook&#39;s tests</p>"))
        #expect(index.contains("<p class=\"description\">Only prose here, with $a^2 + b^2 = c^2$.</p>"))
    }

    @Test func aReRenderWritesTheSameBytes() throws {
        let first = try TrainBookRun(notebooks: [Self.pages], arguments: ["--no-cache"])
        let second = try TrainBookRun(notebooks: [Self.pages], arguments: ["--no-cache"])
        #expect(first.status == 0 && second.status == 0, "\(first.terminal)\(second.terminal)")
        for name in ["01-forms", "02-plain"] { #expect(try first.page(name) == second.page(name), "\(name)") }
        #expect(try first.index() == second.index())
    }

    @Test func anUnknownReferenceIsAnErrorAtItsLineAndTheOthersRender() throws {
        let run = try TrainBookRun(notebooks: [bad("unknown-reference.md"), Self.pages + "/02-plain.md"])
        #expect(run.status == 1)
        #expect(run.terminal.contains("unknown-reference.md:7:18: error: @fig-curves names no block; give the block label=curves (labels in this notebook: grid)"))
        #expect(try run.page("02-plain").contains("The second page"))
    }

    @Test func badTeXIsAnErrorAtItsColumnBeforeAnythingRuns() throws {
        let run = try TrainBookRun(notebooks: [bad("bad-tex.md")], arguments: ["--no-cache"])
        #expect(run.status == 1)
        #expect(run.terminal.contains("bad-tex.md:3:20: error: this math is not valid TeX: "))
        #expect(!(try run.page("bad-tex")).contains("must not run</pre>"))
    }

    @Test func checkReportsBadTeXAndStillCompiles() throws {
        let run = try TrainBookRun(notebooks: [bad("bad-tex.md")], command: "check")
        #expect(run.status == 1)
        #expect(run.terminal.contains("bad-tex.md:3:20: error: this math is not valid TeX: "), "\(run.terminal)")
        #expect(!run.terminal.contains("must not run"))
    }

    @Test func unterminatedDisplayMathIsAnError() throws {
        let run = try TrainBookRun(notebooks: [bad("unterminated-math.md")])
        #expect(run.status == 1)
        #expect(run.terminal.contains("unterminated-math.md:3:15: error: display math opened with $$ is never closed; close it with $$ in the same paragraph"))
    }

    @Test func aReferenceToABlockWithoutAFigureFailsTheRender() throws {
        let run = try TrainBookRun(notebooks: [bad("reference-to-nothing.md")], arguments: ["--no-cache"])
        #expect(run.status == 1)
        #expect(run.terminal.contains("reference-to-nothing.md:7:5: error: @fig-quiet points to the block at line 3, which shows no figure"))
        let page = try run.page("reference-to-nothing")
        #expect(page.contains("no figure here"))
        #expect(page.contains("<span class=\"xref missing\">@fig-quiet</span>"))
    }
}
