/// Where the value of a step-drawn line changes between two points, as matplotlib's `where=` (and
/// `drawstyle='steps-…'`).
public enum StepPosition: Sendable {
    /// Each value holds until the next point (`steps-post`): a learning rate set at a step keeps until
    /// the next change.
    case post
    /// Each value holds since the previous point (`steps-pre`, matplotlib's default).
    case pre
    /// The value changes half-way between points (`steps-mid`).
    case mid
}

/// A line drawn as steps (matplotlib's `step`), for piecewise-constant values such as learning-rate
/// schedules and plateaus. Limits, clipping, legend and summary are those of the line through the same
/// points.
struct StepMark: Mark {
    /// The line through the points; only its drawing differs.
    var line: LineMark
    var position: StepPosition

    var layer: MarkLayer { .data }
    var curve: Curve? { line.curve }

    func xRange(in axes: Axes) -> DataRange? { line.xRange(in: axes) }

    func yRange(in axes: Axes, divergence: Divergence?) -> DataRange? { line.yRange(in: axes, divergence: divergence) }

    func draw(in context: MarkContext, into svg: inout SVGWriter) -> [(Double, Double)] {
        let (x, y) = corners()
        return LineMark.drawPolyline(x: x, y: y, paint: line.paint, dash: line.dash, geometry: context.geometry, into: &svg)
    }

    /// The points of the staircase, as matplotlib's `pts_to_poststep`, `pts_to_prestep` and
    /// `pts_to_midstep` make them: each step adds the corners where the value changes.
    func corners() -> (x: [Double], y: [Double]) {
        let x = line.x, y = line.y
        guard x.count > 1 else { return (x, y) }
        var cornersX = [x[0]], cornersY = [y[0]]
        for index in 1..<x.count {
            switch position {
            case .post:
                cornersX += [x[index], x[index]]
                cornersY += [y[index - 1], y[index]]
            case .pre:
                cornersX += [x[index - 1], x[index]]
                cornersY += [y[index], y[index]]
            case .mid:
                let middle = x[index - 1] / 2 + x[index] / 2
                cornersX += [middle, middle]
                cornersY += [y[index - 1], y[index]]
            }
        }
        if position == .mid {
            cornersX.append(x[x.count - 1])
            cornersY.append(y[y.count - 1])
        }
        return (cornersX, cornersY)
    }

    var legendEntries: [LegendEntry] { line.legendEntries }

    /// The line's clause, named as drawn: "learning rate (steps) falls from 0.1 to 0.001 …".
    func summary(_ context: SummaryContext) -> String {
        var named = line
        named.label = (line.label ?? context.fallbackName) + " (steps)"
        return named.summary(context)
    }
}

extension StepMark: SeriesColored {
    var colorRequests: [ColorRequest] { line.colorRequests }

    mutating func assignColors(_ paints: [Paint]) { line.assignColors(paints) }
}
