/// A batch of mostly-zero input rows kept as its nonzero entries, and the two products a Dense
/// layer needs on it: `x · W` and `xᵀ · δ`.
///
/// Real MNIST pixels are about 81 % zeros, so the first layer's products on the dense rows spend
/// most of their multiply-adds on zeros. Skipping them changes no value: every skipped term is
/// `0 · w`, which adds nothing to a finite sum (only when a weight is already infinite or NaN would
/// the dense product have turned it into NaN). What changes is only the order of a product's float
/// additions, as between BLAS kernels. Both products run in a fixed order (by row, then column),
/// so a run is bit-identical to itself.
final class SparseRows {
    /// The width of a row.
    let width: Int
    /// The most nonzero entries a batch may have to be kept; a denser batch is left to BLAS.
    private let limit: Int
    /// The number of rows loaded.
    private(set) var rows = 0
    /// Row `r`'s entries are `rowStart[r] ..< rowStart[r + 1]` of `columns` and `values`.
    private let rowStart: UnsafeMutablePointer<Int32>
    /// The loaded entries: the buffers below, or (consecutive rows of a `SparseMatrix`) the
    /// matrix's own, read where they are.
    private var columns: UnsafePointer<Int32>
    private var values: UnsafePointer<Float>
    private let ownColumns: UnsafeMutablePointer<Int32>
    private let ownValues: UnsafeMutablePointer<Float>
    /// The same entries by column (for `xᵀ · δ`): column `c`'s are `columnStart[c] ..< columnStart[c + 1]`.
    private let columnStart: UnsafeMutablePointer<Int32>
    private let rowOfEntry: UnsafeMutablePointer<Int32>
    private let valueByColumn: UnsafeMutablePointer<Float>
    /// Whether the entries by column are those of the loaded rows (they are made on first use:
    /// evaluation never needs them).
    private var indexedByColumn = false
    private let ints = IntBuffers()
    private let floats = KernelBuffers()

    /// Room for `capacity` rows `width` wide, kept when at most `density` of their values are nonzero.
    init(capacity: Int, width: Int, density: Double) {
        self.width = width
        limit = Int(Double(capacity * width) * density)
        // One chunk of room past the limit: the scan writes a chunk's candidates before counting them.
        let room = limit + 16
        rowStart = ints.make(capacity + 1)
        ownColumns = ints.make(room)
        ownValues = floats.make(room)
        columns = UnsafePointer(ownColumns)
        values = UnsafePointer(ownValues)
        columnStart = ints.make(width + 1)
        rowOfEntry = ints.make(room)
        valueByColumn = floats.make(room)
    }

    /// Keeps the nonzero entries of `rows` row-major rows of `x`; false when there are too many
    /// for the batch to be worth it (then nothing usable is loaded).
    func load(_ x: UnsafePointer<Float>, rows: Int) -> Bool {
        let complete = NonzeroScan.scan(x, rows: rows, width: width, limit: min(limit, rows * width),
                                        columns: ownColumns, values: ownValues) { [rowStart] row, count in
            rowStart[row + 1] = Int32(truncatingIfNeeded: count)
        }
        columns = UnsafePointer(ownColumns)
        values = UnsafePointer(ownValues)
        guard complete else { return false }
        self.rows = rows
        indexedByColumn = false
        return true
    }

    /// Keeps the rows `indices` of `matrix` (as many as fit in the capacity, each `width` wide);
    /// false when they have too many nonzero entries for the batch to be worth it.
    func load<Rows: Collection<Int>>(_ indices: Rows, of matrix: SparseMatrix) -> Bool {
        if let range = indices as? Range<Int> { return load(range, of: matrix) }
        columns = UnsafePointer(ownColumns)
        values = UnsafePointer(ownValues)
        var count = 0
        for (r, row) in indices.enumerated() {
            let start = matrix.rowStart[row], length = matrix.rowStart[row + 1] - start
            guard count + length <= limit else { return false }
            (ownColumns + count).update(from: matrix.columns + start, count: length)
            (ownValues + count).update(from: matrix.values + start, count: length)
            count += length
            rowStart[r + 1] = Int32(truncatingIfNeeded: count)
        }
        rows = indices.count
        indexedByColumn = false
        return true
    }

