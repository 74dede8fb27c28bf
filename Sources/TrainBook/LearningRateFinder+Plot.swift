import Charts
import Foundation
import TrainKit

extension LearningRateFinder {
    /// The loss against the learning rate on a log x axis, as fastai's `plot_lr_find` draws it,
    /// with a labelled vertical line at each suggestion, its rate by ``formatRate(_:)-(Double)`` (e.g. "valley 0.0032"),
    /// each in its own colour and dash (valley dashed, steep dotted, minimum dash-dotted, slide solid), so
    /// that colour is not the only difference.
    ///
    /// ```swift
    /// show(finder.plot(suggestions: [.valley, .steep]))
    /// ```
    /// - Parameters:
    ///   - suggestions: the suggestions to mark (a suggestion the curve is too short for is left out).
    ///   - skipEnd: trailing points left out, where the loss explodes (fastai's `skip_end`).
    ///   - title: the figure's title.
    public func plot(suggestions: [SuggestionMethod] = [.valley], skipEnd: Int = 5, title: String? = nil) -> Figure {
        require(skipEnd >= 0, "skipEnd must be >= 0, but got \(skipEnd).")
        let shown = max(0, learningRates.count - skipEnd)
        var figure = Figure(title: title)
        figure.plot(x: Array(learningRates.prefix(shown)), y: Array(losses.prefix(shown)))
        figure.xScale = .log
        figure.xLabel = "Learning Rate"
        figure.yLabel = "Loss"
        for method in suggestions {
            let rate = suggestion(method)
            guard rate.isFinite else { continue }
            figure.verticalLine(at: rate, label: "\(method.rawValue) \(formatRate(rate))",
                                dash: LearningRateFinder.dash(of: method))
        }
        return figure
    }

    /// The dash of a suggestion's line, the same in every range-test figure.
    static func dash(of method: SuggestionMethod) -> DashStyle {
        switch method {
        case .valley: return .dashed
        case .steep: return .dotted
        case .minimum: return .dashDot
        case .slide: return .solid
        }
    }
}

extension PlotTarget {
    /// Adds one range test to a figure that compares several: its loss against the learning rate,
    /// labelled, and a vertical line at each suggestion in the same colour as its curve ("100 steps:
    /// valley 3.2e-03"), dashed, dotted, dash-dotted or solid by method. Set `xScale = .log` once.
    ///
    /// ```swift
    /// var chart = Figure(title: "Two range tests")
    /// chart.plot(short, label: "100 steps")
    /// chart.plot(long, label: "1000 steps")
    /// chart.xScale = .log
    /// ```
    /// - Parameters:
    ///   - finder: the range test.
    ///   - label: the curve's legend text, which its suggestion lines repeat.
    ///   - suggestions: the suggestions to mark (a suggestion the curve is too short for is left out).
    ///   - skipEnd: trailing points left out, where the loss explodes (fastai's `skip_end`).
    ///   - color: the curve's colour; the next free palette colour when nil.
    public mutating func plot(_ finder: LearningRateFinder, label: String, suggestions: [SuggestionMethod] = [.valley],
                              skipEnd: Int = 5, color: SeriesColor? = nil) {
        require(skipEnd >= 0, "skipEnd must be >= 0, but got \(skipEnd).")
        let shown = max(0, finder.learningRates.count - skipEnd)
        plot(x: Array(finder.learningRates.prefix(shown)), y: Array(finder.losses.prefix(shown)), label: label, color: color)
        for method in suggestions {
            let rate = finder.suggestion(method)
            guard rate.isFinite else { continue }
            verticalLine(at: rate, label: "\(label): \(method.rawValue) \(formatRate(rate))",
                         color: .of(label), dash: LearningRateFinder.dash(of: method))
        }
    }
}
