/// `e^x` for eight floats at once, computed as the GNU C library's `expf` computes one (glibc 2.27
/// and later, its variant for CPUs with fused multiply-add, `sysdeps/ieee754/flt-32/e_expf.c`):
/// the same table, polynomial and operations in the same order, each product-sum fused where that
/// variant fuses it. On glibc it returns `expf`'s bits for every input (`ExpLanesTests` with
/// `TRAINBOOK_EXHAUSTIVE=1` compares all 2³² of them), so a softmax computed with it is bit for
/// bit the softmax computed with `expf`, several times faster: a call per value was most of a
/// 10-class softmax.
///
/// Where `expf` leaves its computation (overflow, underflow, infinities, NaN) the lanes take the
/// values it returns there; a softmax of a confident network has many inputs below −104.
@inline(__always)
func expLanes(_ x: SIMD8<Float>) -> SIMD8<Float> {
    let entries = ExpConstants.table
    let xd = SIMD8<Double>(lowHalf: SIMD4<Double>(x.lowHalf), highHalf: SIMD4<Double>(x.highHalf))
    // x · 32/ln 2 = k + r with an integer k (rounded by adding 1.5 · 2⁵²) and |r| <= 1/2.
    let shifted = ExpConstants.shift.addingProduct(ExpConstants.invLn2N, xd)
    let k = unsafeBitCast(shifted, to: SIMD8<UInt64>.self)
    let kd = shifted - ExpConstants.shift
    let r = (-kd).addingProduct(ExpConstants.invLn2N, xd)
    // 2^(k/32): the table's 2^((k mod 32)/32) with k div 32 added to its exponent.
    var table = SIMD8<UInt64>()
    for lane in 0..<8 { table[lane] = entries[Int(truncatingIfNeeded: k[lane] & 31)] }
    let s = unsafeBitCast(table &+ (k &<< 47), to: SIMD8<Double>.self)
    // 2^(r/32) ≈ C0·r³ + C1·r² + C2·r + 1.
    let z = ExpConstants.c1.addingProduct(ExpConstants.c0, r)
    let r2 = r * r
    var y = SIMD8<Double>(repeating: 1).addingProduct(r, ExpConstants.c2)
    y = y.addingProduct(z, r2)
    y *= s
    var result = SIMD8<Float>(lowHalf: SIMD4<Float>(y.lowHalf), highHalf: SIMD4<Float>(y.highHalf))
    // expf's exits before the computation (the lanes above are then meaningless): above
    // log(2¹²⁸) it overflows to infinity; below log(2⁻¹⁵⁰) it underflows to zero, and from there
    // to log(2⁻¹⁴⁹) it returns the smallest subnormal; NaN passes through (as x + x).
    result.replace(with: .infinity, where: x .> 0x1.62e42ep6)
    result.replace(with: .leastNonzeroMagnitude, where: x .< -0x1.9d1d9ep6)
    result.replace(with: 0, where: x .< -0x1.9fe368p6)
    result.replace(with: x + x, where: x .!= x)
    return result
}

/// glibc's `__exp2f_data` (`sysdeps/ieee754/flt-32/e_exp2f_data.c`), as `expf` uses it.
private enum ExpConstants {
    /// 32 / ln 2.
    static var invLn2N: SIMD8<Double> { SIMD8(repeating: 0x1.71547652b82fep+5) }
    /// 1.5 · 2⁵²: adding it rounds a double to an integer held in the low bits.
    static var shift: SIMD8<Double> { SIMD8(repeating: 0x1.8p+52) }
    /// The polynomial's coefficients, scaled for r in units of 1/32.
    static var c0: SIMD8<Double> { SIMD8(repeating: 0x1.c6af84b912394p-20) }
    static var c1: SIMD8<Double> { SIMD8(repeating: 0x1.ebfce50fac4f3p-13) }
    static var c2: SIMD8<Double> { SIMD8(repeating: 0x1.62e42ff0c52d6p-6) }
    /// The bits of 2^(i/32) minus i << 47, for i in 0..<32, where a pointer reads them without a
    /// bounds check or a reference count (the coefficients above are literals, folded where used).
    static let table: UnsafePointer<UInt64> = {
        let entries = UnsafeMutablePointer<UInt64>.allocate(capacity: 32)
        entries.initialize(from: tableValues, count: 32)
        return UnsafePointer(entries)
    }()
    private static let tableValues: [UInt64] = [
        0x3ff0000000000000, 0x3fefd9b0d3158574, 0x3fefb5586cf9890f, 0x3fef9301d0125b51,
        0x3fef72b83c7d517b, 0x3fef54873168b9aa, 0x3fef387a6e756238, 0x3fef1e9df51fdee1,
        0x3fef06fe0a31b715, 0x3feef1a7373aa9cb, 0x3feedea64c123422, 0x3feece086061892d,
        0x3feebfdad5362a27, 0x3feeb42b569d4f82, 0x3feeab07dd485429, 0x3feea47eb03a5585,
        0x3feea09e667f3bcd, 0x3fee9f75e8ec5f74, 0x3feea11473eb0187, 0x3feea589994cce13,
        0x3feeace5422aa0db, 0x3feeb737b0cdc5e5, 0x3feec49182a3f090, 0x3feed503b23e255d,
        0x3feee89f995ad3ad, 0x3feeff76f2fb5e47, 0x3fef199bdd85529c, 0x3fef3720dcef9069,
        0x3fef5818dcfba487, 0x3fef7c97337b9b5f, 0x3fefa4afa2a490da, 0x3fefd0765b6e4540,
    ]
}
