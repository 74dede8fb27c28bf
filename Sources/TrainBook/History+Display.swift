import Charts
import TrainKit

extension History {
    /// The history as a table: one row per epoch (from 0, as pandas shows `history.history`),
    /// one column per recorded series, numbers to four significant digits.
    public var table: Table {
        let rows = epochs.indices.map { row -> [TableCell] in
            // A series that misses this epoch leaves its cell empty.
            [.integer(epochs[row])] + keys.map { key in
                values[key].flatMap { $0.indices.contains(row) ? TableCell.number($0[row]) : nil } ?? .text("")
            }
        }
        return Table(columns: ["epoch"] + keys, rows: rows)
    }

    /// Every series on one axes with a legend, like pandas' `DataFrame(history.history).plot()`; the
    /// learning rate, set at the start of each epoch and held through it, is drawn as steps.
    public func plot(title: String? = nil) -> Figure {
        var figure = Figure(title: title)
        for key in keys {
            if key == "learning_rate" || key == "lr" {
                figure.step(values[key] ?? [], where: .post, label: key)
            } else {
                figure.plot(values[key] ?? [], label: key)
            }
        }
        figure.xLabel = "epoch"
        return figure
    }
}

/// Shows a history as a table under the running cell.
public func show(_ history: History) {
    show(history.table)
}
