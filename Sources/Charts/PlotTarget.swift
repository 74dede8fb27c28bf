/// Something data can be plotted on: an ``Axes``, or a ``Figure``, which plots on its first axes as
/// `plt.plot` plots on the current axes. Every plotting method (`plot`, `scatter`, `bar`, `step`,
/// `band`, `verticalLine`, `horizontalLine`) is written once, in extensions of this protocol, so both
/// spellings always offer the same overloads:
/// ```swift
/// var fig = Figure(title: "Loss")
/// fig.plot(losses)            // the first axes
/// fig[1].plot(accuracies)     // any axes of a grid
/// ```
public protocol PlotTarget {
    /// The axes that plotting methods draw on.
    var plotAxes: Axes { get set }
}

extension Axes: PlotTarget {
    /// The axes themselves.
    public var plotAxes: Axes {
        get { self }
        set { self = newValue }
    }
}

extension Figure: PlotTarget {
    /// The first axes (`fig[0]`), top left.
    public var plotAxes: Axes {
        get { self[0] }
        set { self[0] = newValue }
    }
}
