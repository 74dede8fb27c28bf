import Foundation
@testable import Charts

/// The figures of the snapshot tests and the gallery: one per chart kind the tutorials draw, built from
/// deterministic data shaped like real training runs.
enum ChartExamples {
    /// Every example, by snapshot name, in gallery order.
    static let all: [(name: String, figure: Figure)] = [
        ("line", line), ("multi-series-legend", multiSeries), ("scatter-groups", scatterGroups), ("bar", bar),
        ("lr-finder-log-x", lrFinder), ("grid-4x2-diverging", learningRateGrid), ("grid-2x2", momentumGrid),
        ("sweep-one-axes-diverging", sweepOnOneAxes), ("schedules", schedules), ("all-nan", allNaN),
        ("single-point", singlePoint), ("symlog-crossing-zero", symlogCrossingZero), ("step-schedule", stepSchedule),
        ("band-seeds", bandOverSeeds),
    ]

    /// A loss curve that decays from `start` towards `floor`, with a small deterministic wobble.
    static func lossCurve(epochs: Int, start: Double, floor: Double, rate: Double, wobble: Double = 0.02) -> [Double] {
        (0..<epochs).map { epoch in
            let e = Double(epoch)
            return floor + (start - floor) * exp(-e / rate) + wobble * sin(e * 1.7) * exp(-e / (rate * 3))
        }
    }

    static var line: Figure {
        var fig = Figure(title: "Training loss")
        fig.plot(lossCurve(epochs: 50, start: 2.302, floor: 0.21, rate: 9))
        fig.xLabel = "epoch"
        fig.yLabel = "loss"
        return fig
    }

    static var multiSeries: Figure {
        var fig = Figure(title: "Learning Rate: 0.01")
        fig.plot(lossCurve(epochs: 40, start: 1.1, floor: 0.08, rate: 8), label: "Training Loss")
        fig.plot(lossCurve(epochs: 40, start: 1.05, floor: 0.16, rate: 9, wobble: 0.04), label: "Validation Loss")
        fig.plot((0..<40).map { 1 - 0.9 * exp(-Double($0) / 7) }, label: "Training Accuracy")
        fig.xLabel = "epoch"
        return fig
    }

    /// Two noisy concentric circles (like `Datasets.circles`), from a fixed linear congruential generator.
    static var scatterGroups: Figure {
        var state: UInt64 = 42
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        var x: [Double] = [], y: [Double] = [], groups: [Int] = []
        for index in 0..<300 {
            let group = index % 2
            let angle = uniform() * 2 * .pi
            let radius = (group == 0 ? 1.0 : 0.5) + (uniform() - 0.5) * 0.12
            x.append(radius * cos(angle))
            y.append(radius * sin(angle))
            groups.append(group)
        }
        var fig = Figure(title: "Circles")
        fig.scatter(x: x, y: y, groups: groups)
        fig.xLabel = "x₀"
        fig.yLabel = "x₁"
        return fig
    }

    static var bar: Figure {
        var fig = Figure(title: "Test accuracy by optimizer")
        fig.bar(labels: ["SGD", "SGD momentum", "RMSprop", "Adagrad", "Adam", "Adamax"],
                values: [0.912, 0.953, 0.961, 0.897, 0.968, 0.964])
        fig.yLabel = "accuracy"
        return fig
    }

    /// The LR range test: loss against learning rate on a log axis, with the suggested rate marked.
    static var lrFinder: Figure {
        let rates = (0..<100).map { 1e-7 * pow(1e8, Double($0) / 99) }
        let losses = rates.map { rate -> Double in
            let t = log10(rate)
            let fall = 2.3 - 2.0 / (1 + exp(-(t + 3.0) * 2.2))
            return fall + (t > -0.8 ? pow(10, (t + 0.8) * 1.6) - 1 : 0)
        }
        var fig = Figure(title: "Learning rate finder")
        fig.plot(x: rates, y: losses, label: "loss")
        fig.xScale = .log
        fig.xLabel = "learning rate"
        fig.yLabel = "loss"
        fig.verticalLine(at: 2.5e-3, label: "suggested (valley)")
        return fig
    }

    /// The tutorials' 4×2 grid of learning curves, one panel per learning rate; lr = 1.0 diverges.
    static var learningRateGrid: Figure {
        let rates = [1.0, 0.5, 0.1, 0.05, 0.01, 0.005, 0.001, 0.0001]
        var fig = Figure(rows: 4, cols: 2, title: "Learning curves by learning rate")
        for (index, rate) in rates.enumerated() {
            if rate == 1.0 {
                let train = [0.70, 0.62, 3.1e5, 1.2e12] + Array(repeating: Double.nan, count: 46)
                let validation = [0.66, 0.64, 0.9, 4.4e8] + Array(repeating: Double.nan, count: 46)
                fig[index].plot(train, label: "Training Loss")
                fig[index].plot(validation, label: "Validation Loss")
            } else {
                let speed = 3 + 40 * pow(0.5 / rate, 0.45) / 10
                fig[index].plot(lossCurve(epochs: 50, start: 1.1, floor: 0.05 + 0.3 * (1 - rate), rate: speed),
                                label: "Training Loss")
                fig[index].plot(lossCurve(epochs: 50, start: 1.08, floor: 0.12 + 0.3 * (1 - rate), rate: speed * 1.1,
                                          wobble: 0.05), label: "Validation Loss")
            }
            fig[index].title = "Learning Rate: \(formatNumber(rate))"
            if index >= 6 { fig[index].xLabel = "epoch" }
            if index % 2 == 0 { fig[index].yLabel = "loss" }
        }
        return fig
    }

