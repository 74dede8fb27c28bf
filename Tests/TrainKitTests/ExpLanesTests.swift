import Foundation
import Testing
@testable import TrainKit

/// `expLanes` against the C library's `expf`, the function it stands in for in the softmax. On
/// glibc for x86-64, whose `expf` on a CPU with fused multiply-add (every one since 2013) runs the
/// operations `expLanes` copies, every result must have `expf`'s bits: a wrong coefficient or a
/// product-sum not fused shows as inputs rounded the other way. Elsewhere (another C library, or
/// glibc for ARM, which rounds `x · 32/ln 2` to an integer its own way) each result must be within
/// one unit in the last place and such inputs rare.
///
/// The default sample takes every 61st bit pattern (70 million floats, both signs, every
/// exponent); `TRAINBOOK_EXHAUSTIVE=1` checks all 2³² (glibc 2.36 on x86-64: every one the same,
/// 154 s).
struct ExpLanesTests {
    @Test func matchesTheCLibraryExpOnEveryExponentAndTheSpecialValues() {
        let exhaustive = ProcessInfo.processInfo.environment["TRAINBOOK_EXHAUSTIVE"] == "1"
        let stride: UInt64 = exhaustive ? 1 : 61
        var checked = 0, different = 0, farther = 0
        var firstFar: UInt32?
        var bits: UInt64 = 0
        var lanes = SIMD8<Float>()
        while bits < (1 << 32) {
            for lane in 0..<8 {
                lanes[lane] = Float(bitPattern: UInt32(truncatingIfNeeded: min(bits + UInt64(lane) * stride, (1 << 32) - 1)))
            }
            let result = expLanes(lanes)
            for lane in 0..<8 {
                let expected = expf(lanes[lane]), got = result[lane]
                checked += 1
                if expected.bitPattern == got.bitPattern || (expected.isNaN && got.isNaN) { continue }
                different += 1
                let apart = abs(Int64(expected.bitPattern) - Int64(got.bitPattern))
                if apart > 1 || expected.sign != got.sign {
                    farther += 1
                    if firstFar == nil { firstFar = lanes[lane].bitPattern }
                }
            }
            bits += 8 * stride
        }
        for special: Float in [0, -0, 1, -1, 88, -88, 88.7, -103.9, -104, .infinity, -.infinity, .nan,
                               .leastNonzeroMagnitude, -.greatestFiniteMagnitude] {
            let got = expLanes(SIMD8(repeating: special))[3], expected = expf(special)
            #expect(got.bitPattern == expected.bitPattern || (got.isNaN && expected.isNaN), "e^\(special)")
        }
        #if canImport(Glibc) && arch(x86_64)
        // The only two floats whose e^x rounds the other way when r = x · 32/ln 2 − k is rounded
        // twice instead of once (found by the exhaustive check): the fused step is needed.
        for hard: UInt32 in [0x4202_422F, 0xC27C_65D9] {
            let x = Float(bitPattern: hard)
            #expect(expLanes(SIMD8(repeating: x))[5].bitPattern == expf(x).bitPattern, "e^\(x)")
        }
        #endif
        #expect(farther == 0, "\(farther) of \(checked) results more than one unit from expf, the first for the bits \(String(firstFar ?? 0, radix: 16))")
        #if canImport(Glibc) && arch(x86_64)
        #expect(different == 0, "\(different) of \(checked) results differ from expf by one unit")
        #else
        #expect(different * 10_000 <= checked, "\(different) of \(checked) results differ from expf by one unit")
        #endif
    }

    /// The softmax of blocks of 1 to 5 rows, 1 to 40 wide (whole eights, pieces, fewer than eight
    /// values in all) against Keras's stable softmax computed a value at a time with `expf`, each
    /// row summed in column order: the same bits. Rows include values 100 below their maximum
    /// (`expf` underflows there), ties and an infinite logit.
    @Test func softmaxBlocksOfEveryShapeHaveTheBitsOfExpfOneValueAtATime() {
        var random = SeededGenerator(seed: 11)
        for cols in 1...40 {
            for rows in 1...5 {
                for trial in 0..<4 {
                    var block: [Float] = (0..<rows * cols).map { i in
                        let k = i % cols
                        if trial == 1 && k % 3 == 1 { return -100 }
                        if trial == 2 && k % 4 == 2 { return 2.5 }
                        if trial == 3 && i == cols / 2 { return -.infinity }
                        return Float(random.nextUniform(-12, 12))
                    }
                    var expected: [Float] = []
                    for r in 0..<rows {
                        let row = block[r * cols ..< (r + 1) * cols]
                        let maximum = row.max()!
                        let exps = row.map { expf($0 - maximum) }
                        var sum: Float = 0
                        for e in exps { sum += e }
                        expected += exps.map { $0 / sum }
                    }
                    block.withUnsafeMutableBufferPointer { softmaxRows($0.baseAddress!, rows: rows, cols: cols) }
                    #expect(block.map(\.bitPattern) == expected.map(\.bitPattern), "\(rows) × \(cols), trial \(trial)")
                }
            }
        }
    }
}
