import Testing
@testable import TrainKit

/// The products on mostly-zero inputs (MNIST pixels are about 81 % zeros) that the first Dense
/// layer runs instead of BLAS: against a plain Double product, against the dense path of the same
/// kernel, and bit-identical from one run to the next.
struct SparseInputTests {
    struct Shape: CustomStringConvertible, Sendable {
        let rows: Int, width: Int, n: Int
        var description: String { "\(rows)×\(width) · \(width)×\(n)" }
    }

    static let shapes: [Shape] = [
        Shape(rows: 32, width: 784, n: 50),  // an MNIST batch
        Shape(rows: 7, width: 301, n: 16),   // a width that is no multiple of 16
        Shape(rows: 5, width: 256, n: 33),
    ]

    /// `rows × width` values of which about `density` are nonzero (in -1…1); the second row is all
    /// zeros, and some zeros are negative zeros.
    static func sparseValues(rows: Int, width: Int, density: Double, seed: Int) -> [Float] {
        var generator = SeededGenerator(seed: seed)
        return (0..<rows * width).map { index in
            let draw = generator.nextUniform()
            if index / width == 1 || draw >= density { return draw < 0.9 ? 0 : -0.0 }
            return Float(generator.nextUniform() * 2 - 1)
        }
    }

    static func uniform(_ count: Int, seed: Int) -> [Float] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in Float(generator.nextUniform() * 2 - 1) }
    }

    @Test(arguments: shapes)
    func productsMatchAPlainProduct(shape: Shape) {
        let x = Self.sparseValues(rows: shape.rows, width: shape.width, density: 0.2, seed: shape.width)
        let w = Self.uniform(shape.width * shape.n, seed: 1)
        let delta = Self.uniform(shape.rows * shape.n, seed: 2)
        let sparse = SparseRows(capacity: shape.rows, width: shape.width, density: 0.3)
        var product = [Float](repeating: .nan, count: shape.rows * shape.n)
        var gradient = [Float](repeating: .nan, count: shape.width * shape.n)
        #expect(sparse.load(x, rows: shape.rows))
        sparse.multiply(w, n: shape.n, into: &product)
        sparse.multiplyTransposed(delta, n: shape.n, into: &gradient)

        var worstProduct = 0.0, worstGradient = 0.0
        for r in 0..<shape.rows {
            for j in 0..<shape.n {
                var expected = 0.0
                for c in 0..<shape.width { expected += Double(x[r * shape.width + c]) * Double(w[c * shape.n + j]) }
                worstProduct = max(worstProduct, abs(Double(product[r * shape.n + j]) - expected))
            }
        }
        for c in 0..<shape.width {
            for j in 0..<shape.n {
                var expected = 0.0
                for r in 0..<shape.rows { expected += Double(x[r * shape.width + c]) * Double(delta[r * shape.n + j]) }
                worstGradient = max(worstGradient, abs(Double(gradient[c * shape.n + j]) - expected))
            }
        }
        #expect(worstProduct < 1e-6 * Double(shape.width), "\(shape) x · W off by \(worstProduct)")
        #expect(worstGradient < 1e-6 * Double(shape.rows), "\(shape) xᵀ · δ off by \(worstGradient)")
        // The all-zero row gives zeros, not the NaN the buffer held.
        #expect(product[shape.n ..< 2 * shape.n].allSatisfy { $0 == 0 })
    }

    @Test func denseRowsAreLeftToBLAS() {
        let sparse = SparseRows(capacity: 32, width: 784, density: 0.3)
        #expect(!sparse.load(Self.sparseValues(rows: 32, width: 784, density: 0.6, seed: 3), rows: 32))
        #expect(sparse.load(Self.sparseValues(rows: 32, width: 784, density: 0.2, seed: 3), rows: 32))
        #expect(!sparse.load(Self.uniform(32 * 784, seed: 4), rows: 32))
    }

    /// One Dense kernel, both paths: a batch of 32 sparse rows takes the sparse path; the same rows
    /// followed by 32 dense ones (with zero output gradients) take BLAS. Outputs and gradients of
    /// the sparse rows agree within float32 tolerance.
    @Test func sparsePathMatchesTheDensePath() {
        let rows = 32, inputs = 784, units = 50
        var layer = Dense(units, activation: .relu, biasInitializer: .constant(0.1))
        var generator = SeededGenerator(seed: 5)
        layer.build(inputWidth: inputs, generator: &generator)
        let kernel = Dense.Kernel(layer, capacity: 2 * rows, feedsBack: false)
        let sparseRows = Self.sparseValues(rows: rows, width: inputs, density: 0.19, seed: 6)
        let mixed = sparseRows + Self.uniform(rows * inputs, seed: 7)
        let delta = Self.uniform(rows * units, seed: 8)

        let (sparseOutput, sparseGradients) = pass(kernel, sparseRows, rows: rows, delta: delta, units: units)
        let (denseOutput, denseGradients) = pass(kernel, mixed, rows: 2 * rows,
                                                 delta: delta + [Float](repeating: 0, count: rows * units), units: units)
        #expect(maxDifference(sparseOutput, Array(denseOutput.prefix(rows * units))) < 1e-5)
        for (sparse, dense) in zip(sparseGradients, denseGradients) {
            #expect(maxDifference(sparse, dense) < 1e-5)
        }
        // And the sparse path again gives the same bits.
        let (again, againGradients) = pass(kernel, sparseRows, rows: rows, delta: delta, units: units)
        #expect(again == sparseOutput && againGradients == sparseGradients)
    }

    /// A shuffled batch loaded from the whole set's nonzero entries (as `fit` does) gives the
    /// same bits as the same rows gathered dense and scanned, and an unrelated forward pass in
    /// between neither reads nor spoils the loaded rows.
    @Test func preloadedRowsMatchGatheredRows() {
        let rows = 32, inputs = 784, units = 50, count = 200
        var layer = Dense(units, activation: .relu)
        var generator = SeededGenerator(seed: 11)
        layer.build(inputWidth: inputs, generator: &generator)
        let kernel = Dense.Kernel(layer, capacity: rows, feedsBack: false)
        let all = Self.sparseValues(rows: count, width: inputs, density: 0.19, seed: 12)
        let matrix = SparseMatrix(Matrix(rows: count, cols: inputs, data: all), maximumDensity: 0.3)!
        let indices = (0..<rows).map { ($0 * 37 + 5) % count }
        var gathered = [Float](repeating: 0, count: rows * inputs)
        all.withUnsafeBufferPointer { gatherRows($0.baseAddress!, width: inputs, indices[...], into: &gathered) }
        let delta = Self.uniform(rows * units, seed: 13)
        let expected = pass(kernel, gathered, rows: rows, delta: delta, units: units)

        let unfilled = [Float](repeating: 0, count: rows * inputs)  // stands for the batch buffer fit leaves alone
        unfilled.withUnsafeBufferPointer { buffer in
            #expect(kernel.preload(indices[...], of: matrix, as: buffer.baseAddress!))
        }
        _ = pass(kernel, Self.uniform(rows * inputs, seed: 14), rows: rows, delta: delta, units: units)
        let preloaded = pass(kernel, unfilled, rows: rows, delta: delta, units: units)
        #expect(preloaded.0 == expected.0 && preloaded.1 == expected.1)
        #expect(SparseMatrix(Matrix(rows: 2, cols: 3, data: [1, 2, 3, 4, 0, 6]), maximumDensity: 0.3) == nil)
    }

    /// A width ending in a short piece (50 = 3 × 16 + 2) is summed with a narrower vector for the
    /// piece. The oracle is a width of whole 16-wide chunks: its first `n` columns (the same
    /// weights, the extra columns anything) must come out bit for bit the same, in both products.
    @Test(arguments: [(17, 32), (40, 48), (50, 64), (52, 64)])
    func shortLastPieceGivesTheBitsOfWholeChunks(n: Int, whole: Int) {
        let rows = 9, width = 300
        let x = Self.sparseValues(rows: rows, width: width, density: 0.2, seed: n)
        let wide = Self.uniform(width * whole, seed: 21), wideDelta = Self.uniform(rows * whole, seed: 22)
        // The first n columns of each row of the wide matrices.
        func narrow(_ values: [Float], rows: Int) -> [Float] {
            (0..<rows).flatMap { values[$0 * whole ..< $0 * whole + n] }
        }
        let sparse = SparseRows(capacity: rows, width: width, density: 0.3)
        #expect(sparse.load(x, rows: rows))
        var product = [Float](repeating: .nan, count: rows * n), wideProduct = [Float](repeating: .nan, count: rows * whole)
        var gradient = [Float](repeating: .nan, count: width * n), wideGradient = [Float](repeating: .nan, count: width * whole)
        sparse.multiply(narrow(wide, rows: width), n: n, into: &product)
        sparse.multiply(wide, n: whole, into: &wideProduct)
        sparse.multiplyTransposed(narrow(wideDelta, rows: rows), n: n, into: &gradient)
        sparse.multiplyTransposed(wideDelta, n: whole, into: &wideGradient)
        #expect(product.map(\.bitPattern) == narrow(wideProduct, rows: rows).map(\.bitPattern))
        #expect(gradient.map(\.bitPattern) == narrow(wideGradient, rows: width).map(\.bitPattern))
    }

    /// Every fit on one data set shares one sparse view (a sweep's members make it once), a changed
    /// copy of the values gets its own, and a set too dense gets none: while a network works on
    /// such a set its first layer does not scan batches for zeros, and scans again afterwards.
    @Test func fitsOnOneSetShareOneView() throws {
        let matrix = Matrix(rows: 200, cols: 784, data: Self.sparseValues(rows: 200, width: 784, density: 0.19, seed: 30))
        let view = try #require(SparseViewCache.view(of: matrix, maximumDensity: 0.3))
        #expect(SparseViewCache.view(of: matrix, maximumDensity: 0.3) === view)
        var changed = matrix
        changed[0, 0] = 0.5
        #expect(SparseViewCache.view(of: changed, maximumDensity: 0.3) !== view)
        #expect(SparseViewCache.view(of: matrix, maximumDensity: 0.3) === view)

        var model = Sequential(seed: 1) { Dense(50, activation: .relu) }
        model.build(inputWidth: 784)
        let network = Network(layers: model.layers, capacity: 32)
        let layer = try #require(network.sparseInputLayer)
        let dense = Matrix(rows: 64, cols: 784, data: Self.uniform(64 * 784, seed: 31))
        network.withSparseView(of: dense) { view in
            #expect(view == nil)
            #expect(!layer.scansForZeros)
        }
        network.withSparseView(of: matrix) { view in
            #expect(view != nil)
            #expect(layer.scansForZeros)
        }
        #expect(layer.scansForZeros)
    }

    /// Measuring a set larger than a batch reads its rows from the shared view; the loss is that
    /// of the same rows scanned batch by batch (the outputs are the same bits; only the mean is
    /// put together in another order here, hence the 1e-12).
    @Test func measuringFromTheViewMatchesScannedBatches() throws {
        let rows = 100
        let x = Matrix(rows: rows, cols: 784, data: Self.sparseValues(rows: rows, width: 784, density: 0.19, seed: 40)
            .map { abs($0) })
        var generator = SeededGenerator(seed: 41)
        let labels = Matrix(rows: rows, cols: 1, data: (0..<rows).map { _ in Float(generator.nextInt(below: 10)) })
        let data = Dataset(x: x, y: oneHot(labels, classes: 10))
        var model = Sequential(seed: 2) {
            Dense(50, activation: .relu)
            Dense(10, activation: .softmax)
        }
        model.build(inputWidth: 784)
        let network = Network(layers: model.layers, capacity: 32)
        let loss = Loss.categoricalCrossentropy
        let fromView = network.measure(data, loss: loss, metrics: [])
        // The same batches of 32, each scanned on its own (a set no larger than a batch is).
        var sum = 0.0
        for start in stride(from: 0, to: rows, by: 32) {
            let batch = data.rows(start ..< min(start + 32, rows))
            sum += network.measure(batch, loss: loss, metrics: [])[0].value * Double(batch.count)
        }
        #expect(abs(fromView[0].value - sum / Double(rows)) <= 1e-12 * abs(fromView[0].value))
        #expect(fromView[0].value > 0)
    }

    /// A short MNIST-shaped fit on mostly-zero rows, twice: the same weights and history to the bit.
    @Test func fitsOnSparseRowsRepeatExactly() {
        let rows = 256
        let x = Matrix(rows: rows, cols: 784, data: Self.sparseValues(rows: rows, width: 784, density: 0.19, seed: 9)
            .map { abs($0) })
        var generator = SeededGenerator(seed: 10)
        let labels = Matrix(rows: rows, cols: 1, data: (0..<rows).map { _ in Float(generator.nextInt(below: 10)) })
        let data = Dataset(x: x, y: oneHot(labels, classes: 10))
        func train() -> (History, [[Float]]) {
            var model = Sequential(seed: 1) {
                Dense(50, activation: .relu, kernelInitializer: .heUniform)
                Dense(10, activation: .softmax)
            }
            model.compile(optimizer: SGD(learningRate: 0.05, momentum: 0.9), loss: .categoricalCrossentropy,
                          metrics: [.accuracy])
            let history = model.fit(data, epochs: 3, batchSize: 32, validation: data)
            return (history, model.getWeights())
        }
        let (history, weights) = train()
        let (historyAgain, weightsAgain) = train()
        #expect(history == historyAgain)
        #expect(weights == weightsAgain)
        let losses = history["loss"]
        #expect(losses.allSatisfy { $0.isFinite })
    }

    /// Forward and backward on `x`; returns the output and the gradients (kernel, bias).
    private func pass(_ kernel: Dense.Kernel, _ x: [Float], rows: Int, delta: [Float], units: Int)
        -> ([Float], [[Float]])
    {
        x.withUnsafeBufferPointer { input in
            kernel.forward(input.baseAddress!, rows: rows, training: true)
            let output = array(kernel.output, rows * units)
            kernel.outputGradient.update(from: delta, count: rows * units)
            kernel.backward(input.baseAddress!, rows: rows, inputGradient: nil, outputGradientIsPreActivation: false)
            return (output, kernel.parameters.map { Array($0.gradient) })
        }
    }

    private func maxDifference(_ a: [Float], _ b: [Float]) -> Double {
        zip(a, b).map { Double(abs($0 - $1)) }.max() ?? 0
    }
}
