import Foundation
@testable import Charts

/// Figures whose lines are labelled at their ends (`legend = .direct`), shaped like 02's retraining.
enum DirectLabelExamples {
    /// Every example, by snapshot name.
    static let all: [(name: String, figure: Figure)] = [
        ("direct-labels-close-endings", closeEndings), ("grid-1x2-direct-labels", grid),
    ]

    /// Test accuracy of four candidate rates that all end between 0.961 and 0.969.
    static var candidateRuns: [(String, [Double])] {
        [
            ("fixed 0.001", GridExamples.accuracyCurve(epochs: 25, start: 0.80, ceiling: 0.963, rate: 6)),
            ("steepest 0.0042", GridExamples.accuracyCurve(epochs: 25, start: 0.86, ceiling: 0.968, rate: 3)),
            ("100-step valley 0.013", GridExamples.accuracyCurve(epochs: 25, start: 0.88, ceiling: 0.965, rate: 2)),
            ("1000-step valley 0.0021", GridExamples.accuracyCurve(epochs: 25, start: 0.84, ceiling: 0.961, rate: 4)),
        ]
    }

    /// One axes, four curves ending within a few pixels of each other: the labels must be nudged apart.
    static var closeEndings: Figure {
        var fig = Figure(title: "Test accuracy by epoch at each candidate rate")
        for (label, accuracy) in candidateRuns {
            fig.plot(x: Array(1...accuracy.count), y: accuracy, label: label)
        }
        fig.xLabel = "epoch"
        fig.yLabel = "test accuracy"
        fig.legend = .direct
        return fig
    }

    /// Train and test curves side by side, labelled directly; the right panel's target line is the
    /// only thing left to list, so it alone gets a legend box, and no figure legend is drawn.
    static var grid: Figure {
        var fig = Figure(rows: 1, cols: 2, title: "Adam at two learning rates")
        for (index, rate) in ["0.001", "0.01"].enumerated() {
            let fast = index == 1
            fig[index].plot(x: Array(1...20), y: GridExamples.accuracyCurve(
                epochs: 20, start: 0.85, ceiling: fast ? 0.99 : 0.975, rate: fast ? 2 : 5), label: "train")
            fig[index].plot(x: Array(1...20), y: GridExamples.accuracyCurve(
                epochs: 20, start: 0.84, ceiling: fast ? 0.955 : 0.965, rate: fast ? 2 : 5), label: "test")
            fig[index].title = "Learning rate: \(rate)"
            fig[index].xLabel = "epoch"
            fig[index].yLabel = "accuracy"
            fig[index].legend = .direct
        }
        fig[1].horizontalLine(at: 0.95, label: "target", dash: .dashed)
        return fig
    }
}
