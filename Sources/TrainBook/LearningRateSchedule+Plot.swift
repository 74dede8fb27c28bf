import Charts
import TrainKit

extension LearningRateSchedule {
    /// The rate of steps `0 ..< steps` against the step, drawn as steps (each rate holds until the next
    /// step, so a staircase or piecewise schedule shows its cuts); a schedule that cycles momentum
    /// (one-cycle) gets a second panel with the momentum, as fastai's `plot_sched` shows both.
    ///
    /// ```swift
    /// show(LearningRateSchedule.exponentialDecay(initial: 0.1, decaySteps: 100, rate: 0.96).plot(steps: 1000))
    /// ```
    public func plot(steps: Int, title: String? = nil) -> Figure {
        require(steps > 0, "steps must be > 0, but got \(steps).")
        let positions = Array(0..<steps)
        var figure = Figure(rows: 1, cols: momentum == nil ? 1 : 2, title: title ?? name)
        figure[0].step(x: positions, y: values(steps: steps), where: .post)
        figure[0].xLabel = "step"
        figure[0].yLabel = "learning rate"
        if let momentum {
            figure[1].step(x: positions, y: positions.map(momentum), where: .post)
            figure[1].xLabel = "step"
            figure[1].yLabel = "momentum"
        }
        return figure
    }
}
