import NotebookWire

/// Shows a figure under the running cell, inline in the page and as `output/NAME/LABEL-K.svg`.
public func show(_ figure: Figure) {
    let (name, id) = NotebookSession.shared.nextFigureName()
    NotebookSession.shared.send(.figure(name: name, svg: figure.svg(id: id), alt: figure.altText))
}

/// Shows a table under the running cell.
public func show(_ table: Table) {
    let rows = table.rows.map { $0.map { $0.formatted(significantDigits: table.significantDigits) } }
    NotebookSession.shared.send(.table(columns: table.columns, rows: rows))
}

/// Shows a one-line warning under the running cell.
public func warn(_ message: String) {
    NotebookSession.shared.send(.warning(message: message))
}
