import Foundation
@testable import TrainKit

/// Gaussian blobs around `centers` points evenly spaced on a circle of radius 6 (in the first
/// two features), so neighbouring centres are at least 6·2·sin(π/centers) apart; labels are
/// class indices.
func makeBlobs(samples: Int, centers: Int, features: Int, spread: Double, seed: UInt64) -> Dataset {
    var generator = SeededGenerator(seed: seed)
    let middles = (0..<centers).map { k -> [Double] in
        let angle = 2 * Double.pi * Double(k) / Double(centers)
        return (0..<features).map { $0 == 0 ? 6 * cos(angle) : ($0 == 1 ? 6 * sin(angle) : 0) }
    }
    var x: [[Float]] = [], y: [[Float]] = []
    for index in 0..<samples {
        let label = index % centers
        x.append(middles[label].map { Float($0 + spread * generator.nextNormal()) })
        y.append([Float(label)])
    }
    return Dataset(x: x, y: y)
}

/// One-hot targets from a column of class indices.
func oneHot(_ labels: Matrix, classes: Int) -> Matrix {
    Matrix((0..<labels.rows).map { r in (0..<classes).map { Float($0) == labels[r, 0] ? 1 : 0 } })
}

/// Random values in ±`scale`.
func randomMatrix(rows: Int, cols: Int, scale: Double, generator: inout SeededGenerator) -> Matrix {
    Matrix(rows: rows, cols: cols, data: (0..<rows * cols).map { _ in Float(generator.nextUniform(-scale, scale)) })
}

/// Whether `a` and `b` agree within `atol + rtol · |b|`, element by element.
func close(_ a: [Double], _ b: [Double], rtol: Double, atol: Double) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= atol + rtol * abs($1) || ($0.isNaN && $1.isNaN) }
}

/// The largest `|a − b| / (atol + rtol · |b|)`: at most 1 when `close` holds.
func worstRatio(_ a: [Double], _ b: [Double], rtol: Double, atol: Double) -> Double {
    zip(a, b).map { abs($0 - $1) / (atol + rtol * abs($1)) }.max() ?? 0
}

/// Loads a reference fixture from the test bundle's Fixtures folder; nil when it is missing.
func loadFixture(_ name: String) -> [String: Any]? {
    guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures")
            ?? Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "json"),
          let data = try? Data(contentsOf: url),
          let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return nil }
    return object
}

/// Numbers from JSON (where NaN may be written as null).
func doubles(_ value: Any?) -> [Double] {
    (value as? [Any] ?? []).map { ($0 as? NSNumber)?.doubleValue ?? .nan }
}

/// Rows of numbers from JSON.
func rows(_ value: Any?) -> [[Double]] {
    (value as? [Any] ?? []).map(doubles)
}

/// A matrix from JSON rows.
func matrix(_ value: Any?) -> Matrix {
    Matrix(rows(value).map { $0.map(Float.init) })
}