    /// Keeps the consecutive rows `range` of `matrix` (validation, unshuffled epochs) by reading
    /// their entries where the matrix keeps them, one after another already: nothing to copy.
    private func load(_ range: Range<Int>, of matrix: SparseMatrix) -> Bool {
        let base = matrix.rowStart[range.lowerBound]
        guard matrix.rowStart[range.upperBound] - base <= limit else { return false }
        for (r, row) in range.enumerated() {
            rowStart[r + 1] = Int32(truncatingIfNeeded: matrix.rowStart[row + 1] - base)
        }
        columns = UnsafePointer(matrix.columns + base)
        values = UnsafePointer(matrix.values + base)
        rows = range.count
        indexedByColumn = false
        return true
    }

    /// `output = x · w` for the loaded rows: `w` is `width × n`, `output` is `rows × n`, row-major.
    func multiply(_ w: UnsafePointer<Float>, n: Int, into output: UnsafeMutablePointer<Float>) {
        let piece = n % 16
        if n > 16, n <= 64, piece != 0, piece <= 8 {
            return piece <= 4
                ? multiply(w, n: n, into: output, tail: SIMD4<Float>.self)
                : multiply(w, n: n, into: output, tail: SIMD8<Float>.self)
        }
        for r in 0..<rows {
            accumulate(Int(rowStart[r]) ..< Int(rowStart[r + 1]), index: columns, values: values,
                       rowsOf: w, n: n, into: output + r * n)
        }
    }

    /// `multiply` for 17 to 64 columns ending in a short piece, as `multiplyTransposed`'s twin below.
    private func multiply<Tail: SIMD>(_ w: UnsafePointer<Float>, n: Int, into output: UnsafeMutablePointer<Float>,
                                      tail: Tail.Type) where Tail.Scalar == Float {
        var start = Int(rowStart[0])
        for r in 0..<rows {
            let end = Int(rowStart[r &+ 1])
            accumulate(start ..< end, index: columns, values: values, rowsOf: w, n: n, into: output + r &* n, tail: Tail.self)
            start = end
        }
    }

    /// `gradient = xᵀ · delta` for the loaded rows: `delta` is `rows × n`, `gradient` is `width × n`.
    func multiplyTransposed(_ delta: UnsafePointer<Float>, n: Int, into gradient: UnsafeMutablePointer<Float>) {
        if !indexedByColumn {
            indexByColumn()
            indexedByColumn = true
        }
        // The shape decided once for all columns, not in each of the 784 short ones.
        let piece = n % 16
        if n > 16, n <= 64, piece != 0, piece <= 8 {
            return piece <= 4
                ? multiplyTransposed(delta, n: n, into: gradient, tail: SIMD4<Float>.self)
                : multiplyTransposed(delta, n: n, into: gradient, tail: SIMD8<Float>.self)
        }
        for c in 0..<width {
            accumulate(Int(columnStart[c]) ..< Int(columnStart[c + 1]), index: rowOfEntry, values: valueByColumn,
                       rowsOf: delta, n: n, into: gradient + c * n)
        }
    }

    /// Plain SGD's step `w ← w − (xᵀ · delta) · η` made column by column from the sums in registers,
    /// without writing the gradient: `w` is `width × n`. The same operations as computing the
    /// gradient and then `SGD`'s update, so the same bits, with one pass over the kernel instead of
    /// the gradient's write and two reads. False (nothing done) unless `n` is 17 to 64 columns
    /// ending in a short piece (a 50-unit first layer); the caller then takes the usual way.
    func multiplyTransposed(_ delta: UnsafePointer<Float>, n: Int, steppingDown w: UnsafeMutablePointer<Float>,
                            learningRate: Float) -> Bool {
        let piece = n % 16
        guard n > 16, n <= 64, piece != 0, piece <= 8 else { return false }
        if !indexedByColumn {
            indexByColumn()
            indexedByColumn = true
        }
        if piece <= 4 {
            multiplyTransposed(delta, n: n, into: w, tail: SIMD4<Float>.self, step: learningRate)
        } else {
            multiplyTransposed(delta, n: n, into: w, tail: SIMD8<Float>.self, step: learningRate)
        }
        return true
    }