    static var momentumGrid: Figure {
        var fig = Figure(rows: 2, cols: 2, title: "Accuracy by momentum")
        for (index, momentum) in [0.0, 0.5, 0.9, 0.99].enumerated() {
            let speed = 12 * (1 - momentum) + 2
            let epochs = (0..<200).map(Double.init)
            let train = epochs.map { (epoch: Double) -> Double in 0.95 - 0.6 * exp(-epoch / (speed * 4)) }
            let test = epochs.map { (epoch: Double) -> Double in
                0.93 - 0.6 * exp(-epoch / (speed * 4.4)) - 0.01 * sin(epoch / 5)
            }
            fig[index].plot(train, label: "train")
            fig[index].plot(test, label: "test")
            fig[index].title = "momentum=\(formatNumber(momentum))"
        }
        return fig
    }

    /// Several learning rates on one axes; the largest explodes and must not crush the others.
    static var sweepOnOneAxes: Figure {
        var fig = Figure(title: "SGD learning rate sweep")
        fig.plot([0.7, 0.6, 3e5, 1e12, .nan, .nan, .nan, .nan, .nan, .nan, .nan, .nan, .nan, .nan, .nan, .nan, .nan,
                  .nan, .nan, .nan], label: "lr=1.0")
        fig.plot(lossCurve(epochs: 20, start: 0.69, floor: 0.12, rate: 3), label: "lr=0.1")
        fig.plot(lossCurve(epochs: 20, start: 0.69, floor: 0.3, rate: 9), label: "lr=0.01")
        fig.plot(lossCurve(epochs: 20, start: 0.69, floor: 0.6, rate: 30, wobble: 0), label: "lr=0.001")
        fig.xLabel = "epoch"
        fig.yLabel = "loss"
        return fig
    }

    /// Decay schedules: smooth exponential decay is never mistaken for divergence.
    static var schedules: Figure {
        var fig = Figure(title: "Learning rate schedules")
        let steps = Array(0..<100)
        fig.plot(x: steps, y: steps.map { 0.1 * pow(0.96, Double($0) / 4) }, label: "exponential decay")
        fig.plot(x: steps, y: steps.map { 0.1 * pow(0.5, (Double($0) / 25).rounded(.down)) }, label: "step decay",
                 dash: .dashed)
        fig.plot(x: steps, y: steps.map { 0.1 / (1 + 0.05 * Double($0)) }, label: "time-based decay", dash: .dashDot)
        fig.horizontalLine(at: 0.01, label: "floor", color: .gray, dash: .dotted)
        fig.xLabel = "step"
        fig.yLabel = "learning rate"
        return fig
    }

    static var allNaN: Figure {
        var fig = Figure(title: "Diverged from the start")
        fig.plot([Double](repeating: .nan, count: 10), label: "loss")
        return fig
    }

    static var singlePoint: Figure {
        var fig = Figure(title: "One epoch")
        fig.plot([0.5], label: "accuracy")
        return fig
    }

    /// A signed gradient component that swings through zero while it decays over five decades: on a
    /// symmetric log axis both its early swings and its late small values are readable.
    static var symlogCrossingZero: Figure {
        let steps = Array(0..<120)
        let gradient = steps.map { 800 * exp(-Double($0) / 9) * cos(Double($0) / 3) }
        var fig = Figure(title: "Gradient of one weight")
        fig.plot(x: steps, y: gradient, label: "∂loss/∂w")
        fig.horizontalLine(at: 0, color: .gray, dash: .dotted)
        fig.yScale = .symlog(linthresh: 0.01)
        fig.xLabel = "step"
        fig.yLabel = "gradient"
        return fig
    }

    /// A learning rate cut tenfold on plateaus, drawn as steps (`where: .post`: a rate holds until the
    /// next cut), beside a smooth cosine decay.
    static var stepSchedule: Figure {
        let epochs = Array(0..<60)
        let plateau = epochs.map { epoch in 0.1 * pow(0.1, Double([20, 35, 50].filter { epoch >= $0 }.count)) }
        var fig = Figure(title: "Learning rate by epoch")
        fig.step(x: epochs, y: plateau, where: .post, label: "ReduceLROnPlateau")
        fig.plot(x: epochs, y: epochs.map { 0.05 * (1 + cos(.pi * Double($0) / 60)) + 1e-4 }, label: "cosine decay",
                 dash: .dashed)
        fig.yScale = .log
        fig.xLabel = "epoch"
        fig.yLabel = "learning rate"
        return fig
    }

    /// Five seeds of one training: the spread as a band under the mean curve.
    static var bandOverSeeds: Figure {
        let runs: [[Double]] = (0..<5).map { (seed: Int) -> [Double] in
            let s = Double(seed)
            return lossCurve(epochs: 40, start: 1.1 + 0.05 * s, floor: 0.1 + 0.03 * s, rate: 6 + s, wobble: 0.03 * (s + 1))
        }
        let epochs = Array(0..<40)
        let lowest: [Double] = epochs.map { epoch in runs.map { $0[epoch] }.min()! }
        let highest: [Double] = epochs.map { epoch in runs.map { $0[epoch] }.max()! }
        let mean: [Double] = epochs.map { epoch in runs.map { $0[epoch] }.reduce(0, +) / 5 }
        var fig = Figure(title: "Validation loss over 5 seeds")
        fig.band(x: epochs, lower: lowest, upper: highest, label: "min–max")
        fig.plot(x: epochs, y: mean, label: "mean")
        fig.xLabel = "epoch"
        fig.yLabel = "loss"
        return fig
    }
}
