extension LearningRateSchedule {
    /// The rates of steps `0 ..< steps`, e.g. to plot a schedule.
    public func values(steps: Int) -> [Double] {
        require(steps >= 0, "steps must be >= 0, but got \(steps).")
        return (0..<steps).map(rate)
    }
}