    /// `multiplyTransposed` for 17 to 64 columns ending in a short piece, each column's sums made by
    /// the `Tail` form of `accumulate` inlined into one loop; with `step`, each column's sums move
    /// the weights row in `gradient` (then the kernel) instead of being stored.
    private func multiplyTransposed<Tail: SIMD>(_ delta: UnsafePointer<Float>, n: Int, into gradient: UnsafeMutablePointer<Float>,
                                                tail: Tail.Type, step: Float? = nil) where Tail.Scalar == Float {
        var start = Int(columnStart[0])
        for c in 0..<width {
            let end = Int(columnStart[c &+ 1])
            accumulate(start ..< end, index: rowOfEntry, values: valueByColumn, rowsOf: delta, n: n,
                       into: gradient + c &* n, tail: Tail.self, step: step)
            start = end
        }
    }

    /// `destination[j] = Σ values[p] · source[index[p]][j]` over the entries `entries`, for
    /// `j < n`: four 16-wide chunks of columns at a time in registers, one pass over the entries
    /// each. When `n` is no multiple of 16 the last chunk ends at `n` and overlaps the one before:
    /// its overlapping columns get the same sums, in the same order, so they are written twice
    /// with the same values. A group of fewer than four chunks repeats its last one.
    private func accumulate(_ entries: Range<Int>, index: UnsafePointer<Int32>, values: UnsafePointer<Float>,
                            rowsOf source: UnsafePointer<Float>, n: Int, into destination: UnsafeMutablePointer<Float>) {
        guard n >= 16 else { return accumulateNarrow(entries, index: index, values: values, rowsOf: source, n: n, into: destination) }
        // Up to 64 columns ending in a short piece (50 = 3 × 16 + 2): the piece in a narrower
        // vector instead of an overlapping 16-wide chunk, an eighth to a quarter fewer operations.
        let piece = n % 16
        if n > 16, n <= 64, piece != 0, piece <= 8 {
            return piece <= 4
                ? accumulate(entries, index: index, values: values, rowsOf: source, n: n, into: destination, tail: SIMD4<Float>.self)
                : accumulate(entries, index: index, values: values, rowsOf: source, n: n, into: destination, tail: SIMD8<Float>.self)
        }
        let chunks = (n + 15) / 16
        var first = 0
        while first < chunks {
            let o0 = min(first * 16, n - 16), o1 = min((first + 1) * 16, n - 16)
            let o2 = min((first + 2) * 16, n - 16), o3 = min((first + 3) * 16, n - 16)
            // Two sets of sums (even and odd entries), added at the end: each chain of dependent
            // multiply-adds is half as long, so the loads of the next entries overlap them.
            var s0 = SIMD16<Float>(), s1 = SIMD16<Float>(), s2 = SIMD16<Float>(), s3 = SIMD16<Float>()
            var t0 = SIMD16<Float>(), t1 = SIMD16<Float>(), t2 = SIMD16<Float>(), t3 = SIMD16<Float>()
            var p = entries.lowerBound
            while p &+ 1 < entries.upperBound {
                let row = UnsafeRawPointer(source + Int(index[p]) &* n), value = values[p]
                let next = UnsafeRawPointer(source + Int(index[p &+ 1]) &* n), nextValue = values[p &+ 1]
                s0 = s0.addingProduct(value, row.loadUnaligned(fromByteOffset: o0 * 4, as: SIMD16<Float>.self))
                s1 = s1.addingProduct(value, row.loadUnaligned(fromByteOffset: o1 * 4, as: SIMD16<Float>.self))
                s2 = s2.addingProduct(value, row.loadUnaligned(fromByteOffset: o2 * 4, as: SIMD16<Float>.self))
                s3 = s3.addingProduct(value, row.loadUnaligned(fromByteOffset: o3 * 4, as: SIMD16<Float>.self))
                t0 = t0.addingProduct(nextValue, next.loadUnaligned(fromByteOffset: o0 * 4, as: SIMD16<Float>.self))
                t1 = t1.addingProduct(nextValue, next.loadUnaligned(fromByteOffset: o1 * 4, as: SIMD16<Float>.self))
                t2 = t2.addingProduct(nextValue, next.loadUnaligned(fromByteOffset: o2 * 4, as: SIMD16<Float>.self))
                t3 = t3.addingProduct(nextValue, next.loadUnaligned(fromByteOffset: o3 * 4, as: SIMD16<Float>.self))
                p &+= 2
            }
            if p < entries.upperBound {
                let row = UnsafeRawPointer(source + Int(index[p]) &* n), value = values[p]
                s0 = s0.addingProduct(value, row.loadUnaligned(fromByteOffset: o0 * 4, as: SIMD16<Float>.self))
                s1 = s1.addingProduct(value, row.loadUnaligned(fromByteOffset: o1 * 4, as: SIMD16<Float>.self))
                s2 = s2.addingProduct(value, row.loadUnaligned(fromByteOffset: o2 * 4, as: SIMD16<Float>.self))
                s3 = s3.addingProduct(value, row.loadUnaligned(fromByteOffset: o3 * 4, as: SIMD16<Float>.self))
            }
            s0 += t0
            s1 += t1
            s2 += t2
            s3 += t3
            let out = UnsafeMutableRawPointer(destination)
            out.storeBytes(of: s0, toByteOffset: o0 * 4, as: SIMD16<Float>.self)
            out.storeBytes(of: s1, toByteOffset: o1 * 4, as: SIMD16<Float>.self)
            out.storeBytes(of: s2, toByteOffset: o2 * 4, as: SIMD16<Float>.self)
            out.storeBytes(of: s3, toByteOffset: o3 * 4, as: SIMD16<Float>.self)
            first += 4
        }
    }

