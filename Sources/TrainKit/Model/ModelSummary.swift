/// What Keras's `model.summary()` shows: each layer with its name and type, output shape and
/// parameter count, then the total, trainable and non-trainable parameters with their sizes.
///
/// `model.summary()` prints it as Keras does; `print(model.summary)` prints the same text;
/// `show(model.summary)` shows it as a table on the page. A batch normalization's moving mean and
/// variance count as non-trainable, and a frozen layer's weights too, as in Keras; a model with a
/// frozen layer gets Keras's `Trainable` column (`show_trainable=True`).
///
/// ```swift
/// var model = Sequential(seed: 42) {
///     Dense(16, activation: .relu, inputShape: [4])
///     BatchNormalization()
///     Dropout(0.2)
///     Dense(3, activation: .softmax)
/// }
/// model.summary()      // Total params: 195 (780.00 B), Trainable params: 163 (652.00 B), …
/// ```
///
/// Keras names layers from a counter shared by the whole Python session (`dense_2` in a second
/// model); here each model counts its own layers, as Keras does in a fresh session. Keras adds an
/// `Optimizer params` line once the optimizer has built its variables; the summary here is the
/// model's alone, as Keras prints it before training.
public struct ModelSummary: Sendable, Equatable, CustomStringConvertible {
    /// One layer of the summary.
    public struct Row: Sendable, Equatable {
        /// Keras's layer name: the type in snake case, numbered from the second of a kind (`dense_1`).
        public let name: String
        /// The layer's type, e.g. `"Dense"`.
        public let type: String
        /// The width of the layer's output; Keras shows it as `(None, width)`.
        public let outputWidth: Int
        /// The number of weights, trainable or not.
        public let parameters: Int
        /// Whether training updates the layer.
        public let trainable: Bool

        /// Keras's output shape text, `"(None, 16)"`.
        public var outputShape: String { "(None, \(outputWidth))" }
    }

    /// Keras's model name, `"sequential"`.
    public let modelName: String
    /// The layers, in order.
    public let rows: [Row]
    /// The weights training updates.
    public let trainableParameters: Int
    /// The weights it leaves alone (moving statistics, frozen layers).
    public let nonTrainableParameters: Int

    /// All weights: trainable and non-trainable.
    public var totalParameters: Int { trainableParameters + nonTrainableParameters }

    /// Whether a layer is frozen, so the `Trainable` column is worth showing.
    public var showsTrainable: Bool { rows.contains { !$0.trainable } }

    /// The three total lines, each `(label, count)`, as Keras prints them below the table.
    public var totals: [(label: String, count: Int)] {
        [("Total params", totalParameters), ("Trainable params", trainableParameters),
         ("Non-trainable params", nonTrainableParameters)]
    }

    /// Prints the summary, as Keras's `model.summary()` does.
    public func callAsFunction() {
        print(description)
    }

    /// The summary as Keras prints it (a box-drawn table, then the totals).
    public var description: String { text() }
}

extension ModelSummary {
    /// A count with thousands separators, as Keras prints it: `100,480`.
    public static func grouped(_ count: Int) -> String {
        let digits = String(count.magnitude)
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (count < 0 ? "-" : "") + groups.joined(separator: ",")
    }

    /// The size of `count` float32 weights as Keras's `readable_memory_size` writes it:
    /// `"784.00 B"`, `"397.54 KB"` (1024 bytes a KB).
    public static func memorySize(parameters count: Int) -> String {
        var size = Double(count * 4)
        for unit in ["B", "KB", "MB", "GB", "TB"] {
            if size / 1024 < 1 { return "\(twoDecimals(size)) \(unit)" }
            size /= 1024
        }
        return "\(twoDecimals(size)) PB"
    }

    /// `value` with two decimals, as `"{:.2f}"` writes it (`Double.description` would drop the zeros).
    /// Sizes are multiples of 4 bytes over powers of 1024, so `value · 100` is exact and ties are rare.
    static func twoDecimals(_ value: Double) -> String {
        let hundredths = (value * 100).rounded(.toNearestOrEven)
        let whole = Int(hundredths) / 100, fraction = Int(hundredths) % 100
        return "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
