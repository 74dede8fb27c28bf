import CLanes

/// A mostly-zero matrix (a training set of images) as its nonzero entries row by row, made once per
/// data set (`SparseViewCache`) so that each batch copies only its rows' nonzero pixels (about a
/// fifth of MNIST's bytes) instead of gathering the dense rows out of a set too large for the cache
/// and scanning them for zeros again.
final class SparseMatrix {
    /// The number of rows.
    let rows: Int
    /// The width of a row.
    let width: Int
    /// Row `r`'s entries are `rowStart[r] ..< rowStart[r + 1]` of `columns` and `values`.
    let rowStart: UnsafeMutablePointer<Int>
    var columns: UnsafeMutablePointer<Int32> { columnStorage.pointer }
    var values: UnsafeMutablePointer<Float> { valueStorage.pointer }
    private let columnStorage: LargeBuffer<Int32>
    private let valueStorage: LargeBuffer<Float>

    /// The nonzero entries of `matrix`, or nil when more than `maximumDensity` of its values are
    /// nonzero (the scan stops as soon as that is certain).
    init?(_ matrix: Matrix, maximumDensity: Double) {
        rows = matrix.rows
        width = matrix.cols
        let limit = Int(Double(rows * width) * maximumDensity)
        // Room for a chunk past the limit: a chunk's 16 candidates are written before they are
        // counted. Pages past the entries actually written are never touched.
        rowStart = .allocate(capacity: rows + 1)
        columnStorage = LargeBuffer(capacity: limit + 16)
        valueStorage = LargeBuffer(capacity: limit + 16)
        let columns = columnStorage.pointer, values = valueStorage.pointer
        rowStart[0] = 0
        let complete = matrix.data.withUnsafeBufferPointer { data in
            NonzeroScan.scan(data.baseAddress!, rows: rows, width: width, limit: limit,
                             columns: columns, values: values) { [rowStart] row, count in rowStart[row + 1] = count }
        }
        guard complete else { return nil }
    }

    /// Starts loading the entries of rows `indices` into the cache, for a batch about to be read:
    /// shuffled rows are scattered over a set too large for the cache, and each would otherwise
    /// be waited for when it is read.
    func prefetch(_ indices: ArraySlice<Int>) {
        for row in indices {
            let start = rowStart[row], end = rowStart[row + 1]
            // 16 entries of each array per 64-byte cache line.
            for p in stride(from: start, to: end, by: 16) {
                clanes_prefetch(columns + p)
                clanes_prefetch(values + p)
            }
        }
    }

    deinit {
        rowStart.deallocate()
    }
}
