import Foundation

/// One structured message from a running notebook program to the runner.
///
/// A notebook program writes ordinary text (what its cells print) and these records into one merged
/// stream. A record is the marker `WireRecord.marker`, a JSON object and a newline, so it can be told
/// apart from printed text wherever it starts in the stream.
public enum WireRecord: Codable, Equatable, Sendable {
    /// The cell at `index` (0-based among the notebook's runnable cells) began.
    case cellBegin(index: Int)
    /// The cell at `index` ended normally.
    case cellEnd(index: Int)
    /// A figure shown by the running cell: its SVG markup, accessible summary and file name stem.
    case figure(name: String, svg: String, alt: String)
    /// A table shown by the running cell: column titles and rows of preformatted cells.
    case table(columns: [String], rows: [[String]])
    /// Training progress: an epoch of a fit ended.
    case progress(epoch: Int, epochs: Int, loss: Double?)
    /// An `expect=error` cell finished: `failed` tells whether it failed, as it must.
    case expectedFailure(index: Int, failed: Bool)
    /// The program read a data file; a change to it must invalidate cached results.
    case dataFile(path: String)
    /// A one-line warning to show under the running cell (e.g. a loss that became NaN).
    case warning(message: String)

    /// The byte that starts every record: ASCII record separator followed by a tag.
    public static let marker = "\u{1E}tb1:"

    /// The record as one line of the stream, terminated by a newline.
    public func encodedLine() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // A diverging fit reports an infinite or NaN loss, which plain JSON cannot hold.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        // Encoding a plain enum of strings and numbers cannot fail; a failure is a programming error.
        let data = try! encoder.encode(self)
        return WireRecord.marker + String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Decodes the JSON part of a record line (without the marker and newline); nil if it is not one.
    public static func decode(json: Substring) -> WireRecord? {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try? decoder.decode(WireRecord.self, from: Data(json.utf8))
    }
}
