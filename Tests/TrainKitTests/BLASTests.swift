import Testing
@testable import TrainKit

/// The engine's products against a plain Double product, on shapes on both sides of the bound
/// where `BLAS.multiply` cuts a product into pieces (along the rows of c, or along k), and the
/// transposition used for δ · Wᵀ.
struct BLASTests {
    struct Shape: CustomStringConvertible, Sendable {
        let m: Int, n: Int, k: Int
        var description: String { "\(m)×\(k) · \(k)×\(n)" }
    }

    static let shapes: [Shape] = [
        Shape(m: 32, n: 64, k: 128),   // a body-mass-index batch: one piece
        Shape(m: 32, n: 50, k: 784),   // an MNIST batch forward: cut along k
        Shape(m: 784, n: 50, k: 32),   // an MNIST kernel gradient: cut along the rows of c
        Shape(m: 7, n: 3, k: 1),
        Shape(m: 100, n: 101, k: 100),  // just over the bound
        Shape(m: 3, n: 400, k: 3000),  // too large to cut: one general product
    ]

    @Test(arguments: shapes, [false, true])
    func productsMatchAPlainProduct(shape: Shape, accumulate: Bool) {
        var generator = SeededGenerator(seed: shape.m * 31 + shape.n)
        let a = (0..<shape.m * shape.k).map { _ in Float(generator.nextUniform() * 2 - 1) }
        let b = (0..<shape.k * shape.n).map { _ in Float(generator.nextUniform() * 2 - 1) }
        let start = (0..<shape.m * shape.n).map { _ in Float(generator.nextUniform()) }
        for (transposeA, transposeB) in [(false, false), (true, false), (false, true)] {
            // Stored transposed when asked, so every variant computes the same a · b.
            let storedA = transposeA ? transposed(a, rows: shape.m, cols: shape.k) : a
            let storedB = transposeB ? transposed(b, rows: shape.k, cols: shape.n) : b
            var c = start
            BLAS.multiply(storedA, transposeA: transposeA, storedB, transposeB: transposeB, into: &c,
                          m: shape.m, n: shape.n, k: shape.k, accumulate: accumulate)
            var worst = 0.0
            for i in 0..<shape.m {
                for j in 0..<shape.n {
                    var expected = accumulate ? Double(start[i * shape.n + j]) : 0
                    for p in 0..<shape.k { expected += Double(a[i * shape.k + p]) * Double(b[p * shape.n + j]) }
                    worst = max(worst, abs(Double(c[i * shape.n + j]) - expected))
                }
            }
            // Float sums of k products of values in [-1, 1]: well under 1e-6 · k.
            #expect(worst < 1e-6 * Double(shape.k) + 1e-6,
                    "\(shape) transposeA \(transposeA) transposeB \(transposeB): off by \(worst)")
        }
    }

    @Test func transposeSwapsRowsAndColumns() {
        let source: [Float] = [1, 2, 3, 4, 5, 6]  // 2 × 3
        var destination = [Float](repeating: 0, count: 6)
        BLAS.transpose(source, into: &destination, rows: 2, cols: 3)
        #expect(destination == [1, 4, 2, 5, 3, 6])
    }

    private func transposed(_ values: [Float], rows: Int, cols: Int) -> [Float] {
        (0..<cols * rows).map { values[($0 % rows) * cols + $0 / rows] }
    }
}
