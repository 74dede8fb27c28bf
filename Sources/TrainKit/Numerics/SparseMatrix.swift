/// A mostly-zero matrix (a training set of images) as its nonzero entries row by row, made once per
/// fit so that each shuffled batch copies only its rows' nonzero pixels (about a fifth of MNIST's
/// bytes) instead of gathering the dense rows out of a set too large for the cache and scanning
/// them for zeros again.
final class SparseMatrix {
    /// The number of rows.
    let rows: Int
    /// The width of a row.
    let width: Int
    /// Row `r`'s entries are `rowStart[r] ..< rowStart[r + 1]` of `columns` and `values`.
    let rowStart: UnsafeMutablePointer<Int>
    let columns: UnsafeMutablePointer<Int32>
    let values: UnsafeMutablePointer<Float>

    /// The nonzero entries of `matrix`, or nil when more than `maximumDensity` of its values are
    /// nonzero (the scan stops as soon as that is certain).
    init?(_ matrix: Matrix, maximumDensity: Double) {
        rows = matrix.rows
        width = matrix.cols
        let limit = Int(Double(rows * width) * maximumDensity)
        // Room for a chunk past the limit: a chunk's 16 candidates are written before they are
        // counted. Pages past the entries actually written are never touched.
        rowStart = .allocate(capacity: rows + 1)
        columns = .allocate(capacity: limit + 16)
        values = .allocate(capacity: limit + 16)
        rowStart[0] = 0
        let complete = matrix.data.withUnsafeBufferPointer { data in
            Self.scan(data.baseAddress!, rows: rows, width: width, limit: limit,
                      rowStart: rowStart, columns: columns, values: values)
        }
        guard complete else { return nil }
    }

    deinit {
        rowStart.deallocate()
        columns.deallocate()
        values.deallocate()
    }

    /// Writes the nonzero entries of each row; false once there are more than `limit`.
    private static func scan(_ data: UnsafePointer<Float>, rows: Int, width: Int, limit: Int,
                             rowStart: UnsafeMutablePointer<Int>, columns: UnsafeMutablePointer<Int32>,
                             values: UnsafeMutablePointer<Float>) -> Bool {
        var count = 0
        for r in 0..<rows {
            let row = data + r * width
            var c = 0
            while c + 16 <= width {
                // Whole chunks of zeros (an image's borders) are skipped at once.
                if any(UnsafeRawPointer(row + c).loadUnaligned(as: SIMD16<Float>.self) .!= 0) {
                    guard count <= limit else { return false }
                    // Branch-free: every value is written, only nonzero ones are counted.
                    for lane in c ..< c + 16 {
                        let value = row[lane]
                        columns[count] = Int32(truncatingIfNeeded: lane)
                        values[count] = value
                        count &+= value != 0 ? 1 : 0
                    }
                }
                c += 16
            }
            while c < width {
                if row[c] != 0 {
                    guard count < limit else { return false }
                    columns[count] = Int32(truncatingIfNeeded: c)
                    values[count] = row[c]
                    count += 1
                }
                c += 1
            }
            guard count <= limit else { return false }
            rowStart[r + 1] = count
        }
        return true
    }
}
