/// The scan that finds a row-major matrix's nonzero entries, shared by the per-fit sparse copy of a
/// training set (`SparseMatrix`) and the per-batch one (`SparseRows`).
enum NonzeroScan {
    /// Writes the column and value of each nonzero entry of `rows` rows `width` wide into `columns`
    /// and `values` (room for `limit + 16`: a chunk's candidates are written before they are
    /// counted), and calls `rowEnd(r, count)` after row `r`; false as soon as there are more than
    /// `limit` entries.
    @inline(__always)
    static func scan(_ data: UnsafePointer<Float>, rows: Int, width: Int, limit: Int,
                     columns: UnsafeMutablePointer<Int32>, values: UnsafeMutablePointer<Float>,
                     rowEnd: (_ row: Int, _ count: Int) -> Void) -> Bool {
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
            rowEnd(r, count)
        }
        return true
    }
}
