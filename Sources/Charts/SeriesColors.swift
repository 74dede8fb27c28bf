/// Colours fixed in advance for a list of series labels, so that the same candidates keep the same
/// colours in every figure of a page: the first label takes the first palette colour, the second the
/// second, and so on. Give the key to each figure; labels it does not list take the slots it leaves free.
///
/// ```swift
/// let colors = SeriesColors("SGD", "Adam", "RMSprop")
/// var losses = Figure(title: "Loss"); losses.seriesColors = colors
/// var accuracies = Figure(title: "Accuracy"); accuracies.seriesColors = colors
/// bars.bar(labels: names, values: finals, color: colors["Adam"])   // one colour by name
/// ```
public struct SeriesColors: Equatable, Sendable {
    /// The labels, in palette order.
    public let labels: [String]

    /// A key for `labels`, in palette order; each label at most once.
    public init(_ labels: [String]) {
        require(Set(labels).count == labels.count, "SeriesColors lists a label twice: \(labels).")
        self.labels = labels
    }

    /// A key for the labels given, in palette order.
    public init(_ labels: String...) { self.init(labels) }

    /// The colour of `label`: its palette colour, themed like the defaults. A label the key does not
    /// list stops the program with the labels it has.
    public subscript(label: String) -> SeriesColor {
        guard let slot = labels.firstIndex(of: label) else {
            require(false, "SeriesColors has no label \"\(label)\"; it has \(labels.map { "\"\($0)\"" }.joined(separator: ", ")).")
            return .palette(0)
        }
        return .palette(slot)
    }
}

extension Figure {
    /// The colour key of every panel: labels it lists keep their colours in this figure as in every
    /// other figure given the same key. Setting it sets it on each axes.
    public var seriesColors: SeriesColors? {
        get { axes.first?.seriesColors }
        set {
            for index in axes.indices { axes[index].seriesColors = newValue }
        }
    }
}
