import Foundation
import Testing
@testable import TrainKit

/// fastai's suggestions against fastai itself (Tests/TrainKitTests/Fixtures/fastai_suggestions.json,
/// made by scripts/reference/generate.py), and the range test on the circles problem against
/// fastai's. A missing fixture file is a failure, never a pass.
struct FastaiFixtureTests {
    static func cases() -> [[String: Any]] {
        (loadFixture("fastai_suggestions")?["cases"] as? [[String: Any]]) ?? []
    }

    static func names() -> [String] {
        let names = cases().compactMap { $0["name"] as? String }
        return names.isEmpty ? ["<fastai_suggestions.json missing>"] : names
    }

    /// Each suggestion fastai returned for a recorded curve, to rtol 1e-9. A case with `num_it`
    /// holds `lr_find`'s whole record, sliced as `lr_find` slices it; otherwise the curve went
    /// to the suggestion functions as it is.
    @Test(arguments: names())
    func suggestionsMatchFastai(_ name: String) throws {
        let fixture = try #require(Self.cases().first { $0["name"] as? String == name },
                                   "fixture fastai_suggestions.json is missing")
        let rates = doubles(fixture["lrs"]), losses = doubles(fixture["losses"])
        let numIt = fixture["num_it"] as? Int
        var compared = 0
        for method in SuggestionMethod.allCases {
            guard let expected = (fixture[method.rawValue] as? NSNumber)?.doubleValue else { continue }
            let actual = numIt.map {
                LearningRateFinder(learningRates: rates, losses: losses, plannedSteps: $0).suggestion(method)
            } ?? method.suggest(learningRates: rates, losses: losses)
            #expect(abs(actual - expected) <= 1e-9 * abs(expected), "\(method): \(actual) vs fastai \(expected)")
            compared += 1
        }
        #expect(compared > 0, "case \(name) holds no suggestion")
    }

    /// The range test's bookkeeping against fastai's Recorder on the same batch losses: the rate
    /// of each batch, the bias-corrected smoothing (fastai's in float32), and where the 4 × best
    /// rule stops.
    @Test(arguments: names())
    func smoothingAndStoppingMatchFastai(_ name: String) throws {
        let fixture = try #require(Self.cases().first { $0["name"] as? String == name },
                                   "fixture fastai_suggestions.json is missing")
        let raw = doubles(fixture["raw_losses"])
        let numIt = try #require(fixture["num_it"] as? Int)
        let start = try #require((fixture["start_lr"] as? NSNumber)?.doubleValue)
        let end = try #require((fixture["end_lr"] as? NSNumber)?.doubleValue)
        var recorder = SmoothedLossRecorder(beta: 0.98, stopFactor: 4)
        for (index, loss) in raw.enumerated() {
            let rate = start * pow(end / start, Double(index) / Double(numIt))
            if recorder.record(learningRate: rate, loss: loss) == .stop { break }
        }
        #expect(!raw.isEmpty)
        #expect(recorder.learningRates.count == raw.count, "stopped after \(recorder.learningRates.count) of \(raw.count)")
        #expect(close(recorder.learningRates, doubles(fixture["lrs"]), rtol: 1e-14, atol: 0))
        #expect(close(recorder.smoothed, doubles(fixture["losses"]), rtol: 2e-6, atol: 0),
                "worst \(worstRatio(recorder.smoothed, doubles(fixture["losses"]), rtol: 2e-6, atol: 0))")
    }

    /// The range test on circles (1000 samples, noise 0.03, seed 42) with a 4 relu → 4 relu →
    /// 1 sigmoid network and Adam: our valley lands within half a decade of fastai's valley on the
    /// same problem (fastai's `lr_find` replaying our recorded batch losses, case "circles_swift").
    @Test func circlesValleyLandsNearFastais() throws {
        let fixture = try #require(Self.cases().first { ($0["name"] as? String)?.contains("circles") == true },
                                   "fastai_suggestions.json has no circles case")
        let expected = try #require((fixture["valley"] as? NSNumber)?.doubleValue)
        let valley = CirclesRangeTest.run().suggestion(.valley)
        #expect(abs(log10(valley / expected)) <= 0.5, "valley \(valley) vs fastai \(expected)")
    }
}

