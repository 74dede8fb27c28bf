#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The datasets of the tutorials: toy classification sets generated like scikit-learn's
/// `make_circles`, `make_moons` and `make_blobs` (same geometry, class sizes and shuffling, drawn
/// from TrainBook's seeded generator), Fisher's iris, a synthetic body-mass-index table, CSV files,
/// and MNIST / Fashion-MNIST from the cache folder.
public enum Datasets {
    /// Two concentric circles (scikit-learn `make_circles`): `samples / 2` points on the outer unit
    /// circle (class 0), the rest on an inner circle of radius `factor` (class 1), evenly spaced,
    /// shuffled, then moved by Gaussian noise of deviation `noise`.
    public static func circles(samples: Int = 100, noise: Double = 0, factor: Double = 0.8,
                               seed: Int = 0) -> Dataset {
        require(factor >= 0 && factor < 1, "factor must be in [0, 1), but got \(factor).")
        let outer = samples / 2, inner = samples - outer
        func ring(_ count: Int, radius: Double) -> [[Double]] {
            (0..<count).map { i in
                let angle = 2 * Double.pi * Double(i) / Double(count)
                return [cos(angle) * radius, sin(angle) * radius]
            }
        }
        let points = ring(outer, radius: 1) + ring(inner, radius: factor)
        return shuffledWithNoise(points, labels: labels([outer, inner]), noise: noise, seed: seed)
    }

    /// Two interleaving half circles (scikit-learn `make_moons`): `samples / 2` points on the upper
    /// half of the unit circle (class 0), the rest on a lower half circle shifted by (1, 0.5)
    /// (class 1), shuffled, then moved by Gaussian noise of deviation `noise`.
    public static func moons(samples: Int = 100, noise: Double = 0, seed: Int = 0) -> Dataset {
        let outer = samples / 2, inner = samples - outer
        // numpy.linspace(0, π, n) includes both ends.
        func angles(_ count: Int) -> [Double] {
            count == 1 ? [0] : (0..<count).map { Double.pi * Double($0) / Double(count - 1) }
        }
        let points = angles(outer).map { [cos($0), sin($0)] }
            + angles(inner).map { [1 - cos($0), 1 - sin($0) - 0.5] }
        return shuffledWithNoise(points, labels: labels([outer, inner]), noise: noise, seed: seed)
    }

    /// Gaussian blobs (scikit-learn `make_blobs`): `centers` centres drawn uniformly in the box
    /// (−10, 10) in every feature, `samples / centers` points around each (the first
    /// `samples % centers` centres get one more) with deviation `spread`, labelled by centre, shuffled.
    public static func blobs(samples: Int = 100, centers: Int = 3, features: Int = 2, spread: Double = 1,
                             seed: Int = 0) -> Dataset {
        require(centers > 0 && features > 0, "blobs need centers > 0 and features > 0, "
                + "but got centers: \(centers), features: \(features).")
        var generator = SeededGenerator(seed: seed)
        let middles = (0..<centers).map { _ in (0..<features).map { _ in generator.nextUniform(-10, 10) } }
        let sizes = (0..<centers).map { samples / centers + ($0 < samples % centers ? 1 : 0) }
        var points = [[Double]]()
        for (center, size) in zip(middles, sizes) {
            for _ in 0..<size {
                points.append(center.map { $0 + spread * generator.nextNormal() })
            }
        }
        let order = generator.permutation(points.count)
        let classes = labels(sizes)
        return Dataset(x: Matrix(order.map { points[$0].map(Float.init) }),
                       y: Matrix(order.map { [classes[$0]] }))
    }

    /// Class labels: `counts[0]` zeros, then `counts[1]` ones, and so on.
    static func labels(_ counts: [Int]) -> [Float] {
        counts.enumerated().flatMap { label, count in [Float](repeating: Float(label), count: count) }
    }

    /// Shuffles the points and their labels together, then adds noise, in scikit-learn's order.
    private static func shuffledWithNoise(_ points: [[Double]], labels: [Float], noise: Double,
                                          seed: Int) -> Dataset {
        var generator = SeededGenerator(seed: seed)
        let order = generator.permutation(points.count)
        let x = order.map { index in
            points[index].map { Float($0 + (noise > 0 ? noise * generator.nextNormal() : 0)) }
        }
        return Dataset(x: Matrix(rows: x.count, cols: 2, data: x.flatMap { $0 }),
                       y: Matrix(rows: x.count, cols: 1, data: order.map { labels[$0] }))
    }
}
