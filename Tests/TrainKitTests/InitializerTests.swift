import Testing
@testable import TrainKit

/// Initializers against Keras's VarianceScaling definitions: limits and variances computed from
/// the formulas, checked on many draws.
struct InitializerTests {
    static func draws(_ initializer: Initializer, fanIn: Int, fanOut: Int) -> [Double] {
        var generator = SeededGenerator(seed: 5)
        return initializer.values(count: 200_000, fanIn: fanIn, fanOut: fanOut, generator: &generator).map(Double.init)
    }

    static func variance(_ values: [Double]) -> Double {
        let mean = values.reduce(0, +) / Double(values.count)
        return values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
    }

    @Test func uniformInitializersStayInsideKerasLimitsWithUniformVariance() {
        for (initializer, limit) in [(Initializer.glorotUniform, (6.0 / (30 + 20)).squareRoot()),
                                     (.heUniform, (6.0 / 30).squareRoot())] {
            let values = Self.draws(initializer, fanIn: 30, fanOut: 20)
            #expect(values.allSatisfy { abs($0) <= limit })
            #expect(values.max()! > 0.99 * limit && values.min()! < -0.99 * limit)
            // A uniform on ±L has variance L²/3.
            #expect(abs(Self.variance(values) / (limit * limit / 3) - 1) < 0.02)
        }
    }

    @Test func normalInitializersAreTruncatedAtTwoDeviationsWithTheTargetVariance() {
        for (initializer, target) in [(Initializer.glorotNormal, 2.0 / (30 + 20)), (.heNormal, 2.0 / 30)] {
            let values = Self.draws(initializer, fanIn: 30, fanOut: 20)
            // Keras raises the deviation by 1/0.8796… so the truncated values keep variance `target`.
            let deviation = target.squareRoot() / 0.87962566103423978
            #expect(values.allSatisfy { abs($0) <= 2 * deviation + 1e-6 })
            #expect(abs(Self.variance(values) / target - 1) < 0.02)
        }
    }

    @Test func constantInitializersAndDenseDefaults() {
        var model = Sequential(seed: 1) {
            Dense(4, biasInitializer: .constant(0.5))
            Dense(2, kernelInitializer: .zeros, useBias: false)
        }
        model.build(inputWidth: 3)
        let weights = model.getWeights()
        #expect(weights.map(\.count) == [12, 4, 8])
        #expect(weights[1] == [0.5, 0.5, 0.5, 0.5])
        #expect(weights[2].allSatisfy { $0 == 0 })
        var same = Sequential(seed: 1) {
            Dense(4, biasInitializer: .constant(0.5))
            Dense(2, kernelInitializer: .zeros, useBias: false)
        }
        same.build(inputWidth: 3)
        #expect(same.getWeights() == weights)
    }
}
