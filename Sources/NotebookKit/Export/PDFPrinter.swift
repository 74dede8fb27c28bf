import Foundation

/// Prints a written page to PDF with headless Chromium, using the page's print style sheet: light
/// colours, wrapped code, whole figures, link addresses after the links, no navigation.
public struct PDFPrinter: Sendable {
    /// The Chromium executable.
    public var executable: String
    /// Seconds one page may take to print.
    public var timeout: Double = 120

    /// Why a PDF could not be made.
    public struct Failure: Error, CustomStringConvertible {
        /// The message for the author.
        public var description: String
    }

    /// The names Chromium is installed under, tried in order on `PATH`.
    static let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// Finds Chromium: `TRAINBOOK_CHROMIUM` when set, else the first of `names` on `PATH`.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PDFPrinter {
        if let chosen = environment["TRAINBOOK_CHROMIUM"] {
            guard FileManager.default.isExecutableFile(atPath: chosen) else {
                throw Failure(description: "--pdf: TRAINBOOK_CHROMIUM names \(chosen), which is not an executable; point it at Chromium or unset it")
            }
            return PDFPrinter(executable: chosen)
        }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in names {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
                return PDFPrinter(executable: folder + "/" + name)
            }
        }
        throw Failure(description: "--pdf needs Chromium to print pages, and none was found on PATH (looked for \(names.joined(separator: ", "))); install it (Debian: apt-get install chromium) or set TRAINBOOK_CHROMIUM to its path, or render without --pdf")
    }

    /// Prints the page at `page` to `pdf`, written whole or not at all.
    public func print(page: String, to pdf: String) throws {
        let folder = (pdf as NSString).deletingLastPathComponent
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".tb-pdf-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).tmp"
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("trainbook-pdf-\(UUID().uuidString)").path
        defer {
            unlink(temporary)
            try? FileManager.default.removeItem(atPath: profile)
        }
        // Chromium refuses to run as root with its own sandbox; only then is it turned off.
        let arguments = (getuid() == 0 ? ["--no-sandbox"] : []) + [
            "--headless", "--disable-gpu", "--no-first-run", "--no-pdf-header-footer", "--user-data-dir=" + profile,
            "--print-to-pdf=" + temporary, URL(fileURLWithPath: page).absoluteString,
        ]
        let child = ChildProcess(executable: executable, arguments: arguments,
                                 environment: ProcessInfo.processInfo.environment, workingDirectory: nil)
        var said: [UInt8] = []
        let deadline = Date().addingTimeInterval(timeout)
        let end = try child.run(onOutput: { said += $0 }, shouldStop: { Date() > deadline ? .timeout : nil })
        let written = (try? Data(contentsOf: URL(fileURLWithPath: temporary))) ?? Data()
        guard end == .exited(0), written.starts(with: Data("%PDF-".utf8)) else {
            let last = String(decoding: said, as: UTF8.self).split(separator: "\n").suffix(3).joined(separator: "\n")
            let how = end == .stopped(.timeout) ? "did not finish within \(Int(timeout)) s" : "ended with \(end)"
            throw Failure(description: "\((pdf as NSString).lastPathComponent) was not written: \(executable) \(how)\(last.isEmpty ? "" : ":\n" + last)")
        }
        try AtomicFile.write(written, to: pdf)
    }
}
