/// Filled areas in pixels: polygons cut to the box segments are cut to, so coordinates stay small
/// however far outside the data lies.
extension SeriesGeometry {
    /// The part of a closed polygon inside `bounds` (Sutherland–Hodgman: cut by each side in turn);
    /// empty when it lies entirely outside.
    func clipped(polygon: [(Double, Double)]) -> [(Double, Double)] {
        let box = bounds
        // Each side of the box: whether a point is inside it, and where a segment crosses it.
        let sides: [(inside: ((Double, Double)) -> Bool, crossing: ((Double, Double), (Double, Double)) -> (Double, Double))] = [
            ({ $0.0 >= box.x }, { crossAtX(box.x, $0, $1) }),
            ({ $0.0 <= box.maxX }, { crossAtX(box.maxX, $0, $1) }),
            ({ $0.1 >= box.y }, { crossAtY(box.y, $0, $1) }),
            ({ $0.1 <= box.maxY }, { crossAtY(box.maxY, $0, $1) }),
        ]
        var output = polygon
        for side in sides where !output.isEmpty {
            let input = output
            output = []
            for (index, current) in input.enumerated() {
                let previous = input[(index + input.count - 1) % input.count]
                if side.inside(current) {
                    if !side.inside(previous) { output.append(side.crossing(previous, current)) }
                    output.append(current)
                } else if side.inside(previous) {
                    output.append(side.crossing(previous, current))
                }
            }
        }
        return output
    }
}

/// Where segment p–q crosses the vertical line at `x`.
private func crossAtX(_ x: Double, _ p: (Double, Double), _ q: (Double, Double)) -> (Double, Double) {
    let t = (x - p.0) / (q.0 - p.0)
    return (x, p.1 + t * (q.1 - p.1))
}

/// Where segment p–q crosses the horizontal line at `y`.
private func crossAtY(_ y: Double, _ p: (Double, Double), _ q: (Double, Double)) -> (Double, Double) {
    let t = (y - p.1) / (q.1 - p.1)
    return (p.0 + t * (q.0 - p.0), y)
}
