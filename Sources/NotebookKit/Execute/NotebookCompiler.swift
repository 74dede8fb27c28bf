import Foundation

/// Compiles an assembled notebook program with swiftc against the TrainBook library.
public struct NotebookCompiler: Sendable {
    /// Where the compiler and library are.
    public var toolchain: Toolchain

    /// A compiler for `toolchain`.
    public init(toolchain: Toolchain) { self.toolchain = toolchain }

    /// The outcome of one compilation.
    public struct Outcome: Sendable {
        /// The executable, when compilation succeeded.
        public var executable: String?
        /// Errors and warnings at their notebook lines.
        public var diagnostics: [Diagnostic]
        /// Everything swiftc printed, for messages it could not attribute.
        public var rawOutput: String
    }

    /// The swiftc arguments for `source` written to `folder`.
    func arguments(source: String, output: String) -> [String] {
        let library = toolchain.libraryDirectory
        var arguments = ["-swift-version", "5", "-diagnostic-style", "llvm", "-Onone", "-gline-tables-only",
                         "-module-cache-path", toolchain.moduleCache,
                         "-I", library + "/Modules", "-L", library, "-lTrainBook",
                         "-Xlinker", "-rpath", "-Xlinker", library]
        for map in toolchain.moduleMaps { arguments += ["-Xcc", "-fmodule-map-file=" + map] }
        return arguments + [source, "-o", output]
    }

    /// The identity of an executable: everything that goes into it apart from where it is written.
    func executableKey(_ program: AssembledProgram) -> String {
        let parts = ["executable 1", toolchain.swiftc, toolchain.libraryFingerprint, program.source]
            + arguments(source: "SOURCE", output: "OUTPUT")
        return StableHash.hex(parts.joined(separator: "\u{0}"))
    }

    /// Compiles `program` of `document` in the private folder `folder`, or takes the executable of
    /// an identical earlier compile from `shared`.
    ///
    /// swiftc is stopped, with everything it started, after `timeout` seconds or as soon as
    /// `interrupted` says so; both throw a `CompileError` naming the notebook.
    public func compile(_ program: AssembledProgram, of document: Document, notebookText: String,
                        in folder: String, shared: BuildFolder? = nil, timeout: Double,
                        interrupted: () -> Bool = { false }) throws -> Outcome {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let source = folder + "/" + ProgramAssembler.programFileName
        let executable = folder + "/notebook"
        let key = executableKey(program)
        try AtomicFile.write(program.source, to: source)
        try? FileManager.default.removeItem(atPath: executable)
        if let shared, shared.adopt(key, as: executable) {
            return Outcome(executable: executable, diagnostics: [], rawOutput: "")
        }
        let child = ChildProcess(executable: toolchain.swiftc, arguments: arguments(source: source, output: executable),
                                 environment: ProcessInfo.processInfo.environment, workingDirectory: folder)
        let start = Date()
        var bytes: [UInt8] = []
        let termination = try child.run(onOutput: { bytes += $0 }, shouldStop: {
            if interrupted() { return .interrupted }
            return Date().timeIntervalSince(start) > timeout ? .timeout : nil
        })
        switch termination {
        case .stopped(.interrupted): throw CompileError.interrupted(file: document.fileName)
        case .stopped: throw CompileError.timedOut(file: document.fileName, seconds: timeout)
        case .exited, .signalled: break
        }
        let output = String(decoding: bytes, as: UTF8.self)
        let lines = notebookText.split(separator: "\n", omittingEmptySubsequences: false)
        var diagnostics = Diagnostic.parse(compilerOutput: output, document: document, program: program, notebookLines: lines)
        // The API's interfaces are read once, and only when a message needs them.
        var interface: APIInterface?
        for index in diagnostics.indices {
            diagnostics[index].addMemberHints {
                if interface == nil { interface = APIInterface.load(toolchain) }
                return interface!
            }
        }
        let succeeded = termination == .exited(0) && FileManager.default.fileExists(atPath: executable)
        // Only executables swiftc built without a word are shared, since a cache hit reports nothing.
        if succeeded, output.allSatisfy(\.isWhitespace) { shared?.publish(executable, as: key) }
        return Outcome(executable: succeeded ? executable : nil, diagnostics: diagnostics, rawOutput: output)
    }
}
