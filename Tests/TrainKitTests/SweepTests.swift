import Testing
@testable import TrainKit

/// Sweeps run their values in parallel, in groups whose fits on the same batches train in step
/// (`SweepGroup`, `TrainingRun.train`). The oracle is the same closure run on each value one after
/// another, outside any sweep: histories and weights must be the same bit for bit.
struct SweepTests {
    static let data = makeBlobs(samples: 120, centers: 3, features: 2, spread: 2, seed: 4)

    static func run(_ rate: Double) -> History {
        var model = Sequential(seed: 42) {
            Dense(16, activation: .relu, kernelInitializer: .heUniform)
            Dense(3, activation: .softmax)
        }
        model.compile(optimizer: SGD(learningRate: rate, momentum: 0.9), loss: .sparseCategoricalCrossentropy,
                      metrics: [.accuracy])
        return model.fit(data, epochs: 5, batchSize: 16, validationSplit: 0.25)
    }

    @Test func oneAndTwoWorkersGiveIdenticalHistoriesInInputOrder() {
        let rates = [0.3, 0.1, 0.03, 0.01, 0.003]
        let serial = sweep(rates, workers: 1, Self.run)
        let parallel = sweep(rates, workers: 2, Self.run)
        #expect(serial == parallel)
        #expect(serial == rates.map(Self.run))
    }

    /// More threads than cores (the machine time-slices them) changes nothing either.
    @Test func oneGroupPerValueGivesIdenticalHistories() {
        let rates = [0.3, 0.1, 0.03]
        #expect(sweep(rates, groups: 3, Self.run) == rates.map(Self.run))
    }

    @Test func groupPlan() {
        // One group per worker, at most one per value.
        #expect(sweepGroups(values: 4, workers: 2) == 2)
        #expect(sweepGroups(values: 8, workers: 2) == 2)
        #expect(sweepGroups(values: 5, workers: 2) == 2)
        #expect(sweepGroups(values: 1, workers: 2) == 1)
        #expect(sweepGroups(values: 7, workers: 1) == 1)
        #expect(sweepGroups(values: 3, workers: 2) == 2)
    }

    @Test func resultsComeBackInInputOrder() {
        let values = Array(0..<50)
        #expect(sweep(values, workers: 4) { $0 * $0 } == values.map { $0 * $0 })
    }

    // MARK: Fits in step

    /// 300 columns of which about 15 % are nonzero, as image pixels: the first layer's sparse path,
    /// whose loaded entries the models trained in step share.
    static let mostlyZero: (train: Dataset, validation: Dataset) = {
        let values = SparseInputTests.sparseValues(rows: 160, width: 300, density: 0.15, seed: 31)
        let labels = (0..<160).map { row -> [Float] in
            let sum = (0..<150).reduce(Float(0)) { $0 + values[row * 300 + $1] }
            return [row % 4 == 0 ? 2 : sum > 11 ? 1 : 0]
        }
        let all = Dataset(x: Matrix(rows: 160, cols: 300, data: values), y: Matrix(labels))
        return (rows(of: all, 0..<120), rows(of: all, 120..<160))
    }()

    struct Outcome: Equatable {
        let histories: [History]
        let weights: [[Float]]
    }

    /// A member's work: a fit on the shared rows with `setting`'s optimizer, callbacks and batch size,
    /// and (when asked) a second fit of the same model.
    struct Setting {
        var rate = 0.05
        var momentum = 0.0
        var batchSize = 16
        var callbacks: () -> [any Callback] = { [] }
        var fitsTwice = false
        var fits = true
    }

    static func member(_ setting: Setting) -> Outcome {
        var model = Sequential(seed: 7) {
            Dense(24, activation: .relu, kernelInitializer: .heUniform)
            Dense(3, activation: .softmax)
        }
        model.compile(optimizer: SGD(learningRate: setting.rate, momentum: setting.momentum),
                      loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
        guard setting.fits else { return Outcome(histories: [], weights: model.getWeights()) }
        var histories = [model.fit(mostlyZero.train, epochs: 6, batchSize: setting.batchSize,
                                   validation: mostlyZero.validation, callbacks: setting.callbacks())]
        if setting.fitsTwice {
            histories.append(model.fit(mostlyZero.train, epochs: 3, batchSize: setting.batchSize,
                                       validation: mostlyZero.validation))
        }
        return Outcome(histories: histories, weights: model.getWeights())
    }

    @Test func fitsOnTheSameBatchesTrainInStepAsTheyWouldAlone() {
        let settings = [0.3, 0.1, 0.03, 0.01].map { Setting(rate: $0) }
        let alone = settings.map(Self.member)
        let before = TrainingRunCounts.runsInStep
        #expect(sweep(settings, workers: 1, Self.member) == alone)
        #expect(sweep(settings, workers: 2, Self.member) == alone)
        // One set of four, then two sets of two.
        #expect(TrainingRunCounts.runsInStep - before >= 8)
    }

    @Test func membersThatStopEarlyFitTwiceOrNotAtAllStayThemselves() {
        let settings = [
            Setting(rate: 0.3, momentum: 0.9, callbacks: { [EarlyStopping(monitor: "loss", minDelta: 10, patience: 1)] }),
            Setting(rate: 0.1, callbacks: { [ReduceLROnPlateau(monitor: "loss", factor: 0.5, patience: 1, minDelta: 0.05)] }),
            Setting(rate: 0.03, fitsTwice: true),
            Setting(fits: false),
            Setting(rate: 0.01, callbacks: { [TerminateOnNaN()] }, fitsTwice: true),
        ]
        let alone = settings.map(Self.member)
        #expect(alone[0].histories[0].epochs.count < 6, "the test needs a member that stops early")
        #expect(sweep(settings, workers: 1, Self.member) == alone)
        #expect(sweep(settings, workers: 2, Self.member) == alone)
    }

    /// Three on two cores: a pair in step and one alone; the one alone trains fewer epochs, and
    /// when its group is done the pair splits and each half trains on from that epoch on its own.
    @Test func pairInStepSplitsWhenTheOtherGroupIsDone() {
        struct Work {
            let setting: Setting
            let epochs: Int
        }
        func train(_ work: Work) -> Outcome {
            var model = Sequential(seed: 7) {
                Dense(24, activation: .relu, kernelInitializer: .heUniform)
                Dense(3, activation: .softmax)
            }
            model.compile(optimizer: SGD(learningRate: work.setting.rate, momentum: 0.9),
                          loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
            let history = model.fit(Self.mostlyZero.train, epochs: work.epochs, batchSize: 16,
                                    validation: Self.mostlyZero.validation)
            return Outcome(histories: [history], weights: model.getWeights())
        }
        // Values 0 and 2 in group 0 (in step, 40 epochs), value 1 in group 1 (2 epochs).
        let works = [Work(setting: Setting(rate: 0.05), epochs: 40), Work(setting: Setting(rate: 0.1), epochs: 2),
                     Work(setting: Setting(rate: 0.02), epochs: 40)]
        let alone = works.map(train)
        let before = TrainingRunCounts.splits
        #expect(sweep(works, workers: 2, train) == alone)
        #expect(TrainingRunCounts.splits - before >= 1)
    }

    @Test func fitsOnOtherBatchesTrainApartAndAtTheSameTime() {
        let settings = [Setting(rate: 0.1, batchSize: 16), Setting(rate: 0.1, batchSize: 20),
                        Setting(rate: 0.05, batchSize: 16), Setting(rate: 0.05, batchSize: 20)]
        let alone = settings.map(Self.member)
        #expect(sweep(settings, workers: 1, Self.member) == alone)
    }
}
