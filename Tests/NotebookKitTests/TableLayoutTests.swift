import Testing
@testable import NotebookKit
import NotebookWire

/// Tables on the page: text left, numbers right on the decimal point, one rule of significant figures
/// per column, every row shown.
@Suite struct TableLayoutTests {
    /// The issue's column, 0.12 / 0.1467 / 0.002977, as a notebook's table sends it (4 significant
    /// digits, trailing zeros dropped).
    @Test func aColumnOfDecimalsGetsOneRuleOfSignificantFigures() {
        let html = TableLayout.html(columns: ["optimizer", "epoch", "loss"],
                                    rows: [["sgd", "1", "0.12"], ["adam", "2", "0.1467"], ["rmsprop", "3", "0.002977"]])
        let pad = { (count: Int) in "<span class=\"pad\" aria-hidden=\"true\">" + String(repeating: "\u{2007}", count: count) + "</span>" }
        #expect(html.contains("<th>optimizer</th><th class=\"num\">epoch</th><th class=\"num\">loss</th>"))
        #expect(html.contains("<tr><td>sgd</td><td class=\"num\">1</td><td class=\"num\">0.1200\(pad(2))</td></tr>"))
        #expect(html.contains("<tr><td>adam</td><td class=\"num\">2</td><td class=\"num\">0.1467\(pad(2))</td></tr>"))
        #expect(html.contains("<tr><td>rmsprop</td><td class=\"num\">3</td><td class=\"num\">0.002977</td></tr>"))
    }

    @Test func wholeNumbersInADecimalColumnShowTheSameDigitsAndExponentsKeepTheirs() {
        let cells = TableLayout.aligned(["2.302", "1", "0", "9.1e-05", "nan", ""])
        #expect(cells[0] == "2.302")
        #expect(cells[1] == "1.000")
        #expect(cells[2] == "0<span class=\"pad\" aria-hidden=\"true\">\u{2008}\u{2007}\u{2007}\u{2007}</span>")
        #expect(cells[3] == "9.100e-05")
        #expect(cells[4] == "nan")
        #expect(cells[5] == "")
    }

    /// A rate column (its heading names a rate) keeps the rate formatter's text, lined up but not padded.
    @Test func aRateColumnKeepsTheRateFormattersText() {
        let html = TableLayout.html(columns: ["learning rate", "loss"], rows: [["1e-3", "0.12"], ["0.0178", "0.1467"], ["0.1", "0.3"]])
        let pad = { (count: Int) in "<span class=\"pad\" aria-hidden=\"true\">" + String(repeating: "\u{2007}", count: count) + "</span>" }
        #expect(html.contains("<tr><td class=\"num\">1e-3</td><td class=\"num\">0.1200</td></tr>"))
        #expect(html.contains("<tr><td class=\"num\">0.0178</td><td class=\"num\">0.1467</td></tr>"))
        #expect(html.contains("<tr><td class=\"num\">0.1\(pad(3))</td><td class=\"num\">0.3000</td></tr>"))
    }

    @Test func rateHeadingsAreTheHyperparameters() {
        for heading in ["learning rate", "learning_rate", "lr", "LR", "lrate", "momentum", "weight decay", "eta0"] {
            #expect(RateHeading.names(heading), "\(heading)")
        }
        for heading in ["accuracy", "val_loss", "per-epoch valley", "epoch", "rates tried"] {
            #expect(!RateHeading.names(heading), "\(heading)")
        }
    }

    @Test func aColumnWithTextIsTextAndIsEscaped() {
        let html = TableLayout.html(columns: ["<b>", "rate"], rows: [["&", "0.1"], ["x", "n/a"]])
        #expect(html.contains("<th>&lt;b&gt;</th><th>rate</th>"))
        #expect(html.contains("<td>&amp;</td><td>0.1</td>"))
    }

    /// `trainbook diff` reads a padded number cell as the number a reader sees.
    @Test func diffReadsPaddedCellsAsTheirNumbers() throws {
        let document = try NotebookParser.parse("```swift-train\nprint(1)\n```\n", fileName: "t.md")
        var result = CellResult(index: 0)
        result.outputs = [.table(columns: ["loss"], rows: [["0.12"], ["0.002977"], ["0"]])]
        result.status = .succeeded
        let page = PageRenderer.render(ExecutedDocument(document: document, cells: [result]))
        #expect(PrintedValues.cells(inPage: page)[1] == ["loss", "0.1200", "0.002977", "0"])
    }

    /// A long table shows all of its rows: the page's style sheet caps no table's height.
    @Test func noTableIsCutToAHeight() {
        let rule = PageStyle.css.components(separatedBy: "\n").first { $0.contains(".table-wrap{") } ?? ""
        #expect(!rule.isEmpty)
        #expect(!rule.contains("max-height"))
        #expect(!rule.contains("overflow-y"))
    }
}
