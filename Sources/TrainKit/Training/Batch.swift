/// Rows of features and targets, row-major, as the step reads them.
struct Batch {
    /// `rows` rows of features.
    let x: UnsafePointer<Float>
    /// `rows` rows of targets.
    let y: UnsafePointer<Float>
    /// The number of rows.
    let rows: Int
}

/// Buffers for batches gathered from rows in any order (shuffled epochs, the range test), allocated once.
final class BatchGatherer {
    private let x: UnsafeMutablePointer<Float>
    private let y: UnsafeMutablePointer<Float>
    private let buffers = KernelBuffers()

    /// Room for `capacity` rows of `xWidth` features and `yWidth` targets.
    init(capacity: Int, xWidth: Int, yWidth: Int) {
        x = buffers.make(capacity * xWidth)
        y = buffers.make(capacity * yWidth)
    }

    /// The rows `indices` of `x` and `y` (row-major, `xWidth` and `yWidth` wide), copied into the buffers.
    func gather(_ indices: ArraySlice<Int>, x xAll: UnsafePointer<Float>, xWidth: Int,
                y yAll: UnsafePointer<Float>, yWidth: Int) -> Batch {
        gatherRows(xAll, width: xWidth, indices, into: x)
        gatherRows(yAll, width: yWidth, indices, into: y)
        return Batch(x: x, y: y, rows: indices.count)
    }
}

/// Copies rows `indices` of a row-major source `width` values wide into `destination`, one after
/// another: the engine's one gather (shuffled batches, the range test, `Matrix.gatheringRows`).
func gatherRows(_ source: UnsafePointer<Float>, width: Int, _ indices: ArraySlice<Int>,
                into destination: UnsafeMutablePointer<Float>) {
    for (r, row) in indices.enumerated() {
        (destination + r * width).update(from: source + row * width, count: width)
    }
}