/// The LR range test of the tutorials on the circles problem, and its recorded curve
/// (Fixtures/circles_lr_find_swift.json), whose batch losses scripts/reference/fastai_suggestions.py
/// replays through fastai's `lr_find` as the case "circles_swift". `RECORD_LR_FIND=1 swift test --filter CirclesRangeTest` records it again.
@Suite struct CirclesRangeTest {
    static func run() -> LearningRateFinder {
        let circles = Datasets.circles(samples: 1000, noise: 0.03, seed: 42)
        var model = Sequential(seed: 42) {
            Dense(4, activation: .relu)
            Dense(4, activation: .relu)
            Dense(1, activation: .sigmoid)
        }
        model.compile(optimizer: Adam(), loss: .binaryCrossentropy, metrics: [.accuracy])
        return model.findLearningRate(on: circles, start: 1e-7, end: 10, steps: 100)
    }

    static let recordingURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/circles_lr_find_swift.json")

    /// Relative tolerance for the recorded float32 losses. The recording was made on one CPU; another
    /// CPU (AVX2 or AVX-512 kernels, Intel or AMD) sums the same products in another order, so each
    /// step's weights differ in their last bits (float32's unit roundoff is 2⁻²⁴ ≈ 6e-8) and the
    /// differences grow over the 100 Adam steps, fastest once the rate makes training diverge.
    /// Measured between an Intel Xeon and an AMD EPYC: at most 5e-7. 1e-5 (about 170 ulps) leaves
    /// room for that and still fails on any real change to the step (a wrong rate, bias correction
    /// or smoothing moves the losses by 1e-3 or more).
    static let lossTolerance = 1e-5

    /// A run gives the recorded curve, up to the summation order of the CPU it runs on. The rates are
    /// computed in Double from the plan alone, so they agree to rounding on every CPU.
    @Test func runReproducesTheRecordedCurve() throws {
        let recorded = try #require(loadFixture("circles_lr_find_swift"), "circles_lr_find_swift.json is missing")
        let finder = Self.run()
        #expect(recorded["num_it"] as? Int == finder.plannedSteps)
        #expect(close(finder.learningRates, doubles(recorded["lrs"]), rtol: 1e-12, atol: 0))
        #expect(close(finder.losses, doubles(recorded["losses"]), rtol: Self.lossTolerance, atol: 0),
                "worst \(worstRatio(finder.losses, doubles(recorded["losses"]), rtol: Self.lossTolerance, atol: 0))")
        #expect(close(finder.rawLosses, doubles(recorded["raw_losses"]), rtol: Self.lossTolerance, atol: 0),
                "worst \(worstRatio(finder.rawLosses, doubles(recorded["raw_losses"]), rtol: Self.lossTolerance, atol: 0))")
    }

    /// On one machine the range test is deterministic to the bit: two runs in one process give the
    /// same rates and losses (the property that makes rendered pages byte-identical).
    @Test func twoRunsOnOneMachineAreBitIdentical() {
        let first = Self.run(), second = Self.run()
        #expect(first.learningRates.map(\.bitPattern) == second.learningRates.map(\.bitPattern))
        #expect(first.rawLosses.map(\.bitPattern) == second.rawLosses.map(\.bitPattern))
        #expect(first.losses.map(\.bitPattern) == second.losses.map(\.bitPattern))
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["RECORD_LR_FIND"] != nil))
    func recordTheCurve() throws {
        let finder = Self.run()
        let document: [String: Any] = [
            "generator": "Tests/TrainKitTests/FastaiFixtureTests.swift (RECORD_LR_FIND=1)",
            "problem": "Datasets.circles(samples: 1000, noise: 0.03, seed: 42); Sequential(seed: 42) Dense(4, relu), "
                + "Dense(4, relu), Dense(1, sigmoid); Adam(); binary cross-entropy; "
                + "findLearningRate(start: 1e-7, end: 10, steps: 100, batchSize: 32)",
            "num_it": finder.plannedSteps,
            "lrs": finder.learningRates,
            "losses": finder.losses.map { loss -> Any in loss.isNaN ? NSNull() : loss },
            "raw_losses": finder.rawLosses.map { loss -> Any in loss.isNaN ? NSNull() : loss },
        ]
        let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        try data.write(to: Self.recordingURL)
    }
}
