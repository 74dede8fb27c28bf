/// The scale of one axis, as a notebook sets it: `fig.xScale = .log`, `.linear`, `.symlog(linthresh: 1)`,
/// or any ``Scale`` wrapped as `AxisScale(MyScale())`.
public struct AxisScale: Sendable, Equatable, CustomStringConvertible {
    /// The scale that does the work.
    public let scale: any Scale

    /// Wraps a scale for an axes' `xScale` or `yScale`.
    public init(_ scale: some Scale) {
        self.scale = scale
    }

    /// Equal steps in value are equal distances.
    public static let linear = AxisScale(LinearScale())
    /// Equal ratios are equal distances (base 10); values ≤ 0 are not drawn, as in matplotlib.
    public static let log = AxisScale(LogScale())

    /// Linear within ±`linthresh` and logarithmic outside, for curves that cross zero (matplotlib's
    /// `symlog`): `fig.yScale = .symlog(linthresh: 0.01)`.
    public static func symlog(linthresh: Double = 1) -> AxisScale {
        AxisScale(SymmetricLogScale(linthresh: linthresh))
    }

    /// Two axis scales are equal when they are the same scale with the same settings.
    public static func == (lhs: AxisScale, rhs: AxisScale) -> Bool {
        lhs.scale.isEqual(to: rhs.scale)
    }

    /// The scale and its settings, e.g. `SymmetricLogScale(linthresh: 0.01)`, for messages.
    public var description: String { String(describing: scale) }

    /// The coordinate of `value`, or nil when this scale cannot show it.
    func transform(_ value: Double) -> Double? { scale.transform(value) }

    /// The value at a coordinate.
    func inverse(_ coordinate: Double) -> Double { scale.inverse(coordinate) }

    /// Whether this scale can show `value`.
    func shows(_ value: Double) -> Bool { scale.transform(value) != nil }
}
