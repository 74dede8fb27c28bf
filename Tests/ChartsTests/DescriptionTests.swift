import Testing
@testable import Charts

/// The accessible summary says what the data does, including where a run diverges.
@Suite struct DescriptionTests {
    @Test func aFallingLossIsSummarised() {
        var fig = Figure(title: "Loss")
        fig.plot([2.302, 1.2, 0.6, 0.21], label: "Training Loss")
        #expect(fig.altText == "Loss. Training Loss falls from 2.3 to 0.21 over 4 epochs.")
    }

    @Test func aDivergingRunSaysWhere() {
        var fig = Figure(rows: 1, cols: 2, title: "Sweep")
        fig[0].plot([0.7, 0.6, 3e5, 1e12, .nan], label: "lr = 1.0")
        fig[0].title = "Learning Rate: 1.0"
        fig[1].plot([0.7, 0.5, 0.4], label: "lr = 0.1")
        let text = fig.altText
        #expect(text.contains("Panel 1 (Learning Rate: 1.0): lr = 1.0 falls from 0.7 to 0.6 over 2 epochs, then diverges at epoch 2 (clipped), becomes NaN at epoch 4."))
        #expect(text.contains("Panel 2: lr = 0.1 falls from 0.7 to 0.4 over 3 epochs."))
    }

    @Test func scatterBarsAndReferenceLinesAreDescribed() {
        var fig = Figure()
        fig.scatter(x: [0, 1, 2], y: [1, 2, 3], groups: [0, 1, 1])
        fig.verticalLine(at: 0.003, label: "suggested")
        #expect(fig.altText == "Chart. series 1: 3 points in 2 groups (0, 1), x from 0 to 2, y from 1 to 3; vertical line at x = 0.003 (suggested).")
        var bars = Figure(title: "Accuracy")
        bars.bar(labels: ["SGD", "Adam"], values: [0.91, 0.97])
        #expect(bars.altText == "Accuracy. bars: SGD 0.91, Adam 0.97.")
    }

    @Test func theSvgCarriesTheSummary() {
        var fig = Figure(title: "Loss")
        fig.plot([Double](repeating: .nan, count: 3), label: "loss")
        let svg = fig.svg(id: "d")
        #expect(fig.altText == "Loss. loss has no finite values.")
        #expect(svg.contains("<title id=\"d-title\">Loss</title>"))
        #expect(svg.contains("<desc id=\"d-desc\">Loss. loss has no finite values.</desc>"))
    }
}
