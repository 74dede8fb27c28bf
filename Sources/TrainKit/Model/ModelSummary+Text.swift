/// The text of `model.summary()`, drawn as Keras 3 draws it with `rich` on an 80-column terminal:
/// a heavy header box, a line between rows, `name (Type)` wrapped before the type when it does not
/// fit, counts right-aligned with thousands separators, then the totals with their sizes. With the
/// `Trainable` column Keras narrows the others and cuts the header to `Trai…`; here it stays whole.
extension ModelSummary {
    /// The columns' content widths Keras gets on an 80-column terminal; wider content widens them.
    var minimumWidths: [Int] { showsTrainable ? [27, 21, 10, 9] : [31, 22, 13] }

    /// The Keras text: `Model: "sequential"`, the table, the totals.
    func text() -> String {
        let header = ["Layer (type)", "Output Shape", "Param #"] + (showsTrainable ? ["Trainable"] : [])
        let cells = rows.map { row -> [[String]] in
            [layerLines(row), [row.outputShape], [Self.grouped(row.parameters)]]
                + (showsTrainable ? [[row.parameters == 0 ? "-" : row.trainable ? "Y" : "N"]] : [])
        }
        let widths = header.indices.map { column in
            max(minimumWidths[column], header[column].count,
                cells.map { $0[column].map(\.count).max() ?? 0 }.max() ?? 0)
        }
        // Counts sit right, the trainable flag in the middle, text left.
        func pad(_ text: String, _ column: Int) -> String {
            let gap = widths[column] - text.count
            switch column {
            case 2: return String(repeating: " ", count: gap) + text
            case 3: return String(repeating: " ", count: gap / 2) + text + String(repeating: " ", count: gap - gap / 2)
            default: return text + String(repeating: " ", count: gap)
            }
        }
        func rule(_ left: String, _ fill: String, _ middle: String, _ right: String) -> String {
            left + widths.map { String(repeating: fill, count: $0 + 2) }.joined(separator: middle) + right
        }
        func line(_ texts: [String], bar: String) -> String {
            let padded = texts.enumerated().map { " " + pad($0.element, $0.offset) + " " }
            return bar + padded.joined(separator: bar) + bar
        }
        var lines = ["Model: \"\(modelName)\"", rule("┏", "━", "┳", "┓"), line(header, bar: "┃"),
                     rule("┡", "━", "╇", "┩")]
        for (index, row) in cells.enumerated() {
            if index > 0 { lines.append(rule("├", "─", "┼", "┤")) }
            let height = row.map(\.count).max() ?? 1
            for part in 0..<height {
                lines.append(line(row.map { part < $0.count ? $0[part] : "" }, bar: "│"))
            }
        }
        lines.append(rule("└", "─", "┴", "┘"))
        lines += totals.map { " \($0.label): \(Self.grouped($0.count)) (\(Self.memorySize(parameters: $0.count)))" }
        return lines.joined(separator: "\n")
    }

    /// `name (Type)` on one line, or the name and then `(Type)` when together they are too wide.
    private func layerLines(_ row: Row) -> [String] {
        let joined = "\(row.name) (\(row.type))"
        return joined.count <= minimumWidths[0] ? [joined] : [row.name, "(\(row.type))"]
    }
}
