import Foundation

/// Debian's Chromium, run headless on a page: what a reader's browser makes of the markup.
enum Chromium {
    static let path = "/usr/bin/chromium"

    /// Why Chromium could not give a DOM.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The DOM that Chromium builds from `html`, serialized after the page loaded.
    static func dom(of html: String) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw Failure(description: "\(path) is missing: the browser checks need Debian's chromium; run scripts/install-system-deps --tests (make test installs it)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trainbook-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("page.html")
        try html.write(to: page, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        // Chromium refuses to run as root with its own sandbox; only then is it turned off.
        process.arguments = (getuid() == 0 ? ["--no-sandbox"] : []) + [
            "--headless", "--disable-gpu", "--no-first-run", "--user-data-dir=" + folder.appendingPathComponent("profile").path,
            "--dump-dom", page.absoluteString,
        ]
        let output = folder.appendingPathComponent("dom.html")
        guard FileManager.default.createFile(atPath: output.path, contents: nil) else {
            throw Failure(description: "cannot create \(output.path)")
        }
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + 60) == .timedOut {
            process.terminate()
            throw Failure(description: "chromium did not finish within 60 s")
        }
        let dom = try String(contentsOf: output, encoding: .utf8)
        guard process.terminationStatus == 0, dom.contains("<body") else {
            throw Failure(description: "chromium exited with status \(process.terminationStatus) and no DOM")
        }
        return dom
    }
}
