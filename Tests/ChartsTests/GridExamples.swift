import Foundation
@testable import Charts

/// Grids for the shared-axes and figure-legend snapshots, shaped like the book's sweeps.
enum GridExamples {
    /// Every example, by snapshot name.
    static let all: [(name: String, figure: Figure)] = [
        ("grid-shared-y-stuck-flat", stuckNextToLearning), ("grid-shared-diverging-panel", divergingPanel),
        ("grid-opt-out", optOut), ("single-series-no-legend", singleSeries),
        ("grid-4x2-figure-legend", figureLegend),
    ]

    /// Accuracy that climbs from `start` towards `ceiling`, with a small deterministic wobble.
    static func accuracyCurve(epochs: Int, start: Double, ceiling: Double, rate: Double, wobble: Double = 0.004) -> [Double] {
        (0..<epochs).map { epoch in
            let e = Double(epoch)
            return ceiling - (ceiling - start) * exp(-e / rate) + wobble * sin(e * 1.3)
        }
    }

    /// 04's SGD grid: at 1e-7 and 1e-6 the network stays at chance (0.08–0.098), at 0.01 and 0.1 it learns.
    static var stuckNextToLearning: Figure {
        var fig = Figure(rows: 2, cols: 2, title: "SGD: accuracy by learning rate")
        let runs: [(String, [Double], [Double])] = [
            ("1e-7", accuracyCurve(epochs: 20, start: 0.080, ceiling: 0.082, rate: 30, wobble: 0.0005),
             accuracyCurve(epochs: 20, start: 0.079, ceiling: 0.081, rate: 30, wobble: 0.0005)),
            ("1e-6", accuracyCurve(epochs: 20, start: 0.080, ceiling: 0.098, rate: 12, wobble: 0.001),
             accuracyCurve(epochs: 20, start: 0.081, ceiling: 0.097, rate: 12, wobble: 0.001)),
            ("0.01", accuracyCurve(epochs: 20, start: 0.82, ceiling: 0.95, rate: 5),
             accuracyCurve(epochs: 20, start: 0.85, ceiling: 0.94, rate: 5)),
            ("0.1", accuracyCurve(epochs: 20, start: 0.91, ceiling: 0.975, rate: 3),
             accuracyCurve(epochs: 20, start: 0.93, ceiling: 0.968, rate: 3, wobble: 0.006)),
        ]
        for (index, (rate, train, test)) in runs.enumerated() {
            fig[index].plot(x: Array(1...20), y: train, label: "train")
            fig[index].plot(x: Array(1...20), y: test, label: "test")
            fig[index].title = "Learning rate: \(rate)"
            fig[index].xLabel = "epoch"
            fig[index].yLabel = "accuracy"
        }
        return fig
    }

    /// A loss grid where the largest rate blows up: training loss grows threefold an epoch to 6e13 (as
    /// 01's unscaled regression does; alone on its axes nothing would clip it), validation loss jumps
    /// to 1e30 and turns NaN. Both are clipped with their notes; the other panels keep a readable range.
    static var divergingPanel: Figure {
        var fig = Figure(rows: 2, cols: 2, title: "Loss by learning rate")
        for (index, rate) in [1.0, 0.1, 0.01, 0.001].enumerated() {
            if rate == 1.0 {
                fig[index].plot((0..<30).map { 0.9 * pow(3, Double($0)) }, label: "Training Loss")
                let jump = [0.95, 0.9, 1.4, 1e30] + Array(repeating: Double.nan, count: 26)
                fig[index].plot(jump, label: "Validation Loss")
            } else {
                let speed = 2 + 4 / rate.squareRoot() / 10
                fig[index].plot(ChartExamples.lossCurve(epochs: 30, start: 0.9, floor: 0.1 + (0.1 - rate), rate: speed),
                                label: "Training Loss")
                fig[index].plot(ChartExamples.lossCurve(epochs: 30, start: 0.92, floor: 0.16 + (0.1 - rate),
                                                        rate: speed * 1.2, wobble: 0.04), label: "Validation Loss")
            }
            fig[index].title = "Learning rate: \(formatNumber(rate))"
        }
        return fig
    }

    /// The stuck grid again, opting out of shared axes: every panel zooms into its own data.
    static var optOut: Figure {
        var fig = stuckNextToLearning
        fig.title = "SGD: accuracy by learning rate, each panel on its own axes"
        fig.sharedX = .none
        fig.sharedY = .none
        for index in fig.axes.indices { fig[index].yLabel = nil }
        return fig
    }

    /// One labelled series: the title names it, so there is no legend.
    static var singleSeries: Figure {
        var fig = Figure(title: "Validation loss")
        fig.plot(ChartExamples.lossCurve(epochs: 40, start: 1.2, floor: 0.3, rate: 8), label: "val_loss")
        fig.xLabel = "epoch"
        return fig
    }

    /// A 4×2 sweep with training, validation and a labelled chance line in every panel: one legend
    /// under the title instead of eight.
    static var figureLegend: Figure {
        var fig = Figure(rows: 4, cols: 2, title: "MLP trained with SGD: accuracy by learning rate")
        let rates = [1.0, 0.5, 0.1, 0.05, 0.01, 0.005, 0.001, 0.0001]
        for (index, rate) in rates.enumerated() {
            let ceiling = min(0.97, 0.35 + 0.6 * pow(rate / 0.05, 0.25))
            let speed = 2 + 0.4 / rate.squareRoot()
            fig[index].plot(accuracyCurve(epochs: 30, start: 0.34, ceiling: ceiling, rate: speed),
                            label: "Training Accuracy")
            fig[index].plot(accuracyCurve(epochs: 30, start: 0.33, ceiling: ceiling - 0.03, rate: speed * 1.1,
                                          wobble: 0.01), label: "Validation Accuracy")
            fig[index].horizontalLine(at: 1.0 / 3, label: "chance", color: .gray, dash: .dotted)
            fig[index].title = "Learning rate: \(formatNumber(rate))"
            fig[index].xLabel = "epoch"
            fig[index].yLabel = "accuracy"
        }
        return fig
    }
}
