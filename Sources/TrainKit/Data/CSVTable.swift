import Foundation

/// A CSV file read as a dataset, with its column names and the text categories it encoded.
///
/// The first row names the columns; every other non-blank row is a sample. A column whose first
/// value is a number must hold numbers in every row. A column whose first value is text is read as
/// categories: each distinct text becomes 0, 1, 2 … in order of first appearance (so "Male",
/// "Female" become 0, 1), and ``categories`` records the mapping. Cells may be quoted with `"`.
public struct CSVTable: Sendable {
    /// The features (every column but the target, in file order) and the target column.
    public let dataset: Dataset
    /// The names of the feature columns, in the order of `dataset.x`'s columns.
    public let featureNames: [String]
    /// The name of the target column.
    public let targetName: String
    /// For each text column, its categories in code order (`categories["Gender"]![0]` is code 0).
    public let categories: [String: [String]]

    /// Reads `path`, taking the column named `target` as the target.
    public init(path: String, target: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { throw DatasetError.fileNotFound(path: path) }
        DataFileLog.reading(path)
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw DatasetError.unreadable(path: path, reason: error.localizedDescription)
        }
        try self.init(text: text, path: path, target: target)
    }

    /// Parses CSV `text`; `path` only names the source in error messages.
    public init(text: String, path: String, target: String) throws {
        var rows = [(line: Int, cells: [String])]()
        // `isNewline` also ends lines at "\r\n", which Swift treats as one character.
        for (offset, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            if line.allSatisfy(\.isWhitespace) { continue }
            rows.append((offset + 1, CSVTable.cells(of: line)))
        }
        guard let header = rows.first?.cells else { throw DatasetError.emptyTable(path: path) }
        let names = header.map { $0.trimmingCharacters(in: .whitespaces) }
        guard let targetIndex = names.firstIndex(of: target) else {
            throw DatasetError.missingTargetColumn(path: path, target: target, columns: names)
        }
        let body = rows.dropFirst()
        var columns = [[Float]](repeating: [], count: names.count)
        var codes = [Int: [String]]()  // text columns: category names in code order
        for (line, cells) in body {
            guard cells.count == names.count else {
                throw DatasetError.raggedRow(path: path, line: line, expected: names.count, found: cells.count)
            }
            for (column, raw) in cells.enumerated() {
                let cell = raw.trimmingCharacters(in: .whitespaces)
                if line == body.first!.line, Float(cell) == nil, !cell.isEmpty { codes[column] = [] }
                if var known = codes[column] {
                    let code = known.firstIndex(of: cell) ?? { known.append(cell); return known.count - 1 }()
                    codes[column] = known
                    columns[column].append(Float(code))
                } else if let value = Float(cell) {
                    columns[column].append(value)
                } else {
                    throw DatasetError.nonNumericCell(path: path, line: line, column: names[column], value: cell)
                }
            }
        }
        let featureIndices = names.indices.filter { $0 != targetIndex }
        let count = body.count
        var x = [Float](repeating: 0, count: count * featureIndices.count)
        for (position, column) in featureIndices.enumerated() {
            for row in 0..<count { x[row * featureIndices.count + position] = columns[column][row] }
        }
        dataset = Dataset(x: Matrix(rows: count, cols: featureIndices.count, data: x),
                          y: Matrix(rows: count, cols: 1, data: columns[targetIndex]))
        featureNames = featureIndices.map { names[$0] }
        targetName = target
        categories = Dictionary(uniqueKeysWithValues: codes.map { (names[$0.key], $0.value) })
    }

    /// The cells of one line, honouring `"` quotes (a doubled `""` inside quotes is one quote).
    static func cells(of line: Substring) -> [String] {
        var cells = [String](), current = "", quoted = false
        var characters = line.makeIterator()
        while let character = characters.next() {
            if quoted {
                if character == "\"" {
                    if let following = characters.next() {
                        if following == "\"" { current.append("\"") } else {
                            quoted = false
                            if following == "," { cells.append(current); current = "" } else { current.append(following) }
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                cells.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        cells.append(current)
        return cells
    }
}

extension Datasets {
    /// A CSV file with a header row as a dataset: the column named `target` is `y`, the other
    /// columns (in file order) are `x`. Text columns are encoded as categories 0, 1, 2 … in order
    /// of first appearance; use ``CSVTable`` to read the column names and the encodings.
    ///
    /// Throws ``DatasetError`` for a missing file, a missing target column (listing the columns),
    /// a row of the wrong width, or a non-number in a numeric column (with file:line and column).
    public static func csv(_ path: String, target: String) throws -> Dataset {
        try CSVTable(path: path, target: target).dataset
    }
}
