import Foundation
import Testing

/// The bundled book in quick mode (`-p epochs=2`, and fewer rows where a notebook has that
/// parameter): every notebook runs without a failed cell, makes every figure its committed full
/// render has, and two jobs write the same bytes as one.
@Suite(.serialized) struct BundledBookTests {
    static let root = TrainBookRun.fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let notebooks = root.appendingPathComponent("notebooks").path
    static let committedOutput = root.appendingPathComponent("output").path

    static var quickParameters: [String] {
        let texts = ((try? FileManager.default.contentsOfDirectory(atPath: notebooks)) ?? [])
            .filter { $0.hasSuffix(".md") }
            .compactMap { try? String(contentsOfFile: notebooks + "/" + $0, encoding: .utf8) }
        var arguments = ["-p", "epochs=2"]
        if texts.contains(where: { $0.contains("let trainingRows =") }) { arguments += ["-p", "trainingRows=2000"] }
        return arguments
    }

    func figures(in output: String, notebook: String) -> Set<String> {
        Set(((try? FileManager.default.contentsOfDirectory(atPath: output + "/" + notebook)) ?? []).filter { $0.hasSuffix(".svg") })
    }

    @Test func quickBookRunsCleanlyMakesEveryFigureAndIsTheSameWithTwoJobs() throws {
        let serial = try TrainBookRun(notebooks: [Self.notebooks], arguments: Self.quickParameters + ["--no-cache", "--jobs", "1"])
        #expect(serial.status == 0, "\(serial.terminal)")
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.notebooks)
            .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
        #expect(!names.isEmpty)
        for name in names {
            let page = try serial.page(name)
            #expect(!page.contains("class=\"banner\""), "\(name) has a failed cell in quick mode")
            let committed = figures(in: Self.committedOutput, notebook: name)
            #expect(FileManager.default.fileExists(atPath: Self.committedOutput + "/\(name).html"),
                    "output/\(name).html is not committed; render the book with `make book`")
            #expect(figures(in: serial.output, notebook: name) == committed, "\(name): quick figures differ from output/\(name)/")
        }

        let parallel = try TrainBookRun(notebooks: [Self.notebooks], arguments: Self.quickParameters + ["--no-cache", "--jobs", "2"])
        #expect(parallel.status == 0)
        let files = try FileManager.default.subpathsOfDirectory(atPath: serial.output).sorted()
        #expect(files == (try FileManager.default.subpathsOfDirectory(atPath: parallel.output).sorted()))
        for file in files where file.hasSuffix(".html") || file.hasSuffix(".svg") {
            #expect(FileManager.default.contents(atPath: serial.output + "/" + file)
                    == FileManager.default.contents(atPath: parallel.output + "/" + file), "\(file) differs between --jobs 1 and 2")
        }
    }
}