    /// `accumulate` for 17 to 64 columns: the whole 16-wide chunks, then the last columns as one
    /// `Tail` vector ending at `n` (overlapping the chunks before it, with the same sums in the
    /// same order there). Each column's sum is made exactly as in the 16-wide path.
    ///
    /// With `step` (a learning rate η), `destination` holds weights and becomes `w − sums · η`, as
    /// `SGD`'s update computes it: every lane of the row read before any is written, so the
    /// overlapping columns get the same value twice.
    @inline(__always)
    private func accumulate<Tail: SIMD>(_ entries: Range<Int>, index: UnsafePointer<Int32>, values: UnsafePointer<Float>,
                                        rowsOf source: UnsafePointer<Float>, n: Int, into destination: UnsafeMutablePointer<Float>,
                                        tail: Tail.Type, step: Float? = nil) where Tail.Scalar == Float {
        let full = n / 16, tailOffset = (n - Tail.scalarCount) * 4
        var s0 = SIMD16<Float>(), s1 = SIMD16<Float>(), s2 = SIMD16<Float>(), s3 = Tail()
        var t0 = SIMD16<Float>(), t1 = SIMD16<Float>(), t2 = SIMD16<Float>(), t3 = Tail()
        var p = entries.lowerBound
        // Two sets of sums (even and odd entries), added at the end, as in the 16-wide path.
        while p &+ 1 < entries.upperBound {
            let row = UnsafeRawPointer(source + Int(index[p]) &* n), value = values[p]
            let next = UnsafeRawPointer(source + Int(index[p &+ 1]) &* n), nextValue = values[p &+ 1]
            s0 = s0.addingProduct(value, row.loadUnaligned(as: SIMD16<Float>.self))
            t0 = t0.addingProduct(nextValue, next.loadUnaligned(as: SIMD16<Float>.self))
            if full > 1 {
                s1 = s1.addingProduct(value, row.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self))
                t1 = t1.addingProduct(nextValue, next.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self))
            }
            if full > 2 {
                s2 = s2.addingProduct(value, row.loadUnaligned(fromByteOffset: 128, as: SIMD16<Float>.self))
                t2 = t2.addingProduct(nextValue, next.loadUnaligned(fromByteOffset: 128, as: SIMD16<Float>.self))
            }
            s3 = s3.addingProduct(value, row.loadUnaligned(fromByteOffset: tailOffset, as: Tail.self))
            t3 = t3.addingProduct(nextValue, next.loadUnaligned(fromByteOffset: tailOffset, as: Tail.self))
            p &+= 2
        }
        if p < entries.upperBound {
            let row = UnsafeRawPointer(source + Int(index[p]) &* n), value = values[p]
            s0 = s0.addingProduct(value, row.loadUnaligned(as: SIMD16<Float>.self))
            if full > 1 { s1 = s1.addingProduct(value, row.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self)) }
            if full > 2 { s2 = s2.addingProduct(value, row.loadUnaligned(fromByteOffset: 128, as: SIMD16<Float>.self)) }
            s3 = s3.addingProduct(value, row.loadUnaligned(fromByteOffset: tailOffset, as: Tail.self))
        }
        let out = UnsafeMutableRawPointer(destination)
        if let step {
            let w0 = out.loadUnaligned(as: SIMD16<Float>.self)
            let w1 = full > 1 ? out.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self) : w0
            let w2 = full > 2 ? out.loadUnaligned(fromByteOffset: 128, as: SIMD16<Float>.self) : w0
            let w3 = out.loadUnaligned(fromByteOffset: tailOffset, as: Tail.self)
            let rate = SIMD16<Float>(repeating: step), tailRate = Tail(repeating: step)
            out.storeBytes(of: w0 - (s0 + t0) * rate, as: SIMD16<Float>.self)
            if full > 1 { out.storeBytes(of: w1 - (s1 + t1) * rate, toByteOffset: 64, as: SIMD16<Float>.self) }
            if full > 2 { out.storeBytes(of: w2 - (s2 + t2) * rate, toByteOffset: 128, as: SIMD16<Float>.self) }
            out.storeBytes(of: w3 - (s3 + t3) * tailRate, toByteOffset: tailOffset, as: Tail.self)
            return
        }
        out.storeBytes(of: s0 + t0, as: SIMD16<Float>.self)
        if full > 1 { out.storeBytes(of: s1 + t1, toByteOffset: 64, as: SIMD16<Float>.self) }
        if full > 2 { out.storeBytes(of: s2 + t2, toByteOffset: 128, as: SIMD16<Float>.self) }
        out.storeBytes(of: s3 + t3, toByteOffset: tailOffset, as: Tail.self)
    }

    /// `accumulate` for fewer than 16 columns, one column at a time.
    private func accumulateNarrow(_ entries: Range<Int>, index: UnsafePointer<Int32>, values: UnsafePointer<Float>,
                                  rowsOf source: UnsafePointer<Float>, n: Int, into destination: UnsafeMutablePointer<Float>) {
        for j in 0..<n {
            var sum: Float = 0
            for p in entries { sum = sum.addingProduct(values[p], source[Int(index[p]) * n + j]) }
            destination[j] = sum
        }
    }

    /// Sorts the loaded entries by column (stable, so each column's rows stay in order).
    private func indexByColumn() {
        let entries = Int(rowStart[rows])
        columnStart.update(repeating: 0, count: width + 1)
        for p in 0..<entries { columnStart[Int(columns[p]) + 1] &+= 1 }
        for c in 0..<width { columnStart[c + 1] &+= columnStart[c] }
        for r in 0..<rows {
            for p in Int(rowStart[r]) ..< Int(rowStart[r + 1]) {
                let c = Int(columns[p])
                let slot = Int(columnStart[c])
                rowOfEntry[slot] = Int32(truncatingIfNeeded: r)
                valueByColumn[slot] = values[p]
                columnStart[c] = Int32(truncatingIfNeeded: slot &+ 1)
            }
        }
        // Each start moved to the next column's start: shift back by one.
        for c in stride(from: width, to: 0, by: -1) { columnStart[c] = columnStart[c - 1] }
        columnStart[0] = 0
    }
}

/// Zeroed `Int32` buffers freed with their owner.
private final class IntBuffers {
    private var allocations: [UnsafeMutablePointer<Int32>] = []

    deinit {
        for pointer in allocations { pointer.deallocate() }
    }

    func make(_ count: Int) -> UnsafeMutablePointer<Int32> {
        let pointer = UnsafeMutablePointer<Int32>.allocate(capacity: max(count, 1))
        pointer.initialize(repeating: 0, count: max(count, 1))
        allocations.append(pointer)
        return pointer
    }
}
