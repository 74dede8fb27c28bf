import Foundation
import Testing

/// `render --ipynb` and `render --pdf`: the notebook Jupyter opens, checked by the `nbformat` package
/// itself, and the page printed to PDF by Chromium.
@Suite(.serialized) struct ExportEndToEndTests {
    static let python = "/usr/bin/python3"

    /// Runs `nbformat.validate` on the notebook at `path`; returns what it printed and its status.
    static func validate(_ path: String) throws -> (status: Int32, said: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", """
            import sys, nbformat
            notebook = nbformat.read(sys.argv[1], as_version=nbformat.NO_CONVERT)
            nbformat.validate(notebook)
            print("valid", notebook.nbformat, notebook.nbformat_minor)
            """, path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let said = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, said)
    }

    @Test func ipynbIsAValidNotebookWithTheBlocksAndTheirOutputs() throws {
        let run = try TrainBookRun(notebooks: ["exports.md"], arguments: ["--ipynb"])
        #expect(run.status == 0, "\(run.terminal)")
        let path = run.output + "/exports.ipynb"
        let (status, said) = try Self.validate(path)
        #expect(status == 0 && said.contains("valid 4 5"),
                "nbformat rejects the notebook (needs Debian's python3-nbformat; scripts/install-system-deps --tests): \(said)")
        let notebook = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any] ?? [:]
        let cells = notebook["cells"] as? [[String: Any]] ?? []
        #expect(cells.map { $0["cell_type"] as? String ?? "" } == ["markdown", "markdown", "code", "code"])
        let prose = (cells.dropFirst().first?["source"] as? [String] ?? []).joined()
        #expect(prose.contains("$\\eta = 0.1$"), "math goes to Jupyter as TeX: \(prose)")
        let outputs = cells.count > 2 ? cells[2]["outputs"] as? [[String: Any]] ?? [] : []
        #expect(outputs.map { $0["output_type"] as? String ?? "" } == ["stream", "display_data", "display_data"])
        #expect((outputs.first?["text"] as? [String]) == ["rate is 0.1\n"])
        let data = outputs.dropFirst().compactMap { $0["data"] as? [String: Any] }
        let svg = (data.first?["image/svg+xml"] as? [String] ?? []).joined()
        let table = (data.last?["text/html"] as? [String] ?? []).joined()
        #expect(svg.hasPrefix("<svg"))
        #expect(table.contains("<td class=\"num\">0.1200"))
        let kernel = (notebook["metadata"] as? [String: Any])?["kernelspec"] as? [String: Any]
        #expect(kernel?["language"] as? String == "swift")
        #expect(((cells.last?["metadata"] as? [String: Any])?["jupyter"] as? [String: Any])?["source_hidden"] as? Bool == true)
    }

    /// The oracle can fail: nbformat rejects a notebook whose code cell lacks its outputs.
    @Test func nbformatRejectsABrokenNotebook() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString).ipynb").path
        defer { unlink(path) }
        try #"{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "code", "id": "a", "metadata": {}, "source": [], "execution_count": null}]}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try Self.validate(path).status != 0)
    }

    @Test func pdfIsWrittenBesideThePageAndHasPages() throws {
        let run = try TrainBookRun(notebooks: ["exports.md"], arguments: ["--pdf"])
        #expect(run.status == 0, "\(run.terminal)")
        let pdf = try Data(contentsOf: URL(fileURLWithPath: run.output + "/exports.pdf"))
        #expect(pdf.starts(with: Data("%PDF-".utf8)))
        let text = String(decoding: pdf, as: UTF8.self)
        let pages = text.components(separatedBy: "/Type /Page").count - 1 - (text.components(separatedBy: "/Type /Pages").count - 1)
        #expect(pages >= 1, "the PDF has no page objects")
        #expect(text.contains("%%EOF"))
    }

    @Test func pdfWithoutChromiumSaysWhatToInstallAndWritesNothing() throws {
        let run = try TrainBookRun(notebooks: ["exports.md"], arguments: ["--pdf"],
                                   environment: ["TRAINBOOK_CHROMIUM": "/nonexistent/chromium"])
        #expect(run.status != 0)
        #expect(run.terminal.contains("--pdf: TRAINBOOK_CHROMIUM names /nonexistent/chromium, which is not an executable"), "\(run.terminal)")
        #expect(!FileManager.default.fileExists(atPath: run.output + "/exports.html"))
    }
}
