import Foundation

extension CrashReport {
    /// The notebook line of the call that threw an error nothing caught: the outermost notebook
    /// frame of the last throw, whose addresses the program left in `folder` (see TrainBook's
    /// `ThrowSite`), looked up in the executable's debug information with the toolchain's
    /// `llvm-symbolizer`. Nil when any of them is missing.
    static func throwingLine(in folder: String, executable: String, fileName: String, toolchain: Toolchain) -> Int? {
        let symbolizer = (toolchain.swiftc as NSString).deletingLastPathComponent + "/llvm-symbolizer"
        guard FileManager.default.isExecutableFile(atPath: symbolizer),
              let recorded = try? String(contentsOfFile: folder + "/last-throw", encoding: .utf8) else { return nil }
        let addresses = recorded.split(separator: "\n").map(String.init).filter { $0.hasPrefix("0x") }
        guard !addresses.isEmpty else { return nil }
        var output: [UInt8] = []
        let child = ChildProcess(executable: symbolizer, arguments: ["--obj=" + executable] + addresses,
                                 environment: [:], workingDirectory: nil)
        guard (try? child.run(onOutput: { output += $0 }, shouldStop: { nil })) == .exited(0) else { return nil }
        // Each address prints as a function line, then FILE:LINE:COLUMN (more pairs when inlined).
        let written = ProgramAssembler.sourceLocationFile(for: fileName)
        let locations = String(decoding: output, as: UTF8.self).split(separator: "\n").compactMap { line -> Int? in
            let parts = line.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count >= 3, parts.dropLast(2).joined(separator: ":").hasSuffix(written) else { return nil }
            return Int(parts[parts.count - 2])
        }
        return locations.last
    }
}
