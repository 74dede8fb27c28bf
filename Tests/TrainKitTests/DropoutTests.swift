import Testing
@testable import TrainKit

/// Dropout's contract beyond the gradient check: the identity at rate 0 and outside training, masks
/// drawn from the model's seed at the rate asked for, and a mask stream that continues across fits.
struct DropoutTests {
    static let data = makeBlobs(samples: 60, centers: 3, features: 4, spread: 1.5, seed: 8)

    static func model(dropout rate: Double?, seed: Int = 3) -> Sequential {
        var model = Sequential(seed: seed) {
            Dense(8, activation: .relu)
            if let rate { Dropout(rate) }
            Dense(3, activation: .softmax)
        }
        model.build(inputWidth: 4)
        return model
    }

    static func compiled(_ model: Sequential, weights: [[Float]]) -> Sequential {
        var model = model
        model.setWeights(weights)
        model.compile(optimizer: SGD(learningRate: 0.1, momentum: 0.9), loss: .sparseCategoricalCrossentropy)
        return model
    }

    @Test func rateZeroTrainsExactlyAsNoLayer() {
        let weights = Self.model(dropout: nil).getWeights()
        var plain = Self.compiled(Self.model(dropout: nil), weights: weights)
        var dropped = Self.compiled(Self.model(dropout: 0), weights: weights)
        let a = plain.fit(Self.data, epochs: 3, batchSize: 8)
        let b = dropped.fit(Self.data, epochs: 3, batchSize: 8)
        #expect(a["loss"] == b["loss"])
        #expect(plain.getWeights() == dropped.getWeights())
    }

    @Test func predictAndEvaluatePassTheInputThrough() {
        let weights = Self.model(dropout: nil).getWeights()
        let plain = Self.compiled(Self.model(dropout: nil), weights: weights)
        let dropped = Self.compiled(Self.model(dropout: 0.5), weights: weights)
        #expect(plain.predict(Self.data.x) == dropped.predict(Self.data.x))
        #expect(plain.evaluate(Self.data) == dropped.evaluate(Self.data))
    }

    @Test func trainingDropsTheRateOfUnitsAndScalesTheRest() {
        var model = Self.model(dropout: 0.3)
        model.setWeights(model.getWeights())
        let network = Network(layers: model.layers, capacity: 60)
        _ = Self.data.x.data.withUnsafeBufferPointer { network.forward($0.baseAddress!, rows: 60, training: true) }
        let before = network.kernels[0].output, after = network.kernels[1].output
        var dropped = 0, active = 0
        for i in 0..<60 * 8 where before[i] != 0 {
            active += 1
            if after[i] == 0 { dropped += 1 } else { #expect(after[i] == before[i] / Float(0.7)) }
        }
        // 0.3 of the active units, within four standard deviations of a binomial draw.
        let fraction = Double(dropped) / Double(active), deviation = (0.3 * 0.7 / Double(active)).squareRoot()
        #expect(active > 100 && abs(fraction - 0.3) < 4 * deviation, "dropped \(dropped) of \(active)")
    }

    @Test func masksFollowTheSeedAndContinueAcrossFits() {
        let weights = Self.model(dropout: nil).getWeights()
        var once = Self.compiled(Self.model(dropout: 0.5), weights: weights)
        var twice = once
        var otherSeed = Self.compiled(Self.model(dropout: 0.5, seed: 4), weights: weights)
        // Without shuffling, only the masks tell the runs apart.
        once.fit(Self.data, epochs: 2, batchSize: 8, shuffle: false)
        twice.fit(Self.data, epochs: 1, batchSize: 8, shuffle: false)
        twice.fit(Self.data, epochs: 1, batchSize: 8, shuffle: false)
        otherSeed.fit(Self.data, epochs: 2, batchSize: 8, shuffle: false)
        #expect(once.getWeights() == twice.getWeights())
        #expect(once.getWeights() != otherSeed.getWeights())
    }
}
