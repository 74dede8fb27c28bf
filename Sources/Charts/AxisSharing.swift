/// Which panels of a grid draw an axis with one set of limits, like matplotlib's `sharex`/`sharey`.
///
/// Grids share both axes by default, so panels compare like with like:
/// `Figure(rows: 2, cols: 2, sharedY: .none)` lets every panel choose its own y range again, and
/// `fig.sharedX = .columns` lines up only the panels stacked in one column.
public enum AxisSharing: String, Sendable, Codable, CaseIterable {
    /// Every panel chooses its own limits.
    case none
    /// All panels share one range.
    case all
    /// Panels in the same row share one range.
    case rows
    /// Panels in the same column share one range.
    case columns

    /// The key of the sharing group of the panel at `row`, `col`; nil when the panel shares nothing.
    func group(row: Int, col: Int) -> Int? {
        switch self {
        case .none: return nil
        case .all: return 0
        case .rows: return row
        case .columns: return col
        }
    }
}

/// The panels that share one axis: the same sharing group, data on the axis, the same scale, no
/// categories, and labels that do not contradict one another (a panel labelled "loss" never shares
/// with one labelled "accuracy"; an unlabelled panel joins either). Panels with explicit limits keep
/// them and share only with panels given the same limits (for their tick labels).
struct SharingGroups {
    /// The groups of panel indices, each with at least two panels.
    var groups: [[Int]]

    /// - Parameters:
    ///   - axes: the panels, row-major.
    ///   - cols: the grid's column count.
    ///   - sharing: the figure's choice for this axis.
    ///   - isX: true for the x axis, false for y.
    init(axes: [Axes], cols: Int, sharing: AxisSharing, isX: Bool) {
        var byKey: [Int: [Int]] = [:]
        for (index, panel) in axes.enumerated() where SharingGroups.isEligible(panel, isX: isX) {
            guard let key = sharing.group(row: index / cols, col: index % cols) else { continue }
            byKey[key, default: []].append(index)
        }
        groups = byKey.keys.sorted().flatMap { key in
            SharingGroups.split(byKey[key]!, axes: axes, isX: isX)
        }.filter { $0.count > 1 }
    }

    /// The group holding panel `index`, if it shares this axis with another panel.
    func group(of index: Int) -> [Int]? {
        groups.first { $0.contains(index) }
    }

    private static func isEligible(_ panel: Axes, isX: Bool) -> Bool {
        guard !panel.isEmpty, panel.marks.contains(where: { $0.layer != .annotation }) else { return false }
        return !isX || !panel.marks.contains { $0.categories != nil }
    }

    /// The explicit limits of a panel's axis, if any.
    static func explicitLimits(_ panel: Axes, isX: Bool) -> ClosedRange<Double>? {
        isX ? panel.xLimits : panel.yLimits
    }

    /// Splits candidates by scale and explicit limits; a group whose labels disagree shares nothing.
    private static func split(_ indices: [Int], axes: [Axes], isX: Bool) -> [[Int]] {
        var byScale: [(AxisScale, ClosedRange<Double>?, [Int])] = []
        for index in indices {
            let scale = isX ? axes[index].xScale : axes[index].yScale
            let limits = explicitLimits(axes[index], isX: isX)
            if let slot = byScale.firstIndex(where: { $0.0 == scale && $0.1 == limits }) { byScale[slot].2.append(index) }
            else { byScale.append((scale, limits, [index])) }
        }
        return byScale.map(\.2).filter { group in
            let labels = Set(group.compactMap { isX ? axes[$0].xLabel : axes[$0].yLabel })
            return labels.count <= 1
        }
    }
}
