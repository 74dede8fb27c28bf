/// A dense, row-major matrix of `Float` values: the one tensor type of the engine.
///
/// A dataset's features are a `rows × cols` matrix; a Dense kernel is `inputs × units`.
public struct Matrix: Equatable, Sendable {
    /// Number of rows.
    public private(set) var rows: Int
    /// Number of columns.
    public private(set) var cols: Int
    /// The values, row after row (`rows * cols` of them).
    public var data: [Float]

    /// A matrix from its shape and its row-major values.
    public init(rows: Int, cols: Int, data: [Float]) {
        require(rows >= 0 && cols >= 0, "a matrix needs a non-negative shape, but got \(rows)×\(cols).")
        require(data.count == rows * cols,
                "a \(rows)×\(cols) matrix needs \(rows * cols) values, but got \(data.count).")
        self.rows = rows
        self.cols = cols
        self.data = data
    }

    /// A matrix of the given shape with every value set to `value`.
    public init(rows: Int, cols: Int, repeating value: Float = 0) {
        self.init(rows: rows, cols: cols, data: [Float](repeating: value, count: rows * cols))
    }

    /// A matrix from literal rows, which must all have the same length.
    public init(_ rowValues: [[Float]]) {
        let width = rowValues.first?.count ?? 0
        require(rowValues.allSatisfy { $0.count == width },
                "every row needs \(width) values, but the rows have \(Set(rowValues.map(\.count)).sorted()).")
        self.init(rows: rowValues.count, cols: width, data: rowValues.flatMap { $0 })
    }

    /// The value at `row`, `col`.
    @inlinable public subscript(row: Int, col: Int) -> Float {
        get { data[row * cols + col] }
        set { data[row * cols + col] = newValue }
    }

    /// The values of one row.
    public func row(_ index: Int) -> [Float] { Array(data[index * cols ..< (index + 1) * cols]) }

    /// The values of one column, as `Double` for plotting and statistics.
    public func column(_ index: Int) -> [Double] {
        require(index >= 0 && index < cols, "column \(index) is outside 0..<\(cols).")
        return (0..<rows).map { Double(data[$0 * cols + index]) }
    }

    /// The rows as arrays.
    public var rowArrays: [[Float]] { (0..<rows).map(row) }
}
