import Charts
import Foundation
import TrainKit

extension LearningRateFinder {
    /// The loss against the learning rate on a log x axis, as fastai's `plot_lr_find` draws it,
    /// with a labelled vertical line at each suggestion, its rate by ``formatRate(_:)-(Double)`` (e.g. "valley 0.0032").
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
            figure.verticalLine(at: rate, label: "\(method.rawValue) \(formatRate(rate))")
        }
        return figure
    }
}
