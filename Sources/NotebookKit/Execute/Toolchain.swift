import Foundation

/// Where the compiler, the TrainBook library and its modules are, found from the running executable
/// so a notebook program is always built against the library of the same build.
public struct Toolchain: Sendable {
    /// The Swift compiler.
    public var swiftc: String
    /// The folder holding `libTrainBook.so` and `Modules/`.
    public var libraryDirectory: String
    /// Module maps of C modules the library imports; swiftc needs them again for the notebook.
    public var moduleMaps: [String]
    /// A persistent clang module cache, so each notebook does not rebuild the system modules.
    public var moduleCache: String

    /// The library file name.
    public static let libraryName = "libTrainBook.so"

    /// Finds everything from the running executable, or says what was looked for where.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Toolchain {
        let executable = try resolvedExecutablePath()
        let directory = (executable as NSString).deletingLastPathComponent
        let library = directory + "/" + libraryName
        let module = directory + "/Modules/TrainBook.swiftmodule"
        let files = FileManager.default
        guard files.fileExists(atPath: library), files.fileExists(atPath: module) else {
            throw ToolchainError.libraryMissing(directory: directory)
        }
        // SwiftPM emits the module before it links the library: a module newer than the library
        // means an interrupted build, whose halves would fail at run time with garbage.
        if let moduleDate = modificationDate(module), let libraryDate = modificationDate(library),
           moduleDate.timeIntervalSince(libraryDate) > 1 {
            throw ToolchainError.mixedBuild(directory: directory)
        }
        let moduleMaps = cModuleMaps.map { sourceRoot + "/" + $0 }
        if let missing = moduleMaps.first(where: { !files.fileExists(atPath: $0) }) {
            throw ToolchainError.moduleMapMissing(missing)
        }
        return Toolchain(swiftc: try findCompiler(environment), libraryDirectory: directory,
                         moduleMaps: moduleMaps, moduleCache: directory + "/NotebookModuleCache")
    }

    /// An identity of the library build, for caches: its size and modification time.
    public var libraryFingerprint: String {
        let path = libraryDirectory + "/" + Self.libraryName
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        let time = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(size)-\(time)"
    }

    /// The module maps (from the source root) of the C modules the library imports: OpenBLAS and
    /// the vector helpers of the training engine.
    static let cModuleMaps = ["Sources/CBLAS/module.modulemap", "Sources/CLanes/include/module.modulemap"]

    /// The package's source root, recorded when this file was compiled.
    static let sourceRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    private static func resolvedExecutablePath() throws -> String {
        // Resolve symlinks before any `..`: `.build/debug` is itself a symlink.
        guard let path = realpath("/proc/self/exe", nil) else { throw ToolchainError.noExecutablePath }
        defer { free(path) }
        return String(cString: path)
    }

    private static func findCompiler(_ environment: [String: String]) throws -> String {
        if let explicit = environment["TRAINBOOK_SWIFTC"] {
            guard FileManager.default.isExecutableFile(atPath: explicit) else { throw ToolchainError.compilerMissing([explicit]) }
            return explicit
        }
        let folders = (environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/opt/swift/usr/bin", "/usr/bin"]
        let candidates = folders.map { $0 + "/swiftc" }
        guard let found = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw ToolchainError.compilerMissing(candidates)
        }
        return found
    }

    private static func modificationDate(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }
}

/// The compiler or the library could not be found.
public enum ToolchainError: Error, CustomStringConvertible {
    case noExecutablePath
    case libraryMissing(directory: String)
    case mixedBuild(directory: String)
    case moduleMapMissing(String)
    case compilerMissing([String])

    public var description: String {
        switch self {
        case .noExecutablePath:
            "error: cannot find the running executable through /proc/self/exe"
        case .libraryMissing(let directory):
            "error: the TrainBook library is not next to this executable (looked for \(Toolchain.libraryName) and Modules/TrainBook.swiftmodule in \(directory)); build the whole package with `swift build` (or `make book`)"
        case .mixedBuild(let directory):
            "error: Modules/TrainBook.swiftmodule in \(directory) is newer than \(Toolchain.libraryName): the last build did not finish; run `swift build` again"
        case .moduleMapMissing(let path):
            "error: a C module map of the library is missing (looked for \(path)); run trainbook from a build of its source tree"
        case .compilerMissing(let candidates):
            "error: swiftc not found (looked for \(candidates.joined(separator: ", "))); install Swift 6 or set TRAINBOOK_SWIFTC to its swiftc"
        }
    }
}
