import Foundation
import Testing
@testable import TrainKit

/// `model.summary` against what Keras 3.15.1 printed for the same models (an 80-column terminal,
/// a fresh session, before training), and the input width declared up front.
struct ModelSummaryTests {
    static func model(seed: Int = 42) -> Sequential {
        Sequential(seed: seed) {
            Dense(16, activation: .relu, inputShape: [4])
            BatchNormalization()
            Dropout(0.2)
            Dense(3, activation: .softmax)
        }
    }

    /// Keras: `keras.Sequential([keras.Input(shape=(4,)), Dense(16, activation="relu"),
    /// BatchNormalization(), Dropout(0.2), Dense(3, activation="softmax")]).summary()`, verbatim.
    static let kerasText = """
        Model: "sequential"
        ┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
        ┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
        ┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
        │ dense (Dense)                   │ (None, 16)             │            80 │
        ├─────────────────────────────────┼────────────────────────┼───────────────┤
        │ batch_normalization             │ (None, 16)             │            64 │
        │ (BatchNormalization)            │                        │               │
        ├─────────────────────────────────┼────────────────────────┼───────────────┤
        │ dropout (Dropout)               │ (None, 16)             │             0 │
        ├─────────────────────────────────┼────────────────────────┼───────────────┤
        │ dense_1 (Dense)                 │ (None, 3)              │            51 │
        └─────────────────────────────────┴────────────────────────┴───────────────┘
         Total params: 195 (780.00 B)
         Trainable params: 163 (652.00 B)
         Non-trainable params: 32 (128.00 B)
        """

    @Test func summaryPrintsWhatKerasPrints() {
        #expect(Self.model().summary.description == Self.kerasText)
    }

    /// The moving mean and variance of the batch normalization are the 32 non-trainable weights.
    @Test func movingStatisticsAreNonTrainable() {
        let summary = Self.model().summary
        #expect(summary.rows.map(\.parameters) == [80, 64, 0, 51])
        #expect(summary.rows.map(\.outputShape) == ["(None, 16)", "(None, 16)", "(None, 16)", "(None, 3)"])
        #expect((summary.totalParameters, summary.trainableParameters, summary.nonTrainableParameters) == (195, 163, 32))
    }

    /// Keras with the first Dense frozen, `summary(show_trainable=True)`: Total params: 195 (780.00 B),
    /// Trainable params: 83 (332.00 B), Non-trainable params: 112 (448.00 B); the Trainable column
    /// reads N, Y, -, Y (Keras cuts its header to `Trai…` on 80 columns; here it is whole).
    @Test func frozenLayersCountAsNonTrainableAndGetTheColumn() {
        var model = Self.model()
        model.layers[0].trainable = false
        let text = model.summary.description
        #expect(text.contains("┃ Layer (type)                ┃ Output Shape          ┃    Param # ┃ Trainable ┃"))
        #expect(text.contains("│ dense (Dense)               │ (None, 16)            │         80 │     N     │"))
        #expect(text.contains("│ dropout (Dropout)           │ (None, 16)            │          0 │     -     │"))
        #expect(text.hasSuffix("""
             Total params: 195 (780.00 B)
             Trainable params: 83 (332.00 B)
             Non-trainable params: 112 (448.00 B)
            """))
    }

    /// Keras, `Sequential([Input(shape=(784,)), Dense(128, activation="relu"), Dense(10)]).summary()`:
    /// `│ dense (Dense) │ (None, 128) │ 100,480 │`, `Total params: 101,770 (397.54 KB)`.
    @Test func largeCountsAreGroupedAndSizedAsKerasDoes() {
        let model = Sequential(seed: 1) {
            Dense(128, activation: .relu, inputShape: [784])
            Dense(10)
        }
        let text = model.summary.description
        #expect(text.contains("│ dense (Dense)                   │ (None, 128)            │       100,480 │"))
        #expect(text.contains(" Total params: 101,770 (397.54 KB)"))
        #expect(ModelSummary.memorySize(parameters: 0) == "0.00 B")
        #expect(ModelSummary.grouped(1_234_567) == "1,234,567")
    }

    /// Declaring the input width builds the model at once, with the weights a first fit would draw.
    @Test func declaredInputWidthBuildsTheSameWeightsAsAFirstFit() {
        let declared = Self.model(seed: 5)
        var late = Sequential(seed: 5) {
            Dense(16, activation: .relu)
            BatchNormalization()
            Dropout(0.2)
            Dense(3, activation: .softmax)
        }
        #expect(declared.isBuilt && !late.isBuilt)
        late.build(inputWidth: 4)
        #expect(declared.getWeights() == late.getWeights())
        let byDim = Sequential(seed: 5) { Dense(16, activation: .relu, inputDim: 4); BatchNormalization(); Dropout(0.2); Dense(3) }
        #expect(byDim.getWeights().prefix(2) == declared.getWeights().prefix(2))
    }

    @Test func summaryBeforeTheWidthIsKnownSaysHowToDeclareIt() async {
        await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let model = Sequential(seed: 1) { Dense(8, activation: .relu); Dense(3) }
            print(model.summary)
        }.map { result in
            let message = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(message.contains("model.summary needs the model's input width, which it learns at the first fit. "
                + "Declare it on the first layer, e.g. Dense(8, …, inputShape: [4]) for 4 feature columns, "
                + "or call model.build(inputWidth: data.x.cols) before the summary."))
        }
    }

    @Test func aKerasImageShapeSaysToFlatten() async {
        await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Dense(128, activation: .relu, inputShape: [28, 28])
        }.map { result in
            let message = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(message.contains("Dense(128): inputShape [28, 28] has 2 dimensions, but a TrainBook model takes "
                + "flat rows of features (there is no Flatten layer). Flatten the data to 28 × 28 = 784 columns "
                + "(the MNIST datasets already are) and declare inputShape: [784]."))
        }
    }

    @Test func aDeclaredWidthThatDisagreesIsNamed() async {
        await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Sequential(seed: 1) { Dense(8, inputShape: [4]); Dense(3, inputShape: [5]) }
        }.map { result in
            let message = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(message.contains("Dense(3) declares inputShape: [5], but the layer before it gives 8 columns."))
        }
    }
}
