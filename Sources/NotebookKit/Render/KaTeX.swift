import Foundation

/// Runs Debian's KaTeX in one `node` process: TeX strings in, MathML out. Debian installs the
/// module under /usr/share/nodejs, which node only searches when NODE_PATH says so.
enum KaTeX {
    /// Why a TeX string could not be typeset: KaTeX's message and the offset in the TeX it names.
    struct Failure: Error {
        var message: String
        var position: Int?

        /// The notebook place of the error: the offset within the span when the TeX before it is
        /// on one line, else the span's opening `$`.
        func location(of span: MathSpan) -> SourceLocation {
            var location = span.location
            if let position, let column = location.column, position >= 0, position <= span.tex.utf8.count,
               !span.tex.utf8.prefix(position).contains(UInt8(ascii: "\n")) {
                location.column = column + (span.display ? 2 : 1) + position
            }
            return location
        }
    }

    /// The folder Debian's node modules live in.
    static let modulePath = "/usr/share/nodejs"

    private static let script = """
    const katex = require('katex');
    let input = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', d => { input += d; });
    process.stdin.on('end', () => {
      const out = JSON.parse(input).map(({tex, display}) => {
        try {
          return {mathML: katex.renderToString(tex, {output: 'mathml', displayMode: display, throwOnError: true, strict: 'ignore', trust: false})};
        } catch (e) {
          return {error: String(e && e.rawMessage || e && e.message || e), position: e && typeof e.position === 'number' ? e.position : null};
        }
      });
      process.stdout.write(JSON.stringify(out));
    });
    """

    private struct Result: Decodable {
        var mathML: String?
        var error: String?
        var position: Int?
    }

    /// The MathML of each key (a `<math>` element), or why it failed.
    static func render(_ keys: [MathTypesetter.Key], file: String) throws -> [Swift.Result<String, Failure>] {
        guard let node = executable() else {
            throw NotebookError.mathUnavailable(file: file, reason: "no node command was found on PATH")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = ["-e", script]
        var environment = ProcessInfo.processInfo.environment
        environment["NODE_PATH"] = [modulePath, environment["NODE_PATH"]].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ":")
        process.environment = environment
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        let request = try JSONEncoder().encode(keys)
        do { try process.run() } catch {
            throw NotebookError.mathUnavailable(file: file, reason: "node could not be started (\(error.localizedDescription))")
        }
        DispatchQueue.global().async {
            input.fileHandleForWriting.write(request)
            try? input.fileHandleForWriting.close()
        }
        let errorData = ErrorReader(errors.fileHandleForReading)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let results = try? JSONDecoder().decode([Result].self, from: data), results.count == keys.count else {
            let text = errorData.text
            let reason = text.contains("Cannot find module 'katex'") ? "the katex module is not installed"
                : "KaTeX did not run (\(text.split(separator: "\n").first.map(String.init) ?? "exit status \(process.terminationStatus)"))"
            throw NotebookError.mathUnavailable(file: file, reason: reason)
        }
        return results.map { result in
            if let mathML = result.mathML, let element = mathElement(mathML) { return .success(element) }
            return .failure(Failure(message: result.error ?? "KaTeX gave no MathML", position: result.position))
        }
    }

    /// The `<math>` element of KaTeX's output, without the `<span class="katex">` around it.
    private static func mathElement(_ html: String) -> String? {
        guard let start = html.range(of: "<math"), let end = html.range(of: "</math>", options: .backwards) else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// The first `node` (or `nodejs`) on PATH.
    private static func executable() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            for name in ["node", "nodejs"] where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }

    /// Reads a pipe to its end on another thread, so a chatty child never blocks on a full pipe.
    private final class ErrorReader: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            DispatchQueue.global().async {
                self.data = handle.readDataToEndOfFile()
                self.done.signal()
            }
        }

        var text: String {
            done.wait()
            return String(decoding: data, as: UTF8.self)
        }
    }
}
