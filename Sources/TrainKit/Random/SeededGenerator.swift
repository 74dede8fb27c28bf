#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The engine's one source of randomness: xoshiro256** seeded through SplitMix64.
///
/// The same seed gives the same stream on every machine and core count, so weights, shuffles and
/// generated datasets are reproducible. Uniform floats take the top 24 (Float) or 53 (Double) bits;
/// normal values use the Box–Muller transform, both values of a pair used in turn.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)
    private var spareNormal: Double?

    /// A generator whose whole stream is determined by `seed`.
    public init(seed: UInt64) {
        var splitMix = seed
        func nextSplitMix() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (nextSplitMix(), nextSplitMix(), nextSplitMix(), nextSplitMix())
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    /// A uniform `Double` in `0 ..< 1`.
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform `Double` in `low ..< high`.
    public mutating func nextUniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * nextUniform()
    }

    /// A standard normal `Double` (mean 0, deviation 1), by Box–Muller.
    public mutating func nextNormal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        var u1 = nextUniform()
        while u1 <= .leastNormalMagnitude { u1 = nextUniform() }
        let u2 = nextUniform()
        let radius = (-2 * log(u1)).squareRoot()
        let angle = 2 * Double.pi * u2
        spareNormal = radius * sin(angle)
        return radius * cos(angle)
    }

    /// A uniformly random integer in `0 ..< bound`, without modulo bias.
    public mutating func nextInt(below bound: Int) -> Int {
        require(bound > 0, "bound must be positive, but got \(bound).")
        return Int(next(upperBound: UInt64(bound)))
    }

    /// A random permutation of `0 ..< count` (Fisher–Yates, drawing from the end).
    public mutating func permutation(_ count: Int) -> [Int] {
        var indices = Array(0..<count)
        var i = count - 1
        while i > 0 {
            let j = nextInt(below: i + 1)
            indices.swapAt(i, j)
            i -= 1
        }
        return indices
    }

    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}

extension SeededGenerator {
    /// A generator from the `Int` seeds the notebook API takes (the same stream as the bit pattern).
    public init(seed: Int) {
        self.init(seed: UInt64(bitPattern: Int64(seed)))
    }
}

extension SeededGenerator: Equatable {
    /// Whether both will draw the same stream from here on.
    public static func == (a: SeededGenerator, b: SeededGenerator) -> Bool {
        a.state == b.state && a.spareNormal.map(\.bitPattern) == b.spareNormal.map(\.bitPattern)
    }
}
