import NotebookWire

/// Shows a figure under the running cell, inline in the page and as `output/NAME/LABEL-K.svg`.
public func show(_ figure: Figure) {
    let (name, id) = NotebookSession.shared.nextFigureName()
    NotebookSession.shared.send(.figure(name: name, svg: figure.svg(id: id), alt: figure.altText))
}

/// Shows a table under the running cell. Numbers in a column whose heading names a rate ("learning
/// rate", "lr", "momentum", "decay": see `RateHeading`) are written by ``formatRate(_:)-(Double)``,
/// the others with the table's significant digits.
public func show(_ table: Table) {
    let rates = table.columns.map(RateHeading.names)
    let rows = table.rows.map { row in
        row.indices.map { column -> String in
            if column < rates.count, rates[column], case .number(let value) = row[column] { return formatRate(value) }
            return row[column].formatted(significantDigits: table.significantDigits)
        }
    }
    NotebookSession.shared.send(.table(columns: table.columns, rows: rows))
}

/// Shows a one-line warning under the running cell.
public func warn(_ message: String) {
    NotebookSession.shared.send(.warning(message: message))
}
