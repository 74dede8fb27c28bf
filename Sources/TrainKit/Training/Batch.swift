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

    /// The consecutive rows `range` where they are (an epoch without shuffling), with their
    /// features loaded into `network`'s first layer from `sparseX` when there is one.
    func inPlace(_ range: Range<Int>, of sparseX: SparseMatrix?, into network: Network,
                 x xAll: UnsafePointer<Float>, xWidth: Int, y yAll: UnsafePointer<Float>, yWidth: Int) -> Batch {
        let x = xAll + range.lowerBound * xWidth
        if let sparseX, let layer = network.sparseInputLayer { _ = layer.preload(range, of: sparseX, as: x) }
        return Batch(x: x, y: yAll + range.lowerBound * yWidth, rows: range.count)
    }

    /// The rows `indices` with their features loaded straight into `network`'s first layer from
    /// `sparseX` (only the targets are copied; the batch's `x` buffer is left as it was and not
    /// read), or nil when that layer takes no sparse input or the rows are too dense for it.
    func preload(_ indices: ArraySlice<Int>, of sparseX: SparseMatrix, into network: Network,
                 y yAll: UnsafePointer<Float>, yWidth: Int) -> Batch? {
        guard let layer = network.sparseInputLayer, layer.preload(indices, of: sparseX, as: x) else { return nil }
        gatherRows(yAll, width: yWidth, indices, into: y)
        return Batch(x: x, y: y, rows: indices.count)
    }
}

extension Network {
    /// The first layer when it is a Dense layer that skips zero inputs (a wide one), else nil.
    var sparseInputLayer: Dense.Kernel? {
        guard start == 0, let first = kernels.first as? Dense.Kernel, first.takesSparseInput else { return nil }
        return first
    }

    /// `data`'s nonzero entries when the first layer skips zero inputs and `data` is mostly zeros
    /// (images), for batches to load without gathering or scanning dense rows; else nil.
    func sparseView(of data: Matrix) -> SparseMatrix? {
        guard sparseInputLayer != nil else { return nil }
        return SparseViewCache.view(of: data, maximumDensity: Dense.Kernel.sparseMaximumDensity)
    }

    /// Runs `body` with the sparse view of `data` (nil when the first layer takes no sparse input
    /// or `data` is too dense), the first layer not scanning batches for zeros while `data` is
    /// known to be too dense for it to pay.
    func withSparseView<Result>(of data: Matrix, _ body: (SparseMatrix?) -> Result) -> Result {
        guard let layer = sparseInputLayer else { return body(nil) }
        let view = sparseView(of: data)
        let scanned = layer.scansForZeros
        layer.scansForZeros = view != nil
        defer { layer.scansForZeros = scanned }
        return body(view)
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
