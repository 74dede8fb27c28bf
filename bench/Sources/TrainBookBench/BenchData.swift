import Foundation
import TrainKit

/// The data of the benchmark experiments, made once here and written to CSV files so that every
/// framework trains on exactly the same numbers.
enum BenchData {
    /// Iris, one-hot, split 75 / 25 with seed 42: 112 training and 38 test rows.
    static func iris() -> (train: Dataset, test: Dataset) {
        Datasets.iris().oneHot().split(testFraction: 0.25, seed: 42)
    }

    /// The 500-row body-mass-index table (gender, height, weight → six classes), features
    /// standardized with the training rows' statistics, one-hot: the first 300 rows train, the
    /// other 200 validate.
    static func bodyMassIndex() -> (train: Dataset, test: Dataset) {
        let people = Datasets.bodyMassIndex(samples: 500, seed: 42).oneHot(classes: 6)
        return standardizedSplit(people, trainRows: 300)
    }

    /// The regression of the tutorial: the same 500 people with their RAW features (gender, height
    /// in cm, weight in kg) → the class index 0...5 as a number, split 70 / 30 with seed 42: 350
    /// training and 150 test rows.
    static func regression() -> (train: Dataset, test: Dataset) {
        Datasets.bodyMassIndex(samples: 500, seed: 42).split(testFraction: 0.3, seed: 42)
    }

    /// Random pixels in 0...1 and random one-hot labels over ten classes, `rows` of each (an
    /// epoch's time does not depend on the values).
    static func mnistShaped(rows: Int) -> Dataset {
        var generator = SeededGenerator(seed: 1)
        var pixels = [Float](repeating: 0, count: rows * 784)
        for index in pixels.indices { pixels[index] = Float(generator.nextUniform()) }
        var labels = [Float](repeating: 0, count: rows * 10)
        for row in 0..<rows { labels[row * 10 + generator.nextInt(below: 10)] = 1 }
        return Dataset(x: Matrix(rows: rows, cols: 784, data: pixels), y: Matrix(rows: rows, cols: 10, data: labels))
    }

    /// The first `trainRows` rows and the rest, both scaled by the first part's statistics.
    private static func standardizedSplit(_ data: Dataset, trainRows: Int) -> (train: Dataset, test: Dataset) {
        let train = data.rows(0..<trainRows), test = data.rows(trainRows..<data.count)
        let scaler = Standardizer(fitting: train.x)
        return (train.standardized(with: scaler), test.standardized(with: scaler))
    }

    /// Writes `iris`, `bmi` and `regression` as `NAME-train.csv` and `NAME-test.csv` into
    /// `directory`: a header `x0,x1,…,y0,…`, then one row per sample with every Float32 value
    /// printed with nine significant digits, which reads back to the same Float32.
    static func write(to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let sets = [("iris", iris()), ("bmi", bodyMassIndex()), ("regression", regression())]
        for (name, split) in sets {
            try csv(split.train).write(to: directory.appendingPathComponent("\(name)-train.csv"),
                                       atomically: true, encoding: .utf8)
            try csv(split.test).write(to: directory.appendingPathComponent("\(name)-test.csv"),
                                      atomically: true, encoding: .utf8)
        }
    }

    private static func csv(_ data: Dataset) -> String {
        let header = (0..<data.x.cols).map { "x\($0)" } + (0..<data.y.cols).map { "y\($0)" }
        var lines = [header.joined(separator: ",")]
        for row in 0..<data.count {
            let values = data.x.row(row) + data.y.row(row)
            lines.append(values.map { String(format: "%.9g", Double($0)) }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
