/// What Adam, Adamax and Nadam share: two decay rates, ε, a first moment `m` per tensor and a
/// second statistic (the second moment `v`, or Adamax's infinity norm `u`).
///
/// β1 is the family's momentum: a cycled momentum schedule (a one-cycle policy) replaces it step
/// by step, in the moment update and in the bias corrections alike.
public protocol AdamFamily: Optimizer where State == AdamMoments {
    /// Decay of the first moment (the momentum).
    var beta1: Double { get }
    /// Decay of the second statistic.
    var beta2: Double { get }
    /// The ε of the denominator.
    var epsilon: Double { get }
}

extension AdamFamily {
    /// β1.
    public var momentum: Double { beta1 }

    /// Zero moments.
    public func newState(count: Int) -> AdamMoments {
        AdamMoments(first: stateTensor(count), second: stateTensor(count), secondMax: [])
    }
}

/// The per-tensor state of the Adam family.
public struct AdamMoments: Sendable {
    /// The first moment `m`.
    var first: [Float]
    /// The second moment `v` (Adamax: the infinity norm `u`).
    var second: [Float]
    /// AMSGrad's running maximum of `v` (empty without AMSGrad).
    var secondMax: [Float]

    /// Runs `body` on the storage of `first` and `second`.
    @inline(__always)
    mutating func withMoments<R>(_ body: (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>) -> R) -> R {
        withStorage(&first, &second, body)
    }
}

/// The first-moment update of the family: `m + (g − m)(1 − β1)`, with `keep` = 1 − β1.
@inline(__always)
func movedFirstMoment<Lanes: UpdateLanes>(_ m: Lanes, _ g: Lanes, keep: Lanes) -> Lanes {
    (m + (g - m) * keep).flushedSubnormal
}

/// The second-moment update of Adam and Nadam: `v + (g² − v)(1 − β2)`, with `keep` = 1 − β2.
@inline(__always)
func movedSecondMoment<Lanes: UpdateLanes>(_ v: Lanes, _ g: Lanes, keep: Lanes) -> Lanes {
    (v + (g * g - v) * keep).flushedSubnormal
}

/// Adam's and Nadam's two moments at `m` and `v` moved by `gradient`, stored back and returned.
@inline(__always)
func movedMoments<Lanes: UpdateLanes>(_ m: UnsafeMutablePointer<Float>, _ v: UnsafeMutablePointer<Float>, _ gradient: Lanes,
                                      keep1: Float, keep2: Float) -> (first: Lanes, second: Lanes) {
    let first = movedFirstMoment(Lanes(at: m), gradient, keep: Lanes(splat: keep1))
    let second = movedSecondMoment(Lanes(at: v), gradient, keep: Lanes(splat: keep2))
    first.store(at: m)
    second.store(at: v)
    return (first, second)
}

/// Checks β1 and β2 of a family member with Keras's message.
func requireBetas(_ beta1: Double, _ beta2: Double, in optimizer: String) {
    requireUnitInterval(beta1, "beta_1", in: optimizer)
    requireUnitInterval(beta2, "beta_2", in: optimizer)
}
