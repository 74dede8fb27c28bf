import Foundation
import Testing
@testable import TrainKit

/// The memo key changes with every input of a training and with nothing else.
struct MemoKeyTests {
    /// 300 × 256 features: large enough that its digest is remembered by storage.
    static let data: Dataset = {
        var generator = SeededGenerator(seed: 3)
        let x = randomMatrix(rows: 300, cols: 256, scale: 1, generator: &generator)
        let labels = (0..<300).map { [Float($0 % 3)] }
        return Dataset(x: x, y: Matrix(labels))
    }()

    struct Setup {
        var seed = 7
        var optimizer: any Optimizer = Adam(learningRate: 0.01)
        var callbacks: [any Callback] = []
        var data = MemoKeyTests.data
        var epochs = 4
        var weightEdit: ((inout [[Float]]) -> Void)?
    }

    static func key(_ setup: Setup) -> String? {
        var model = Sequential(seed: setup.seed) {
            Dense(6, activation: .relu)
            Dense(3, activation: .softmax)
        }
        model.build(inputWidth: 256)
        if let edit = setup.weightEdit {
            var weights = Sequential(seed: 7) { Dense(6, activation: .relu); Dense(3, activation: .softmax) }
                .built(256).getWeights()
            edit(&weights)
            model.setWeights(weights)
        }
        model.compile(optimizer: setup.optimizer, loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
        return TrainingMemo.$scopedStore.withValue(MemoStore(folder: "/nonexistent")) {
            model.memoKey(for: .init(data: setup.data, validation: nil, validationSplit: 0, trainCount: setup.data.count,
                                     epochs: setup.epochs, batchSize: 32, shuffle: true, callbacks: setup.callbacks))
        }
    }

    static func flipLowBit(_ value: Float) -> Float { Float(bitPattern: value.bitPattern ^ 1) }

    @Test func sameInputsGiveTheSameKey() throws {
        let a = try #require(Self.key(Setup()))
        #expect(Self.key(Setup()) == a)
        #expect(a.count == 64)
        // Weights set to the values the seed draws: same bytes, same key.
        #expect(Self.key(Setup(weightEdit: { _ in })) == a)
    }

    @Test func oneWeightBitChangesTheKey() {
        let edited = Self.key(Setup(weightEdit: { $0[2][4] = Self.flipLowBit($0[2][4]) }))
        #expect(edited != nil && edited != Self.key(Setup()))
    }

    @Test func oneDataBitChangesTheKeyEvenInPlace() {
        let before = Self.key(Setup())
        var data = Self.data
        data.x.data[12_345] = Self.flipLowBit(data.x.data[12_345])
        #expect(Self.key(Setup(data: data)) != before)
        var targets = Self.data
        targets.y.data[7] = targets.y.data[7] == 0 ? 1 : 0
        #expect(Self.key(Setup(data: targets)) != before)
        #expect(Self.key(Setup()) == before)
    }

    @Test func theSeedChangesTheKeyThroughTheShuffleStream() {
        // Same weights, other seed: only the shuffle stream differs.
        let other = Self.key(Setup(seed: 8, weightEdit: { _ in }))
        #expect(other != nil && other != Self.key(Setup(weightEdit: { _ in })))
    }

    @Test func theOptimizerAndItsEpsilonChangeTheKey() {
        let base = Self.key(Setup(optimizer: Adam(learningRate: 0.01, epsilon: 1e-7)))
        #expect(Self.key(Setup(optimizer: Adam(learningRate: 0.01, epsilon: 1e-8))) != base)
        #expect(Self.key(Setup(optimizer: Adamax(learningRate: 0.01, epsilon: 1e-7))) != base)
        #expect(Self.key(Setup(optimizer: Adam(learningRate: 0.01, epsilon: 1e-7))) == base)
    }

    @Test func aScheduleCountsByItsValuesOverThePlannedStepsOnly() {
        // 300 rows in batches of 32 are 10 steps an epoch: 4 epochs use steps 0...40.
        func schedule(changingAt step: Int) -> LearningRateSchedule {
            LearningRateSchedule { $0 < step ? 0.1 : 0.05 }
        }
        let base = Self.key(Setup(optimizer: SGD(learningRate: schedule(changingAt: 30))))
        #expect(base != nil)
        #expect(Self.key(Setup(optimizer: SGD(learningRate: schedule(changingAt: 31)))) != base)
        #expect(Self.key(Setup(optimizer: SGD(learningRate: schedule(changingAt: 1000)))) ==
            Self.key(Setup(optimizer: SGD(learningRate: schedule(changingAt: 2000)))))
        // A closure and a class with the same values are the same training.
        #expect(Self.key(Setup(optimizer: SGD(learningRate: LearningRateSchedule { _ in 0.01 }))) ==
            Self.key(Setup(optimizer: SGD(learningRate: 0.01))))
    }

    @Test func callbacksCountByTheirSettings() {
        let plateau = Self.key(Setup(callbacks: [ReduceLROnPlateau(monitor: "loss", patience: 2)]))
        #expect(plateau != nil && plateau != Self.key(Setup()))
        #expect(Self.key(Setup(callbacks: [ReduceLROnPlateau(monitor: "loss", patience: 3)])) != plateau)
        let scheduled = Self.key(Setup(callbacks: [LearningRateScheduler { epoch, rate in epoch < 2 ? rate : rate / 2 }]))
        #expect(scheduled != nil)
        #expect(Self.key(Setup(callbacks: [LearningRateScheduler { epoch, rate in epoch < 3 ? rate : rate / 2 }])) != scheduled)
    }

    struct Custom: Callback {}

    @Test func undescribableTrainingsHaveNoKey() {
        #expect(Self.key(Setup(callbacks: [Custom()])) == nil)
        // The rates of a scheduler depend on the run when a plateau callback also sets them.
        #expect(Self.key(Setup(callbacks: [LearningRateScheduler { $1 }, ReduceLROnPlateau(monitor: "loss")])) == nil)
        #expect(Self.key(Setup(optimizer: ToyOptimizer())) == nil)
    }

    @Test func noStoreNoKey() {
        var model = Sequential(seed: 1) { Dense(3, activation: .softmax) }
        model.build(inputWidth: 256)
        model.compile(optimizer: SGD(), loss: .sparseCategoricalCrossentropy)
        #expect(model.memoKey(for: .init(data: Self.data, validation: nil, validationSplit: 0, trainCount: 300, epochs: 1,
                                        batchSize: 32, shuffle: true, callbacks: [])) == nil)
    }
}

/// An optimizer type the engine does not know.
private struct ToyOptimizer: Optimizer {
    var learningRate: LearningRateSchedule = .constant(0.01)
    var states = OptimizerStates<[Float]>()
    var name: String { "Toy" }
    func newState(count: Int) -> [Float] { [] }
    func applySingle(weights: UnsafeMutableBufferPointer<Float>, gradient: UnsafeBufferPointer<Float>,
                     state: inout [Float], step: OptimizerStep) {}
}

extension Sequential {
    func built(_ width: Int) -> Sequential {
        var copy = self
        copy.build(inputWidth: width)
        return copy
    }
}
