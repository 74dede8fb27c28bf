/// The book's convention for accuracy axes: an automatic y axis that shows an accuracy spans 0…1,
/// on every page and in every panel of a grid, so a run stuck at chance (0.1 on ten classes) reads
/// as flat next to one that learns, and two figures of accuracy can be compared by eye.
///
/// An axes shows an accuracy when all its y data lie in 0…1 and its y label, or the label of every
/// labelled curve, says so ("accuracy", "val_accuracy", "test acc."). Explicit `yLimits` win, so a page
/// that needs to zoom into 0.9…1 says so.
enum AccuracyAxis {
    /// The y limits of an accuracy axis.
    static let limits = (0.0, 1.0)

    /// Whether `axes`, whose y data span `range`, shows an accuracy.
    static func holds(_ axes: Axes, range: DataRange?) -> Bool {
        guard axes.yScale == .linear, let range, range.lower >= 0, range.upper <= 1 else { return false }
        if let label = axes.yLabel { return namesAccuracy(label) }
        let labels = axes.marks.compactMap { $0.curve?.label }
        return !labels.isEmpty && labels.allSatisfy(namesAccuracy)
    }

    /// Whether a label names an accuracy: the word "accuracy", or "acc" as a word of its own.
    static func namesAccuracy(_ text: String) -> Bool {
        let lower = text.lowercased()
        if lower.contains("accuracy") { return true }
        return lower.split { !$0.isLetter }.contains("acc")
    }
}
