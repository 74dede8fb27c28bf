import Foundation

/// One structured message from a running notebook program to the runner.
///
/// Records never travel with printed text: the program writes them to their own descriptor
/// (`WireRecord.recordDescriptor`, a socket) as frames of a 4-byte big-endian length and that many
/// bytes of JSON, and reads a one-byte acknowledgement back from the same descriptor before it goes
/// on. Whatever a cell prints, however it looks, stays text.
public enum WireRecord: Codable, Equatable, Sendable {
    /// The cell at `index` (0-based among the notebook's runnable cells) began.
    case cellBegin(index: Int)
    /// The cell at `index` ended normally.
    case cellEnd(index: Int)
    /// A figure shown by the running cell: its SVG markup, accessible summary and file name stem.
    case figure(name: String, svg: String, alt: String)
    /// A slider shown by the running cell: its control's `label` and one `choices` text per panel. The
    /// panels follow as the next `choices.count` figure records, in the same order.
    case slider(label: String, choices: [String])
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
    /// A `claim(CONDITION, "TEXT")` of the running cell, made at notebook line `line`.
    case claim(text: String, holds: Bool, line: Int)
    /// The program began to evaluate inline value `index` (0-based in reading order).
    case inlineStart(index: Int)
    /// Inline value `index` came to `text`; `claim` says whether it is a claim and whether it held.
    case inlineValue(index: Int, text: String, claim: Bool?)
    /// A training (`kind`: `fit`, `findLearningRate`, `SGDRegressor.fit`) was served from the memo store.
    case memoHit(kind: String)

    /// The descriptor a notebook program writes its records to and reads acknowledgements from.
    public static let recordDescriptor: Int32 = 3
    /// The largest record the runner accepts, in bytes of JSON; a longer frame ends the run.
    public static let maximumFrameLength = 64 << 20

    /// The record as one frame: its length as 4 big-endian bytes, then its JSON.
    public func encodedFrame() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // A diverging fit reports an infinite or NaN loss, which plain JSON cannot hold.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        // Encoding a plain enum of strings and numbers cannot fail; a failure is a programming error.
        let json = [UInt8](try! encoder.encode(self))
        let length = UInt32(json.count)
        return [UInt8(length >> 24), UInt8((length >> 16) & 0xff), UInt8((length >> 8) & 0xff), UInt8(length & 0xff)] + json
    }

    /// Decodes the JSON of one frame (without its length); nil if it is not a record.
    public static func decode(json: some Collection<UInt8>) -> WireRecord? {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try? decoder.decode(WireRecord.self, from: Data(json))
    }
}
