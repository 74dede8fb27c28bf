import Foundation
import Testing
@testable import TrainKit

/// ReduceLROnPlateau and EarlyStopping against Keras driven epoch by epoch on recorded monitored
/// sequences (Tests/TrainKitTests/Fixtures/callbacks.json, made by scripts/reference/generate.py):
/// plateaus, non-improvements of exactly min_delta, cooldown, min_lr, max mode, NaN. A missing
/// fixture file is a failure, never a pass.
struct CallbackFixtureTests {
    static func cases() -> [[String: Any]] {
        (loadFixture("callbacks")?["cases"] as? [[String: Any]]) ?? []
    }

    static func names(_ callback: String) -> [String] {
        let names = cases().filter { $0["callback"] as? String == callback }.compactMap { $0["name"] as? String }
        return names.isEmpty ? ["<callbacks.json missing or without \(callback) cases>"] : names
    }

    static func fixture(_ callback: String, _ name: String) throws -> (config: [String: Any], case: [String: Any]) {
        let found = try #require(cases().first { $0["callback"] as? String == callback && $0["name"] as? String == name },
                                 "fixture callbacks.json is missing")
        return (try #require(found["config"] as? [String: Any], "case \(name) has no config"), found)
    }

    static func mode(_ config: [String: Any]) throws -> MonitorMode {
        try #require(MonitorMode(rawValue: config["mode"] as? String ?? "auto"), "unknown mode \(config["mode"]!)")
    }

    static func number(_ config: [String: Any], _ key: String) -> Double? {
        (config[key] as? NSNumber)?.doubleValue
    }

    /// The rate after each epoch's callback, from the float32 rate a Keras optimizer starts with.
    @Test(arguments: names("reduce_lr_on_plateau"))
    func reduceLROnPlateauMatchesKeras(_ name: String) throws {
        let (config, fixture) = try Self.fixture("reduce_lr_on_plateau", name)
        var callback = ReduceLROnPlateau(
            monitor: config["monitor"] as? String ?? "val_loss", factor: Self.number(config, "factor") ?? 0.1,
            patience: config["patience"] as? Int ?? 10, mode: try Self.mode(config),
            minDelta: Self.number(config, "min_delta") ?? 1e-4, cooldown: config["cooldown"] as? Int ?? 0,
            minLR: Self.number(config, "min_lr") ?? 0)
        var rate = Double(Float(try #require(Self.number(fixture, "initial_lr"), "case \(name) has no initial_lr")))
        var rates: [Double] = [], logged: [Double] = []
        for value in doubles(fixture["monitored"]) {
            logged.append(rate)  // what the history logs: the rate before this epoch's reduction
            if let reduced = callback.reducedLearningRate(after: value, learningRate: rate) { rate = reduced }
            rates.append(rate)
        }
        let expected = doubles(fixture["learning_rates"])
        #expect(!expected.isEmpty)
        #expect(close(rates, expected, rtol: 1e-9, atol: 0), "rates \(rates) vs Keras \(expected)")
        if fixture["logged_learning_rates"] != nil {
            #expect(close(logged, doubles(fixture["logged_learning_rates"]), rtol: 1e-9, atol: 0))
        }
    }

    /// The epoch training stops at (Keras's 0 when it never stops) and the best epoch.
    @Test(arguments: names("early_stopping"))
    func earlyStoppingMatchesKeras(_ name: String) throws {
        let (config, fixture) = try Self.fixture("early_stopping", name)
        var callback = EarlyStopping(
            monitor: config["monitor"] as? String ?? "val_loss", minDelta: Self.number(config, "min_delta") ?? 0,
            patience: config["patience"] as? Int ?? 0, mode: try Self.mode(config),
            restoreBestWeights: config["restore_best_weights"] as? Bool ?? false,
            startFromEpoch: config["start_from_epoch"] as? Int ?? 0, baseline: Self.number(config, "baseline"))
        var epochsRun = 0
        for (epoch, value) in doubles(fixture["monitored"]).enumerated() {
            epochsRun += 1
            if callback.judge(epoch: epoch, value: value) == .stop { break }
        }
        if let expected = fixture["epochs_run"] as? Int { #expect(epochsRun == expected) }
        if let stopped = fixture["stopped_epoch"] as? Int {
            #expect((callback.stoppedEpoch ?? 0) == stopped, "stopped at \(callback.stoppedEpoch ?? 0), Keras \(stopped)")
        }
        if let best = fixture["best_epoch"] as? Int {
            #expect(callback.bestEpoch == best, "best epoch \(callback.bestEpoch), Keras \(best)")
        }
        if let restored = fixture["restored_weights_epoch"] as? Int {
            #expect(callback.restoreBestWeights && callback.best != nil && callback.bestEpoch == restored)
        }
        #expect(fixture["stopped_epoch"] != nil || fixture["best_epoch"] != nil, "case \(name) records no outcome")
    }
}
