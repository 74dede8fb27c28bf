import Foundation

/// Decompression of `.gz` files through the system's `gzip`, which every supported system has:
/// it spares the engine a zlib dependency for files that are read once (`IDXFile(contentsOf:)`,
/// and `trainbook datasets fetch`).
public enum Gzip {
    /// The decompressed contents of the gzip file at `path`; a failure is
    /// ``DatasetError/unreadable(path:reason:)`` with gzip's message.
    public static func decompress(path: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read before waiting: the pipe's buffer is small and gzip would block on a full pipe.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let reason = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw DatasetError.unreadable(path: path, reason: "gzip failed: \(reason)")
        }
        return data
    }
}
