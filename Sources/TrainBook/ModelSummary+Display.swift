import Charts
import TrainKit

extension ModelSummary {
    /// The summary as a table: Keras's columns (`Layer (type)`, `Output Shape`, `Param #`, and
    /// `Trainable` when a layer is frozen), one row per layer, then the three totals with their sizes.
    public var table: Table {
        let columns = ["Layer (type)", "Output Shape", "Param #"] + (showsTrainable ? ["Trainable"] : [])
        var rows = self.rows.map { row -> [TableCell] in
            [.text("\(row.name) (\(row.type))"), .text(row.outputShape), .text(Self.grouped(row.parameters))]
                + (showsTrainable ? [.text(row.parameters == 0 ? "-" : row.trainable ? "Y" : "N")] : [])
        }
        rows += totals.map { total -> [TableCell] in
            [.text(total.label), .empty, .text("\(Self.grouped(total.count)) (\(Self.memorySize(parameters: total.count)))")]
                + (showsTrainable ? [.empty] : [])
        }
        return Table(columns: columns, rows: rows)
    }
}

/// Shows a model's summary as a table under the running cell (`model.summary()` prints it as text).
///
/// ```swift
/// show(model.summary)
/// ```
public func show(_ summary: ModelSummary) {
    show(summary.table)
}
