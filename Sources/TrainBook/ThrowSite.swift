import Foundation

/// Remembers where the last error was thrown, so that an error nothing catches is reported at the
/// notebook line of the call that threw it. Swift's own report of such an error names no line: the
/// top-level code that gives up on it is compiler-generated.
///
/// At every throw the runtime calls a hook; it writes the return addresses of the notebook program's
/// own frames (not the engine's), as offsets into the executable, to `last-throw` in the folder of
/// crash backtraces. The runner turns the outermost one into a notebook line when the program died of
/// an uncaught error. A throw costs a stack walk and one small write.
enum ThrowSite {
    /// The file name, in the backtrace folder, that the runner reads.
    static let fileName = "last-throw"

    private typealias Hook = @convention(c) (UnsafeMutableRawPointer?) -> Void
    nonisolated(unsafe) private static var file: Int32 = -1
    nonisolated(unsafe) private static var executable: (start: UInt, end: UInt) = (0, 0)

    /// Installs the hook when the runner gave a backtrace folder (`SWIFT_BACKTRACE`'s `output-to`).
    static func install(environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let settings = environment["SWIFT_BACKTRACE"],
              let folder = settings.split(separator: ",").first(where: { $0.hasPrefix("output-to=") })?
                  .dropFirst("output-to=".count),
              let range = executableRange(),
              let slot = dlsym(dlopen(nil, RTLD_NOW), "_swift_willThrow") else { return }
        let descriptor = open(folder + "/" + fileName, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        (file, executable) = (descriptor, range)
        slot.assumingMemoryBound(to: Optional<Hook>.self).pointee = { _ in ThrowSite.record() }
    }

    private static func record() {
        // A return address points after its call; one byte back is inside the call, on its line.
        let offsets = Thread.callStackReturnAddresses.map(\.uintValue)
            .filter { $0 > executable.start && $0 < executable.end }
            .map { "0x" + String($0 - executable.start - 1, radix: 16) }
        let text = offsets.joined(separator: "\n") + "\n"
        ftruncate(file, 0)
        _ = text.withCString { pwrite(file, $0, strlen($0), 0) }
    }

    /// Where the program's executable is mapped, from `/proc/self/maps`.
    private static func executableRange() -> (start: UInt, end: UInt)? {
        guard let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
              let maps = try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8) else { return nil }
        var start = UInt.max, end: UInt = 0
        for line in maps.split(separator: "\n") where line.hasSuffix(" " + path) {
            let bounds = line.prefix { $0 != " " }.split(separator: "-").compactMap { UInt($0, radix: 16) }
            guard bounds.count == 2 else { continue }
            (start, end) = (min(start, bounds[0]), max(end, bounds[1]))
        }
        return end > 0 ? (start, end) : nil
    }
}
