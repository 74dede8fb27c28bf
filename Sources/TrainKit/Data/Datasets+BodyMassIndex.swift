#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The body-mass-index table of the tutorials is a small Kaggle file of gender, height, weight and
// a 0...5 index. TrainBook cannot ship that file, so it generates a table of the same shape: it is
// SYNTHETIC, and only as realistic as the distributions below.
extension Datasets {
    /// The feature columns of ``bodyMassIndex(samples:seed:)``.
    public static let bodyMassIndexFeatureNames = ["Gender", "Height", "Weight"]
    /// The classes of ``bodyMassIndex(samples:seed:)``, by index.
    public static let bodyMassIndexClassNames = ["Extremely Weak", "Weak", "Normal", "Overweight", "Obesity",
                                                 "Extreme Obesity"]

    /// A synthetic table of people: gender (0 male, 1 female), height (whole cm) and weight
    /// (whole kg) → body-mass-index class 0...5 (see ``bodyMassIndexClassNames``).
    ///
    /// Heights are normal around 175.5 ± 7.5 cm (men) and 162 ± 7 cm (women), clamped to
    /// 140...205 cm. A body-mass index is drawn normal around 27 ± 8, clamped to 12...55 (wider
    /// than a real population, so every class has examples), and the weight is that index times
    /// the height squared, rounded. The class is then computed from the rounded height and weight
    /// with `BMI = kg / m²` and the thresholds 16, 18.5, 25, 30, 40, so labels and features agree
    /// exactly.
    public static func bodyMassIndex(samples: Int = 500, seed: Int = 0) -> Dataset {
        var generator = SeededGenerator(seed: seed)
        var x = [Float](), y = [Float]()
        x.reserveCapacity(samples * 3)
        y.reserveCapacity(samples)
        for _ in 0..<samples {
            let female = generator.nextUniform() < 0.5
            let (mean, deviation) = female ? (162.0, 7.0) : (175.5, 7.5)
            let height = min(max((mean + deviation * generator.nextNormal()).rounded(), 140), 205)
            let index = min(max(27 + 8 * generator.nextNormal(), 12), 55)
            let weight = (index * height * height / 10_000).rounded()
            x += [female ? 1 : 0, Float(height), Float(weight)]
            y.append(Float(bodyMassIndexClass(heightCentimetres: height, weightKilograms: weight)))
        }
        return Dataset(x: Matrix(rows: samples, cols: 3, data: x), y: Matrix(rows: samples, cols: 1, data: y))
    }

    /// The class 0...5 of a body-mass index `kg / m²`: below 16, 18.5, 25, 30, 40, and above.
    public static func bodyMassIndexClass(heightCentimetres: Double, weightKilograms: Double) -> Int {
        let metres = heightCentimetres / 100
        let index = weightKilograms / (metres * metres)
        return [16, 18.5, 25, 30, 40].firstIndex { index < $0 } ?? 5
    }
}
