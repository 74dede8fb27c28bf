/// The data-space decisions for every panel of a figure, with shared axes resolved across panels.
///
/// A group of panels sharing y gets one range, computed from the non-diverging parts of all its
/// curves: a curve that jumps or blows up is clipped with a note (as on a single axes), and so is a
/// curve outgrowing the stable curves of the other panels tenfold, so one exploding panel never
/// flattens the rest. A group that shows accuracy spans 0…1 (``AccuracyAxis``).
struct SharedAxes {
    /// The resolved panels, row-major.
    var panels: [ResolvedAxes]
    /// The panels sharing x, and those sharing y.
    var xGroups: SharingGroups
    var yGroups: SharingGroups

    init(_ figure: Figure) {
        let axes = figure.axes
        xGroups = SharingGroups(axes: axes, cols: figure.cols, sharing: figure.sharedX, isX: true)
        yGroups = SharingGroups(axes: axes, cols: figure.cols, sharing: figure.sharedY, isX: false)
        var shared = axes.map { _ in SharedLimits() }
        for group in xGroups.groups where axes[group[0]].xLimits == nil {
            var range: DataRange?
            for index in group {
                if let own = ResolvedAxes.xRange(axes[index], categories: nil) { range.include(own.lower); range.include(own.upper) }
            }
            let limits = paddedLimits(range, scale: axes[group[0]].xScale)
            for index in group { shared[index].x = limits }
        }
        for group in yGroups.groups where axes[group[0]].yLimits == nil {
            let divergences = SharedAxes.groupDivergences(group, axes: axes)
            var allAccuracy = true
            for index in group {
                shared[index].divergences = divergences[index] ?? [:]
                let own = ResolvedAxes.yRange(axes[index], divergences: divergences[index] ?? [:])
                allAccuracy = allAccuracy && AccuracyAxis.holds(axes[index], range: own)
            }
            // The curves that do not diverge decide the range; the others are clipped where they leave it.
            let range = SharedAxes.yRange(group, axes: axes, divergences: divergences, stableOnly: true)
                ?? SharedAxes.yRange(group, axes: axes, divergences: divergences, stableOnly: false)
            let limits = allAccuracy ? AccuracyAxis.limits : SharedAxes.paddedY(range, group: group, axes: axes)
            for index in group { shared[index].y = limits }
        }
        panels = axes.indices.map { ResolvedAxes(axes[$0], shared: shared[$0]) }
    }

    /// Each panel's own divergences, plus its curves that outgrow the group's stable curves.
    private static func groupDivergences(_ group: [Int], axes: [Axes]) -> [Int: [Int: Divergence]] {
        var result: [Int: [Int: Divergence]] = [:]
        var curves: [Int: [Double]] = [:], own: [Int: Divergence] = [:]
        var keys: [(panel: Int, mark: Int)] = []
        for index in group {
            let divergences = ResolvedAxes.ownDivergences(axes[index])
            result[index] = divergences
            for (mark, item) in axes[index].marks.enumerated() {
                guard let curve = item.curve else { continue }
                curves[keys.count] = curve.y
                own[keys.count] = divergences[mark]
                keys.append((index, mark))
            }
        }
        guard !axes[group[0]].yScale.scale.compressesGrowth else { return result }
        for (key, divergence) in outgrowing(curves, divergences: own) {
            let (panel, mark) = keys[key]
            if let existing = result[panel]?[mark], existing.threshold <= divergence.threshold { continue }
            result[panel, default: [:]][mark] = divergence
        }
        return result
    }

    /// The y values of a group's panels, leaving out the exploding parts (or, with `stableOnly`, every
    /// diverging curve).
    private static func yRange(_ group: [Int], axes: [Axes], divergences: [Int: [Int: Divergence]],
                               stableOnly: Bool) -> DataRange? {
        var range: DataRange?
        for index in group {
            let own = ResolvedAxes.yRange(axes[index], divergences: divergences[index] ?? [:], stableOnly: stableOnly)
            if let own { range.include(own.lower); range.include(own.upper) }
        }
        return range
    }

    /// Padded limits around a group's range; bars keep standing on zero.
    private static func paddedY(_ range: DataRange?, group: [Int], axes: [Axes]) -> (Double, Double) {
        let scale = axes[group[0]].yScale
        var limits = paddedLimits(range, scale: scale)
        let hasBars = group.contains { index in axes[index].marks.contains { $0.categories != nil } }
        if hasBars, scale.shows(0), limits.0 < 0, range?.lower == 0 { limits.0 = 0 }
        return limits
    }
}
