import Foundation
import TrainBookShared

/// A problem with a user's data: a missing file, a malformed table or image file, or a dataset
/// that has not been downloaded. Each message says what was wrong, where, and what to do.
public enum DatasetError: LocalizedError, Equatable, CustomStringConvertible {
    /// The file does not exist.
    case fileNotFound(path: String)
    /// The file exists but could not be read.
    case unreadable(path: String, reason: String)
    /// A CSV file has no header row.
    case emptyTable(path: String)
    /// The target column is not in the header.
    case missingTargetColumn(path: String, target: String, columns: [String])
    /// A row has a different number of cells than the header.
    case raggedRow(path: String, line: Int, expected: Int, found: Int)
    /// A cell of a numeric column is not a number.
    case nonNumericCell(path: String, line: Int, column: String, value: String)
    /// An IDX file is malformed.
    case malformedIDX(path: String, reason: String)
    /// A downloadable dataset is not in the cache folder.
    case notDownloaded(dataset: String, folder: String, missing: [String])

    /// The message shown to the user.
    public var description: String {
        switch self {
        case let .fileNotFound(path):
            return "\(path): no such file. Check the path (relative paths start at the working directory)."
        case let .unreadable(path, reason):
            return "\(path): cannot be read (\(reason))."
        case let .emptyTable(path):
            return "\(path): the file is empty; a CSV table needs a header row of column names."
        case let .missingTargetColumn(path, target, columns):
            let guess = NearestName.matches(for: target, in: columns).first.map { " Did you mean \"\($0)\"?" } ?? ""
            return "\(path): there is no column \"\(target)\" to use as the target.\(guess) The columns are "
                + columns.map { "\"\($0)\"" }.joined(separator: ", ") + "; pass one of them as `target:`."
        case let .raggedRow(path, line, expected, found):
            return "\(path):\(line): the row has \(found) cells but the header has \(expected); "
                + "every row needs one cell per column."
        case let .nonNumericCell(path, line, column, value):
            return "\(path):\(line): column \"\(column)\" holds \"\(value)\", which is not a number. "
                + "Numeric columns need numbers in every row (a column whose first value is text is "
                + "read as categories instead)."
        case let .malformedIDX(path, reason):
            return "\(path): not a valid IDX file (\(reason)). Delete it and run `trainbook datasets fetch` again."
        case let .notDownloaded(dataset, folder, missing):
            return "\(dataset) is not downloaded: \(folder) lacks " + missing.joined(separator: ", ")
                + ". Run `trainbook datasets fetch` first (set TRAINBOOK_DATA to use another folder)."
        }
    }

    /// The message, for `localizedDescription`.
    public var errorDescription: String? { description }
}
