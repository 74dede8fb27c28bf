import Testing
@testable import TrainKit

/// The generated datasets: shapes, class balance and geometry as scikit-learn defines them, and
/// Fisher's iris against its published column sums.
struct DataSyntheticTests {
    @Test func irisHasThePublishedValues() {
        let iris = Datasets.iris()
        #expect(iris.x.rows == 150 && iris.x.cols == 4 && iris.y.cols == 1)
        let sums = (0..<4).map { iris.x.column($0).reduce(0, +) }
        for (sum, published) in zip(sums, [876.5, 458.6, 563.7, 179.9]) {
            #expect(abs(sum - published) < 1e-3, "column sums \(sums)")
        }
        #expect((0..<3).map { label in iris.y.data.filter { $0 == Float(label) }.count } == [50, 50, 50])
        #expect(iris.x.row(0) == [5.1, 3.5, 1.4, 0.2] && iris.x.row(149) == [5.9, 3.0, 5.1, 1.8])
        #expect(Datasets.irisClassNames.count == 3 && Datasets.irisFeatureNames.count == 4)
    }

    @Test func circlesLieOnTwoRadii() {
        let circles = Datasets.circles(samples: 101, factor: 0.5, seed: 7)
        #expect(circles.x.rows == 101 && circles.x.cols == 2)
        for row in 0..<circles.count {
            let radius = (circles.x.column(0)[row] * circles.x.column(0)[row]
                + circles.x.column(1)[row] * circles.x.column(1)[row]).squareRoot()
            let expected = circles.y[row, 0] == 0 ? 1.0 : 0.5
            #expect(abs(radius - expected) < 1e-6, "row \(row): radius \(radius)")
        }
        // make_circles puts n // 2 points on the outer circle.
        #expect(circles.y.data.filter { $0 == 0 }.count == 50)
        // Shuffled: the labels are not in generation order.
        #expect(circles.y.data != circles.y.data.sorted())
    }

    @Test func noisyCirclesAreReproducibleAndNoisy() {
        let a = Datasets.circles(samples: 1000, noise: 0.03, seed: 42)
        #expect(a == Datasets.circles(samples: 1000, noise: 0.03, seed: 42))
        #expect(a != Datasets.circles(samples: 1000, noise: 0.03, seed: 43))
        let radii = (0..<a.count).map { (Double(a.x[$0, 0]) * Double(a.x[$0, 0]) + Double(a.x[$0, 1]) * Double(a.x[$0, 1])).squareRoot() }
        let outer = zip(radii, a.y.data).filter { $0.1 == 0 }.map(\.0)
        let mean = outer.reduce(0, +) / Double(outer.count)
        #expect(abs(mean - 1) < 0.01 && outer.contains { abs($0 - 1) > 0.01 })
    }

    @Test func moonsFollowScikitLearnsHalfCircles() {
        let moons = Datasets.moons(samples: 9, seed: 1)
        #expect(moons.count == 9 && moons.y.data.filter { $0 == 0 }.count == 4)
        for row in 0..<moons.count {
            let (x, y) = (Double(moons.x[row, 0]), Double(moons.x[row, 1]))
            if moons.y[row, 0] == 0 {
                #expect(abs(x * x + y * y - 1) < 1e-6 && y >= -1e-7)  // upper unit half circle
            } else {
                #expect(abs((x - 1) * (x - 1) + (y - 0.5) * (y - 0.5) - 1) < 1e-6 && y <= 0.5 + 1e-7)
            }
        }
        // Both ends of each half circle are included (numpy.linspace with its endpoint).
        let rows = moons.x.rowArrays
        #expect(rows.contains { abs($0[0] + 1) < 1e-6 && abs($0[1]) < 1e-6 })
        #expect(rows.contains { abs($0[0] - 2) < 1e-6 && abs($0[1] - 0.5) < 1e-6 })
    }

    @Test func blobsHaveBalancedClassesAroundCentresInTheBox() {
        let blobs = Datasets.blobs(samples: 1000, centers: 3, features: 2, spread: 2, seed: 2)
        #expect(blobs.x.rows == 1000 && blobs.x.cols == 2)
        let counts = (0..<3).map { label in blobs.y.data.filter { $0 == Float(label) }.count }
        #expect(counts == [334, 333, 333])
        for label in 0..<3 {
            let rows = (0..<1000).filter { blobs.y[$0, 0] == Float(label) }
            for column in 0..<2 {
                let values = rows.map { Double(blobs.x[$0, column]) }
                let mean = values.reduce(0, +) / Double(values.count)
                let deviation = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot()
                #expect(abs(mean) < 10 + 0.5, "centre \(mean) outside the box")
                #expect(abs(deviation - 2) < 0.25, "deviation \(deviation)")
            }
        }
        #expect(Datasets.blobs(samples: 10, centers: 4, features: 5, seed: 1).x.cols == 5)
    }

    @Test func bodyMassIndexLabelsFollowTheFormula() {
        let people = Datasets.bodyMassIndex(samples: 500, seed: 42)
        #expect(people.x.rows == 500 && people.x.cols == 3 && people.y.cols == 1)
        #expect(people == Datasets.bodyMassIndex(samples: 500, seed: 42))
        for row in 0..<500 {
            let (gender, height, weight) = (people.x[row, 0], Double(people.x[row, 1]), Double(people.x[row, 2]))
            #expect(gender == 0 || gender == 1)
            #expect(height >= 140 && height <= 205 && height == height.rounded() && weight == weight.rounded())
            let bmi = weight / (height / 100 * height / 100)
            let expected = bmi < 16 ? 0 : bmi < 18.5 ? 1 : bmi < 25 ? 2 : bmi < 30 ? 3 : bmi < 40 ? 4 : 5
            #expect(people.y[row, 0] == Float(expected), "row \(row): BMI \(bmi)")
        }
        let counts = (0..<6).map { label in people.y.data.filter { $0 == Float(label) }.count }
        #expect(counts.allSatisfy { $0 >= 10 }, "every class needs examples, got \(counts)")
        #expect(Datasets.bodyMassIndexClassNames == ["Extremely Weak", "Weak", "Normal", "Overweight", "Obesity",
                                                     "Extreme Obesity"])
    }
}
