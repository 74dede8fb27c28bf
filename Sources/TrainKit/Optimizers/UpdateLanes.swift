import CLanes

/// The arithmetic of an optimizer's per-weight rule on one weight (`Float`) or on sixteen at once
/// (`SIMD16<Float>`), so that each rule is written once and runs vectorized.
///
/// A rule written on plain pointers did not vectorize (the compiler could not rule out that the
/// weights, gradient and state overlap) and ran one weight at a time: Adam's update was half of an
/// MNIST epoch. The lanes do exactly the scalar operations — separate multiply and add (Swift never
/// fuses them), IEEE square root and division, the same comparisons — so sixteen lanes give the same
/// bits as sixteen scalar steps.
protocol UpdateLanes {
    /// The value `value` in every lane.
    init(splat value: Float)
    /// The lanes at `pointer`.
    init(at pointer: UnsafePointer<Float>)
    /// Writes the lanes to `pointer`.
    func store(at pointer: UnsafeMutablePointer<Float>)
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    static func / (a: Self, b: Self) -> Self
    /// The square root of each lane.
    func squareRoot() -> Self
    /// Each lane without its sign, as `abs`.
    var magnitude: Self { get }
    /// Each lane of `b` where it is at least `a`'s, else `a`'s: `Swift.max(a, b)`, NaNs included.
    static func maximum(_ a: Self, _ b: Self) -> Self
    /// Zero in each lane whose magnitude is below the smallest normal float, else the lane.
    var flushedSubnormal: Self { get }
}

extension Float: UpdateLanes {
    @inline(__always) init(splat value: Float) { self = value }
    @inline(__always) init(at pointer: UnsafePointer<Float>) { self = pointer.pointee }
    @inline(__always) func store(at pointer: UnsafeMutablePointer<Float>) { pointer.pointee = self }
    @inline(__always) static func maximum(_ a: Float, _ b: Float) -> Float { max(a, b) }
    @inline(__always) var flushedSubnormal: Float { flushSubnormal(self) }
}

extension SIMD16: UpdateLanes where Scalar == Float {
    @inline(__always) init(splat value: Float) { self.init(repeating: value) }
    @inline(__always) func squareRoot() -> SIMD16<Float> { clanes_sqrt16(self) }
    @inline(__always) init(at pointer: UnsafePointer<Float>) {
        self = UnsafeRawPointer(pointer).loadUnaligned(as: SIMD16<Float>.self)
    }
    @inline(__always) func store(at pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: self, as: SIMD16<Float>.self)
    }
    @inline(__always) var magnitude: SIMD16<Float> {
        unsafeBitCast(unsafeBitCast(self, to: SIMD16<UInt32>.self) & 0x7fff_ffff, to: SIMD16<Float>.self)
    }
    @inline(__always) static func maximum(_ a: SIMD16<Float>, _ b: SIMD16<Float>) -> SIMD16<Float> {
        a.replacing(with: b, where: b .>= a)
    }
    @inline(__always) var flushedSubnormal: SIMD16<Float> {
        replacing(with: 0, where: magnitude .< Float.leastNormalMagnitude)
    }
}

/// An optimizer's rule for the weights at one index of a tensor (and their state), in lanes.
protocol ElementwiseUpdate {
    /// Updates the weights (and state) at `index ..< index + lanes`.
    func update<Lanes: UpdateLanes>(at index: Int, _ lanes: Lanes.Type)
}

extension ElementwiseUpdate {
    /// Runs the rule on `count` weights: sixteen at a time, then one at a time for the rest.
    @inline(__always)
    func run(count: Int) {
        var index = 0
        while index + 16 <= count {
            update(at: index, SIMD16<Float>.self)
            index += 16
        }
        while index < count {
            update(at: index, Float.self)
            index += 1
        }
    }
}
