/// The pixel geometry of data inside one plot area: polylines broken at gaps, clipped to a box a little
/// larger than the plot area (the SVG clip path trims the rest), and samples for legend placement.
struct SeriesGeometry {
    var xMap: ScaleMap
    var yMap: ScaleMap
    var plot: Rect

    /// The box segments are cut to: coordinates stay small even for a point at 1e12.
    var bounds: Rect { Rect(x: plot.x - 10, y: plot.y - 10, width: plot.width + 20, height: plot.height + 20) }

    /// The pixel position of a data point, or nil when it is a gap (non-finite, or ≤ 0 on a log axis).
    func point(_ x: Double, _ y: Double) -> (Double, Double)? {
        guard let px = xMap.pixel(x), let py = yMap.pixel(y), px.isFinite, py.isFinite else { return nil }
        return (px, py)
    }

    /// The polylines of a line series and its isolated points (drawn as dots, since a lone point has no segment).
    func polylines(x: [Double], y: [Double]) -> (lines: [[(Double, Double)]], dots: [(Double, Double)]) {
        var lines: [[(Double, Double)]] = []
        var dots: [(Double, Double)] = []
        var current: [(Double, Double)] = []
        var previous: (Double, Double)?
        var runLength = 0
        func finishRun() {
            if current.count > 1 { lines.append(current) }
            current = []
        }
        for (xValue, yValue) in zip(x, y) {
            guard let p = point(xValue, yValue) else {
                if runLength == 1, let previous, plot.contains(previous) { dots.append(previous) }
                finishRun()
                previous = nil
                runLength = 0
                continue
            }
            runLength += 1
            if let start = previous {
                if let (a, b) = clip(start, p) {
                    if let last = current.last, last == a {
                        current.append(b)
                    } else {
                        finishRun()
                        current = [a, b]
                    }
                } else {
                    finishRun()
                }
            }
            previous = p
        }
        if runLength == 1, let previous, plot.contains(previous) { dots.append(previous) }
        finishRun()
        return (lines, dots)
    }

    /// Liang–Barsky clipping of a segment to `bounds`; nil when it misses the box.
    func clip(_ p: (Double, Double), _ q: (Double, Double)) -> ((Double, Double), (Double, Double))? {
        let box = bounds
        let dx = q.0 - p.0, dy = q.1 - p.1
        var t0 = 0.0, t1 = 1.0
        for (denominator, numerator) in [(-dx, p.0 - box.x), (dx, box.maxX - p.0), (-dy, p.1 - box.y), (dy, box.maxY - p.1)] {
            if denominator == 0 {
                if numerator < 0 { return nil }
                continue
            }
            let t = numerator / denominator
            if denominator < 0 {
                if t > t1 { return nil }
                t0 = max(t0, t)
            } else {
                if t < t0 { return nil }
                t1 = min(t1, t)
            }
        }
        let a = t0 == 0 ? p : (p.0 + t0 * dx, p.1 + t0 * dy)
        let b = t1 == 1 ? q : (p.0 + t1 * dx, p.1 + t1 * dy)
        return (a, b)
    }

    /// Points along polylines every few pixels, inside the plot area: what a legend must not cover.
    func samples(of lines: [[(Double, Double)]], every spacing: Double = 4) -> [(Double, Double)] {
        var samples: [(Double, Double)] = []
        for line in lines {
            for (a, b) in zip(line, line.dropFirst()) {
                let length = ((b.0 - a.0) * (b.0 - a.0) + (b.1 - a.1) * (b.1 - a.1)).squareRoot()
                let steps = max(1, Int(length / spacing))
                for step in 0...steps {
                    let t = Double(step) / Double(steps)
                    let sample = (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1))
                    if plot.contains(sample) { samples.append(sample) }
                }
            }
        }
        return samples
    }
}
