import Foundation

/// Thinning long line series before drawing, as plotting libraries do: a million-point curve drawn
/// point by point is a 15 MB figure whose pixels are the same as those of a few thousand points.
extension SeriesGeometry {
    /// Series with more points than this many per pixel of plot width are thinned.
    static let pointsPerPixel = 4

    /// The points of a line series that draw the same picture: per pixel column of the plot, each run of
    /// consecutive points keeps its first, lowest, highest and last point, in their order (the "M4"
    /// reduction), so the curve's envelope and its ends in every column survive. Gaps (points that
    /// cannot be drawn) are kept, one per gap, so the line still breaks where the data does.
    /// Short series come back unchanged.
    func simplified(x: [Double], y: [Double]) -> (x: [Double], y: [Double]) {
        let count = min(x.count, y.count)
        guard count > Self.pointsPerPixel * max(1, Int(plot.width.rounded(.up))) else { return (x, y) }
        var kept: [Int] = []
        kept.reserveCapacity(Self.pointsPerPixel * Int(plot.width.rounded(.up)) * 2)
        var run = ColumnRun?.none
        var lastWasGap = false
        for index in 0..<count {
            guard let pixel = point(x[index], y[index]) else {
                run?.append(to: &kept)
                run = nil
                if !lastWasGap { kept.append(index) }
                lastWasGap = true
                continue
            }
            lastWasGap = false
            // Far-off points are clipped later; their column only needs to differ from the plot's.
            let column = Int(max(-1e9, min(1e9, pixel.0.rounded(.down))))
            if run?.column == column {
                run!.include(index, y: pixel.1)
            } else {
                run?.append(to: &kept)
                run = ColumnRun(column: column, index: index, y: pixel.1)
            }
        }
        run?.append(to: &kept)
        return (kept.map { x[$0] }, kept.map { y[$0] })
    }
}

/// The points of one pixel column that a run of consecutive points keeps.
private struct ColumnRun {
    var column: Int
    var first: Int
    var last: Int
    var lowest: (index: Int, y: Double)
    var highest: (index: Int, y: Double)

    init(column: Int, index: Int, y: Double) {
        self.column = column
        first = index
        last = index
        lowest = (index, y)
        highest = (index, y)
    }

    mutating func include(_ index: Int, y: Double) {
        last = index
        if y < lowest.y { lowest = (index, y) }
        if y > highest.y { highest = (index, y) }
    }

    /// Appends the kept indices in their original order, each once.
    func append(to kept: inout [Int]) {
        for index in Set([first, lowest.index, highest.index, last]).sorted() { kept.append(index) }
    }
}
