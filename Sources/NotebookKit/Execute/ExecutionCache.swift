import Foundation

/// Remembers the cell results of successful runs, keyed by everything that can change them: the
/// generated program (cells' code, parameters, labels), the engine build, the compiler and the
/// front matter's `depends:` list; plus the size and modification time of each data file the run
/// read through the engine's loaders and of each file and folder under `depends:`. Prose, display
/// options and the lines cells start at are not part of the key (see `key(for:parameters:toolchain:dependencies:)`),
/// so editing prose re-renders at once without running anything; each entry records the layout it
/// was run in, and line references in its outputs are moved to the notebook's current layout when it
/// is served. A file the code opens by other means and does not declare is not tracked.
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
        validEntry(key).map { ($0.cells, $0.dataFiles.map(\.path)) }
    }

    /// The cached results for `key` with their notebook line references moved to where `document`'s
    /// cells stand now, the data files their run read, and what its inline values came to.
    public func lookupEntry(_ key: String, for document: Document)
        -> (cells: [CellResult], dataFiles: [String], inline: [InlineResult?])? {
        guard let entry = validEntry(key), let layout = entry.layout else { return nil }
        let fileNames = [document.fileName, ProgramAssembler.sourceLocationFile(for: document.fileName)]
        return (layout.moving(entry.cells, to: CellLayout(document), fileNames: fileNames), entry.dataFiles.map(\.path),
                entry.inline ?? [])
    }

    /// The entry for `key`, if present, well-formed, of this format, and its data files unchanged.
    private func validEntry(_ key: String) -> Entry? {
        guard let data = FileManager.default.contents(atPath: path(key)),
              let entry = try? JSONDecoder().decode(Entry.self, from: data),
              entry.key == key, entry.format == Entry.currentFormat,
              entry.dataFiles.allSatisfy({ $0.isUnchanged }) else { return nil }
        return entry
    }

    /// Stores the results of a successful run that read `dataFiles`.
    /// `layout` is where the cells stood in the run, for moving its line references later.
    public func store(_ cells: [CellResult], key: String, dataFiles: [String], layout: CellLayout? = nil,
                      inline: [InlineResult?] = []) throws {
        let entry = Entry(format: Entry.currentFormat, key: key, cells: cells, dataFiles: dataFiles.sorted().map(DataFile.init),
                          layout: layout, inline: inline)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try AtomicFile.write(try encoder.encode(entry), to: path(key))
    }

    private func path(_ key: String) -> String { folder + "/" + key + ".json" }

    private struct Entry: Codable {
        static let currentFormat = 2
        var format: Int
        var key: String
        var cells: [CellResult]
        var dataFiles: [DataFile]
        /// Where the cells stood when they ran; entries without one are not served to a document.
        var layout: CellLayout?
        /// What the inline values of the prose came to (absent in entries of notebooks without any).
        var inline: [InlineResult?]?
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
