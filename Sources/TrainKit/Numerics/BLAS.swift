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
        cblas_sgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), 1,
            a, Int32(transposeA ? m : k), b, Int32(transposeB ? k : n),
            accumulate ? 1 : 0, c, Int32(n))
    }
}

/// A one-line description of the BLAS the engine runs on, for benchmarks and diagnostics:
/// `"OpenBLAS SkylakeX kernels, 1 thread"`.
public func blasDescription() -> String {
    BLAS.prepare()
    return "OpenBLAS \(BLAS.coreName) kernels, 1 thread"
}
