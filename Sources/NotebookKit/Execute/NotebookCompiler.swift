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
        var arguments = ["-swift-version", "5", "-diagnostic-style", "llvm", "-Onone", "-g",
                         "-module-cache-path", toolchain.moduleCache,
                         "-I", library + "/Modules", "-L", library, "-lTrainBook",
                         "-Xlinker", "-rpath", "-Xlinker", library]
        for map in toolchain.moduleMaps { arguments += ["-Xcc", "-fmodule-map-file=" + map] }
        return arguments + [source, "-o", output]
    }

    /// Compiles `program` of `document` in `folder` (created if needed).
    public func compile(_ program: AssembledProgram, of document: Document, notebookText: String,
                        in folder: String) throws -> Outcome {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let source = folder + "/" + ProgramAssembler.programFileName
        let executable = folder + "/notebook"
        try AtomicFile.write(program.source, to: source)
        try? FileManager.default.removeItem(atPath: executable)
        let child = ChildProcess(executable: toolchain.swiftc, arguments: arguments(source: source, output: executable),
                                 environment: ProcessInfo.processInfo.environment, workingDirectory: folder)
        let (termination, output) = try child.output()
        let lines = notebookText.split(separator: "\n", omittingEmptySubsequences: false)
        let diagnostics = Diagnostic.parse(compilerOutput: output, document: document, program: program, notebookLines: lines)
        let succeeded = termination == .exited(0) && FileManager.default.fileExists(atPath: executable)
        return Outcome(executable: succeeded ? executable : nil, diagnostics: diagnostics, rawOutput: output)
    }
}
