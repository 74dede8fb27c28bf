import Foundation

/// Remembers the cell results of successful runs, keyed by everything that can change them: the
/// generated program (cells' code, parameters, labels), the engine build, the compiler and the
/// front matter's `depends:` list; plus the size and modification time of each data file the run
/// read through the engine's loaders and of each file and folder under `depends:`. Prose and
/// display options are not part of the key, so editing them re-renders at once without running
/// anything. A file the code opens by other means and does not declare is not tracked.
///
/// An entry that cannot be decoded, or whose recorded key differs from its file name, is ignored
/// and overwritten: a cache is never trusted over a run.
public struct ExecutionCache: Sendable {
    /// The folder of entries.
    public var folder: String

    /// A cache in `folder`.
    public init(folder: String) { self.folder = folder }

    /// The identity of a run.
    public static func key(program: String, toolchain: Toolchain, dependencies: [String] = []) -> String {
        StableHash.hex((["format 1", program, toolchain.libraryFingerprint, toolchain.swiftc] + dependencies).joined(separator: "\u{0}"))
    }

    /// The cached results for `key`, if present, well-formed and its data files unchanged.
    public func lookup(_ key: String) -> [CellResult]? {
        lookupEntry(key)?.cells
    }

    /// The cached results and the data files their run read.
    public func lookupEntry(_ key: String) -> (cells: [CellResult], dataFiles: [String])? {
        guard let data = FileManager.default.contents(atPath: path(key)),
              let entry = try? JSONDecoder().decode(Entry.self, from: data),
              entry.key == key, entry.format == Entry.currentFormat,
              entry.dataFiles.allSatisfy({ $0.isUnchanged }) else { return nil }
        return (entry.cells, entry.dataFiles.map(\.path))
    }

    /// Stores the results of a successful run that read `dataFiles`.
    public func store(_ cells: [CellResult], key: String, dataFiles: [String]) throws {
        let entry = Entry(format: Entry.currentFormat, key: key, cells: cells, dataFiles: dataFiles.sorted().map(DataFile.init))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try AtomicFile.write(try encoder.encode(entry), to: path(key))
    }

    private func path(_ key: String) -> String { folder + "/" + key + ".json" }

    private struct Entry: Codable {
        static let currentFormat = 1
        var format: Int
        var key: String
        var cells: [CellResult]
        var dataFiles: [DataFile]
    }

    /// A file a run read, as it was then.
    struct DataFile: Codable {
        var path: String
        var size: Int
        var modified: Double

        init(path: String) {
            self.path = path
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
            modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
        }

        var isUnchanged: Bool {
            let now = DataFile(path: path)
            return now.size == size && now.modified == modified && size >= 0
        }
    }
}
