import Foundation
import TrainKit

/// The tutorials' experiments as the benchmark runs them. Each returns a one-line summary of what
/// it computed, so a run shows that every framework did the same work.
enum Experiments {
    /// The learning rates of the iris sweep.
    static let irisRates = [0.2, 0.1, 0.03, 0.01]
    /// Eight decades, 1e-7 … 1: the rates of the body-mass-index and SGDRegressor sweeps.
    static let decades = (0...7).map { pow(10, Double($0) - 7) }

    /// Iris: 4 → 50 relu → 12 relu → 3 softmax, SGD at each of `rates`, batch 32, validation each
    /// epoch. Returns each rate's last validation accuracy.
    static func irisSweep(_ data: (train: Dataset, test: Dataset), rates: [Double] = irisRates, epochs: Int = 20,
                          workers: Int) -> String {
        let histories = sweep(rates, workers: workers) { rate -> History in
            var model = Sequential(seed: 42) {
                Dense(50, activation: .relu, kernelInitializer: .heUniform)
                Dense(12, activation: .relu)
                Dense(3, activation: .softmax)
            }
            model.compile(optimizer: SGD(learningRate: rate), loss: .categoricalCrossentropy, metrics: [.accuracy])
            return model.fit(data.train, epochs: epochs, batchSize: 32, validation: data.test)
        }
        return "last val_accuracy " + histories.map { format($0["val_accuracy"].last) }.joined(separator: " ")
    }

    /// Body-mass index: 3 → 128 relu → 64 relu → 6 softmax, SGD at each of `rates`, batch 32,
    /// validation each epoch. Returns each rate's last validation accuracy.
    static func bodyMassIndexSweep(_ data: (train: Dataset, test: Dataset), rates: [Double] = decades,
                                   epochs: Int = 200, workers: Int) -> String {
        let histories = sweep(rates, workers: workers) { rate -> History in
            var model = Sequential(seed: 42) {
                Dense(128, activation: .relu)
                Dense(64, activation: .relu)
                Dense(6, activation: .softmax)
            }
            model.compile(optimizer: SGD(learningRate: rate), loss: .categoricalCrossentropy, metrics: [.accuracy])
            return model.fit(data.train, epochs: epochs, batchSize: 32, validation: data.test)
        }
        return "last val_accuracy " + histories.map { format($0["val_accuracy"].last) }.joined(separator: " ")
    }

    /// SGDRegressor with a constant rate `eta0` from `rates`, shuffled, `passes` `partialFit`
    /// passes with the training and test MSE recorded after each, as the tutorial's loop does (after
    /// a divergence `partialFit` does nothing and the errors are NaN). Returns the passes made
    /// before any divergence and the last test MSE of each rate.
    static func regressionSweep(_ data: (train: Dataset, test: Dataset), rates: [Double] = decades,
                                passes: Int = 200, workers: Int) -> String {
        let runs = sweep(rates, workers: workers) { eta0 -> (passes: Int, train: [Double], test: [Double]) in
            var regressor = SGDRegressor(learningRate: .constant, eta0: eta0, shuffle: true, seed: 42)
            var trainErrors: [Double] = [], testErrors: [Double] = []
            var finitePasses = 0
            for _ in 0..<passes {
                regressor.partialFit(data.train.x, data.train.y)
                if !regressor.diverged { finitePasses += 1 }
                trainErrors.append(meanSquaredError(data.train.y, regressor.predict(data.train.x)))
                testErrors.append(meanSquaredError(data.test.y, regressor.predict(data.test.x)))
            }
            return (finitePasses, trainErrors, testErrors)
        }
        return "passes " + runs.map { String($0.passes) }.joined(separator: " ")
            + "; last test MSE " + runs.map { format($0.test.last) }.joined(separator: " ")
    }

    /// One epoch (or `epochs`, in one fit) of the MNIST-shaped MLP 784 → 50 relu (he_uniform) →
    /// 10 softmax, SGD 0.01, batch 32.
    static func mnistEpoch(_ model: inout Sequential, _ data: Dataset, epochs: Int = 1) -> String {
        let history = model.fit(data, epochs: epochs, batchSize: 32)
        return "loss " + format(history["loss"].last)
    }

    /// The MNIST-shaped model, compiled with SGD at 0.01, or with the Keras defaults of the
    /// optimizer named `optimizer` ("adam", "rmsprop", …).
    static func mnistModel(optimizer: String = "sgd") -> Sequential {
        var model = Sequential(seed: 42) {
            Dense(50, activation: .relu, kernelInitializer: .heUniform)
            Dense(10, activation: .softmax)
        }
        model.compile(optimizer: optimizer == "sgd" ? SGD(learningRate: 0.01) : Optimizers.named(optimizer), loss: .categoricalCrossentropy, metrics: [.accuracy])
        return model
    }

    /// Four significant digits, or "none".
    static func format(_ value: Double?) -> String {
        guard let value else { return "none" }
        return String(format: "%.4g", value)
    }
}
