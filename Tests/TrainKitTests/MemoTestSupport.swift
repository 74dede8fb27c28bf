import Foundation
@testable import TrainKit

/// A fresh, empty store folder for one test.
func makeMemoFolder() -> String {
    let folder = NSTemporaryDirectory() + "trainbook-memo-test-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
}

/// The entry files under `folder`.
func memoFiles(in folder: String) -> [String] {
    let enumerator = FileManager.default.enumerator(atPath: folder)
    return (enumerator?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".memo") }.sorted().map { folder + "/" + $0 }
}

/// The bytes of a plain value, to compare random streams bit for bit.
func plainBytes<T>(_ value: T) -> [UInt8] {
    withUnsafeBytes(of: value) { Array($0) }
}

/// Everything of a model a fit changes, as comparable values: weights (with moving statistics),
/// dropout streams, optimizer state, step count, shuffle stream and the current learning rate.
struct ModelState: Equatable {
    let weights: [[Float]]
    let dropoutStreams: [[UInt8]]
    let optimizerStates: String
    let steps: Int
    let shuffle: [UInt8]
    let learningRate: Double

    init(_ model: Sequential) {
        weights = model.getWeights()
        dropoutStreams = model.layers.compactMap { ($0 as? Dropout).map { plainBytes($0.generator) } }
        optimizerStates = String(describing: model.compilation!.optimizer.statesDescription)
        steps = model.compilation!.steps
        shuffle = plainBytes(model.shuffleGenerator)
        learningRate = model.compilation!.optimizer.learningRate(model.compilation!.steps)
    }
}

extension Optimizer {
    /// The per-tensor states and any running product, by reflection (the arrays print in full).
    var statesDescription: String {
        Mirror(reflecting: self).children.filter { $0.label != "learningRate" }
            .map { "\($0.label ?? ""): \(String(reflecting: $0.value))" }.joined(separator: "\n")
    }
}
