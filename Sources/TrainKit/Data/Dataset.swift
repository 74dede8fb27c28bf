/// Features `x` (one row per sample) and targets `y` (one row per sample), the unit of data
/// that models fit, evaluate and predict on.
public struct Dataset: Equatable, Sendable {
    /// The inputs, `count × features`.
    public var x: Matrix
    /// The targets, `count × outputs` (class indices are a single column).
    public var y: Matrix

    /// A dataset from matching feature and target matrices.
    public init(x: Matrix, y: Matrix) {
        require(x.rows == y.rows, "x has \(x.rows) rows but y has \(y.rows); they must match.")
        self.x = x
        self.y = y
    }

    /// A dataset from literal rows: `Dataset(x: [[0.5, -1.0], [1.5, 0.3]], y: [[1], [0]])`.
    public init(x: [[Float]], y: [[Float]]) {
        self.init(x: Matrix(x), y: Matrix(y))
    }

    /// The number of samples.
    public var count: Int { x.rows }
}
