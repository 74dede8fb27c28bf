import Charts
import TrainKit

extension Matrix {
    /// Class indices of a target matrix: the single column as integers, or each one-hot row's argmax.
    public var classIndices: [Int] {
        guard cols > 1 else { return data.map { Int($0.rounded()) } }
        return (0..<rows).map { row in
            let values = data[(row * cols)..<((row + 1) * cols)]
            return values.indices.max { values[$0] < values[$1] }! - row * cols
        }
    }
}

extension PlotTarget {
    /// Points coloured by class, straight from a dataset's targets: `scatter(x:y:groups: circles.y)`,
    /// on axes or on a one-axes figure.
    public mutating func scatter(x: [Double], y: [Double], groups: Matrix, label: String? = nil) {
        scatter(x: x, y: y, groups: groups.classIndices, label: label)
    }
}
