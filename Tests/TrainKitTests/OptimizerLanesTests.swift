import Foundation
import Testing
@testable import TrainKit

/// Every optimizer updates sixteen weights at a time in vector lanes and the rest one at a time.
/// The oracle is the one-at-a-time path itself: the same optimizer given every weight as its own
/// one-value tensor never takes the vector path, so both runs must agree bit for bit, gradients of
/// zero, subnormal and tiny sizes included (the flush-to-zero of the state is decided per lane).
struct OptimizerLanesTests {
    static let optimizers: [(name: String, make: @Sendable () -> any Optimizer)] = [
        ("SGD", { SGD(learningRate: 0.05) }),
        ("SGD momentum", { SGD(learningRate: 0.05, momentum: 0.9) }),
        ("SGD Nesterov", { SGD(learningRate: 0.05, momentum: 0.9, nesterov: true) }),
        ("Adam", { Adam() }), ("AMSGrad", { Adam(amsgrad: true) }), ("Adamax", { Adamax() }), ("Nadam", { Nadam() }),
        ("RMSprop", { RMSprop() }), ("RMSprop centered with momentum", { RMSprop(momentum: 0.5, centered: true) }),
        ("Adagrad", { Adagrad() }),
    ]

    @Test(arguments: optimizers.map(\.name))
    func vectorLanesGiveTheBitsOfOneWeightAtATime(_ name: String) {
        let make = Self.optimizers.first { $0.name == name }!.make
        // 64 vector chunks and a tail of 13.
        let count = 16 * 64 + 13
        var whole = make(), single = make()
        // Half the weights start at zero, so that even the tiniest steps show in their bits.
        let start: [Float] = (0..<count).map { i in i % 2 == 0 ? 0 : Float(i % 37) / 100 - 0.2 }
        var wholeWeights = start
        var singleWeights = wholeWeights
        var singleGradients = [Float](repeating: 0, count: count)
        var random = SeededGenerator(seed: 7)
        for step in 0..<40 {
            let gradient: [Float] = (0..<count).map { i in
                if i % 97 == 0 { return 0 }
                if i % 89 == 0 { return Float.leastNormalMagnitude / 2 }
                // Sizes over 25 decades: squared, the smallest fall below the normal floats.
                return Float(random.nextUniform(-1, 1)) * powf(10, -Float(i % 26))
            }
            let settings = whole.settings(atStep: step)
            wholeWeights.withUnsafeMutableBufferPointer { w in
                gradient.withUnsafeBufferPointer { g in whole.apply([TrainableTensor(weights: w, gradient: g)], step: settings) }
            }
            singleGradients = gradient
            singleWeights.withUnsafeMutableBufferPointer { w in
                singleGradients.withUnsafeBufferPointer { g in
                    let tensors = (0..<count).map { i in
                        TrainableTensor(weights: UnsafeMutableBufferPointer(rebasing: w[i ..< i + 1]),
                                        gradient: UnsafeBufferPointer(rebasing: g[i ..< i + 1]))
                    }
                    single.apply(tensors, step: settings)
                }
            }
        }
        let differing = (0..<count).filter { wholeWeights[$0].bitPattern != singleWeights[$0].bitPattern }
        #expect(differing.isEmpty, "\(name): \(differing.count) weights differ, first at \(differing.first ?? -1)")
        #expect(wholeWeights != start, "the weights moved")
    }
}
