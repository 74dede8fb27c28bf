import CBLAS

/// The engine's only door to OpenBLAS: single-precision products on row-major buffers.
///
/// Every call runs on the calling thread (`openblas_set_num_threads(1)` once, on first use): the
/// tutorials' matrices are small, and parallelism comes from running whole trainings at once.
enum BLAS {
    private static let singleThreaded: Void = { openblas_set_num_threads(1) }()

    /// Makes sure OpenBLAS is configured before the first product.
    static func prepare() { _ = singleThreaded }

    /// The OpenBLAS kernel set in use, e.g. `"SkylakeX"` (chosen when the library loads, from
    /// `OPENBLAS_CORETYPE` or the CPU's detection).
    static var coreName: String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
    }

    /// `c = a · b` (or `c += a · b` when `accumulate`), with `a` optionally transposed:
    /// `a` is `m × k` (or `k × m` when `transposeA`), `b` is `k × n` (or `n × k` when
    /// `transposeB`), `c` is `m × n`, all row-major and dense.
    ///
    /// OpenBLAS runs products of up to 100³ multiply-adds in small-matrix kernels that skip its
    /// packing; a product a few times larger takes the general path at up to 1.6 times the cost
    /// of running it as pieces under the bound (an MNIST batch: 32 × 784 × 50). Such products, up
    /// to eight times the bound, are cut along the rows of `c` when there are many, else along `k`;
    /// larger ones stay whole, as their packing pays for itself.
    static func multiply(
        _ a: UnsafePointer<Float>, transposeA: Bool = false,
        _ b: UnsafePointer<Float>, transposeB: Bool = false,
        into c: UnsafeMutablePointer<Float>, m: Int, n: Int, k: Int, accumulate: Bool = false
    ) {
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            if !accumulate { c.update(repeating: 0, count: m * n) }
            return
        }
        let lda = transposeA ? m : k, ldb = transposeB ? k : n
        let work = m * n * k
        let pieces = work > smallKernelLimit && work <= 8 * smallKernelLimit
            ? (work + smallKernelLimit - 1) / smallKernelLimit : 1
        if pieces > 1 && m >= 64 {
            let step = (m + pieces - 1) / pieces
            for start in stride(from: 0, to: m, by: step) {
                sgemm(a + (transposeA ? start : start * lda), transposeA, lda, b, transposeB, ldb,
                      c + start * n, m: min(step, m - start), n: n, k: k, accumulate: accumulate)
            }
        } else if pieces > 1 {
            // The small kernels run best with k of at most a few hundred.
            let kPieces = max(pieces, (k + 255) / 256)
            let step = (k + kPieces - 1) / kPieces
            for start in stride(from: 0, to: k, by: step) {
                sgemm(a + (transposeA ? start * lda : start), transposeA, lda,
                      b + (transposeB ? start : start * ldb), transposeB, ldb,
                      c, m: m, n: n, k: min(step, k - start), accumulate: accumulate || start > 0)
            }
        } else {
            sgemm(a, transposeA, lda, b, transposeB, ldb, c, m: m, n: n, k: k, accumulate: accumulate)
        }
    }

    /// The largest product, in multiply-adds, that OpenBLAS's small-matrix kernels take.
    private static let smallKernelLimit = 100 * 100 * 100

    private static func sgemm(
        _ a: UnsafePointer<Float>, _ transposeA: Bool, _ lda: Int,
        _ b: UnsafePointer<Float>, _ transposeB: Bool, _ ldb: Int,
        _ c: UnsafeMutablePointer<Float>, m: Int, n: Int, k: Int, accumulate: Bool
    ) {
        cblas_sgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), 1, a, Int32(lda), b, Int32(ldb), accumulate ? 1 : 0, c, Int32(n))
    }

    /// `destination = sourceᵀ` for a row-major `rows × cols` source (`destination` is `cols × rows`).
    static func transpose(_ source: UnsafePointer<Float>, into destination: UnsafeMutablePointer<Float>,
                          rows: Int, cols: Int) {
        guard rows > 0, cols > 0 else { return }
        cblas_somatcopy(CblasRowMajor, CblasTrans, Int32(rows), Int32(cols), 1, source, Int32(cols),
                        destination, Int32(rows))
    }
}

/// A one-line description of the BLAS the engine runs on, for benchmarks and diagnostics:
/// `"OpenBLAS SkylakeX kernels, 1 thread"`.
public func blasDescription() -> String {
    BLAS.prepare()
    return "OpenBLAS \(BLAS.coreName) kernels, 1 thread"
}
