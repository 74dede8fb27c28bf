/// One colour a mark takes: the name that identifies it across panels and figures, and what was asked.
struct ColorRequest: Sendable {
    /// The label (or a scatter group's legend text); nil for an unnamed series, which keeps no identity.
    var identity: String?
    /// The colour asked for; nil takes a default palette colour.
    var color: SeriesColor?
}

/// A mark painted in series colours, which the figure assigns by label when it is drawn.
protocol SeriesColored: Mark {
    /// The colours it takes, in order (one per scatter group, one for every other mark).
    var colorRequests: [ColorRequest] { get }
    /// Sets the assigned paints, one per request.
    mutating func assignColors(_ paints: [Paint])
}

/// Assigns every series of a figure its colour, so that a label keeps one colour in every panel.
///
/// The rules, in order: an explicit colour stays (a palette colour such as `.orange` becomes its
/// themed slot); a label already named — by a ``SeriesColors`` key given to the figure, by an explicit
/// colour, or in an earlier panel — keeps its colour; a new label takes the lowest palette slot no
/// label of the figure holds and no series of its panel uses; an unlabelled series takes the lowest
/// slot free in its panel and among the labels named so far; `.of(label)` takes that series' colour.
/// With only unlabelled or distinct labels in one panel, this is matplotlib's cycle: 0, 1, 2, …
struct ColorAssignment {
    /// Identities named so far, and their paints.
    private var named: [String: Paint] = [:]
    /// Palette slots that belong to a name (or an explicit colour) anywhere in the figure.
    private var reserved: Set<Int> = []
    /// Where the search wraps around when all slots are taken.
    private var overflow = 0

    /// The figure's axes with every series colour assigned.
    static func resolve(_ axes: [Axes]) -> [Axes] {
        var assignment = ColorAssignment()
        return assignment.run(axes)
    }

    private mutating func run(_ axes: [Axes]) -> [Axes] {
        var axes = axes
        for key in axes.compactMap(\.seriesColors) {
            for (slot, label) in key.labels.enumerated() where named[label] == nil {
                name(label, .slot(Palette.wrap(slot)))
            }
        }
        nameExplicitColors(in: axes)
        var pending: [(panel: Int, mark: Int, paints: [Paint?])] = []
        for panel in axes.indices {
            // Marks that do not take assigned colours keep the slots they were added with.
            var used = Set<Int>()
            for (index, mark) in axes[panel].marks.enumerated() where !(mark is any SeriesColored) {
                used.formUnion(axes[panel].addedSlots[index].map(Palette.wrap))
            }
            for index in axes[panel].marks.indices {
                guard let mark = axes[panel].marks[index] as? any SeriesColored else { continue }
                let paints = mark.colorRequests.map { assign($0, used: &used) }
                pending.append((panel, index, paints))
            }
        }
        let requests = axes.flatMap(\.marks).compactMap { $0 as? any SeriesColored }.flatMap(\.colorRequests)
        for (panel, index, paints) in pending {
            guard var mark = axes[panel].marks[index] as? any SeriesColored else { continue }
            mark.assignColors(zip(paints, mark.colorRequests).map { paint, request in
                guard let paint else { return referenced(request, among: requests, depth: 0) }
                return paint
            })
            axes[panel].replaceMark(at: index, with: mark)
        }
        return axes
    }

    /// Names the labels drawn in an explicit colour first, so that the same label elsewhere takes it.
    private mutating func nameExplicitColors(in axes: [Axes]) {
        for mark in axes.flatMap(\.marks) {
            for request in (mark as? any SeriesColored)?.colorRequests ?? [] {
                guard let color = request.color, let paint = ColorAssignment.paint(color) else { continue }
                if case .slot(let slot) = paint { reserved.insert(slot) }
                if let identity = request.identity, named[identity] == nil { named[identity] = paint }
            }
        }
    }

    /// The paint of one request, or nil for `.of(label)`, which waits until every label is named.
    private mutating func assign(_ request: ColorRequest, used: inout Set<Int>) -> Paint? {
        let paint: Paint?
        if let color = request.color {
            paint = ColorAssignment.paint(color)
        } else if let identity = request.identity {
            if let known = named[identity] {
                paint = known
            } else {
                let slot = freeSlot(avoiding: reserved.union(used))
                name(identity, .slot(slot))
                paint = .slot(slot)
            }
        } else {
            paint = .slot(freeSlot(avoiding: reserved.union(used)))
        }
        if case .slot(let slot)? = paint { used.insert(slot) }
        return paint
    }

    /// The lowest palette slot not in `taken`; when all are taken, the next one round the cycle.
    private mutating func freeSlot(avoiding taken: Set<Int>) -> Int {
        if let free = Palette.entries.indices.first(where: { !taken.contains($0) }) { return free }
        defer { overflow += 1 }
        return overflow % Palette.entries.count
    }

    private mutating func name(_ identity: String, _ paint: Paint) {
        named[identity] = paint
        if case .slot(let slot) = paint { reserved.insert(slot) }
    }

    /// The paint of a palette or fixed colour; nil for `.of(label)`.
    static func paint(_ color: SeriesColor) -> Paint? {
        switch color.source {
        case .fixed: return .explicit(color)
        case .palette(let slot): return .slot(slot)
        case .series: return nil
        }
    }

    /// The colour of the series that `.of(label)` names, following chains of `.of` through the
    /// figure's requests as they were made.
    private func referenced(_ request: ColorRequest, among requests: [ColorRequest], depth: Int) -> Paint {
        guard case .series(let label)? = request.color?.source else {
            return request.color.flatMap(ColorAssignment.paint) ?? request.identity.flatMap { named[$0] } ?? .slot(0)
        }
        if let paint = named[label] { return paint }
        if depth < requests.count, let target = requests.first(where: { $0.identity == label }) {
            return referenced(target, among: requests, depth: depth + 1)
        }
        let labels = Set(requests.compactMap(\.identity)).sorted().map { "\"\($0)\"" }
        require(false, "color: .of(\"\(label)\") names no series of this figure; its labels are "
                + (labels.isEmpty ? "none" : labels.joined(separator: ", ")) + ".")
        return .slot(0)
    }
}

extension Paint {
    /// The explicit colour and palette slot a mark stores for this paint (`slot` stays for an explicit one).
    func colorAndSlot(keeping slot: Int) -> (SeriesColor?, Int) {
        switch self {
        case .slot(let assigned): return (nil, assigned)
        case .explicit(let color): return (color, slot)
        }
    }
}
