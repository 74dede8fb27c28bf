/// A one-dimensional, invertible map from data values to pixels along one axis.
struct ScaleMap: Sendable {
    /// The scale of the axis.
    var scale: AxisScale
    /// The data limits (lower, upper); both representable on `scale`.
    var limits: (lower: Double, upper: Double)
    /// The pixel positions of the lower and upper limits (the upper may be the smaller pixel, as on a y axis).
    var pixels: (lower: Double, upper: Double)

    init(scale: AxisScale, limits: (Double, Double), pixels: (Double, Double)) {
        require(scale.shows(limits.0) && scale.shows(limits.1) && limits.0 < limits.1,
                "scale limits must be representable and increasing, but got \(limits) on \(scale).")
        self.scale = scale
        self.limits = (limits.0, limits.1)
        self.pixels = (pixels.0, pixels.1)
    }

    /// The pixel position of `value`, or nil when the scale cannot show it.
    func pixel(_ value: Double) -> Double? {
        guard let t = scale.transform(value) else { return nil }
        let lo = scale.transform(limits.lower)!
        let hi = scale.transform(limits.upper)!
        return pixels.lower + (t - lo) / (hi - lo) * (pixels.upper - pixels.lower)
    }

    /// The data value at a pixel position (the inverse of `pixel`).
    func value(atPixel pixel: Double) -> Double {
        let lo = scale.transform(limits.lower)!
        let hi = scale.transform(limits.upper)!
        return scale.inverse(lo + (pixel - pixels.lower) / (pixels.upper - pixels.lower) * (hi - lo))
    }

    /// Whether `value` lies within the limits (with a tolerance for rounding at the edges).
    func contains(_ value: Double) -> Bool {
        guard let p = pixel(value) else { return false }
        return p >= min(pixels.lower, pixels.upper) - 0.01 && p <= max(pixels.lower, pixels.upper) + 0.01
    }
}
