import Testing
@testable import TrainKit

/// Dataset helpers: split, shuffle, rows, one-hot and standardization.
struct DataTransformsTests {
    let numbered = Dataset(x: Matrix(rows: 10, cols: 2, data: (0..<20).map(Float.init)),
                           y: Matrix(rows: 10, cols: 1, data: (0..<10).map(Float.init)))

    @Test func splitSizesFollowTrainTestSplit() {
        let (train, test) = Datasets.iris().oneHot().split(testFraction: 0.25, seed: 42)
        #expect(test.count == 38 && train.count == 112)     // ⌈0.25 · 150⌉ = 38
        #expect(train.y.cols == 3)
        let (train2, test2) = numbered.split(testFraction: 0.33, seed: 1)
        #expect(test2.count == 4 && train2.count == 6)      // ⌈3.3⌉ = 4
    }

    @Test func splitIsADeterministicPartition() {
        let (train, test) = numbered.split(testFraction: 0.3, seed: 5)
        let (again, _) = numbered.split(testFraction: 0.3, seed: 5)
        #expect(train == again)
        let labels = (train.y.data + test.y.data).sorted()
        #expect(labels == (0..<10).map(Float.init))
        for row in 0..<train.count {                         // rows stay paired with their targets
            #expect(train.x[row, 0] == 2 * train.y[row, 0])
        }
        #expect(numbered.split(testFraction: 0.3, seed: 6).train != train)
    }

    @Test func shuffledIsASeededPermutation() {
        let shuffled = numbered.shuffled(seed: 3)
        #expect(shuffled == numbered.shuffled(seed: 3))
        #expect(shuffled != numbered)
        #expect(shuffled.y.data.sorted() == numbered.y.data)
        #expect((0..<10).allSatisfy { shuffled.x[$0, 1] == 2 * shuffled.y[$0, 0] + 1 })
    }

    @Test func rowsTakesARange() {
        let first = numbered.rows(2..<5)
        #expect(first.count == 3 && first.y.data == [2, 3, 4] && first.x.row(0) == [4, 5])
        #expect(numbered.rows(at: [9, 0]).y.data == [9, 0])
    }

    @Test func oneHotEncodesClassIndices() {
        let data = Dataset(x: [[0], [0], [0]], y: [[2], [0], [1]])
        #expect(data.oneHot().y == Matrix([[0, 0, 1], [1, 0, 0], [0, 1, 0]]))
        #expect(data.oneHot(classes: 4).y.row(0) == [0, 0, 1, 0])
    }

    @Test func standardizerUsesTheTrainingStatistics() {
        let train = Matrix([[1, 10], [3, 10], [5, 10]]), test = Matrix([[7, 11]])
        let scaler = Standardizer(fitting: train)
        #expect(scaler.means == [3, 10])
        #expect(abs(scaler.scales[0] - (8.0 / 3).squareRoot()) < 1e-12 && scaler.scales[1] == 1)  // population deviation
        let scaled = scaler.transform(test)
        #expect(abs(Double(scaled[0, 0]) - 4 / (8.0 / 3).squareRoot()) < 1e-6 && scaled[0, 1] == 1)
        #expect(scaler.inverseTransform(scaled) == test)
        let standardized = Datasets.iris().standardized().x
        for column in 0..<4 {
            let values = standardized.column(column)
            let mean = values.reduce(0, +) / 150
            let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 150
            #expect(abs(mean) < 1e-6 && abs(variance - 1) < 1e-5)
        }
    }
}
