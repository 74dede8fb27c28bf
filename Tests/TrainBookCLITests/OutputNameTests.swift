import Foundation
import Testing

/// End-to-end tests of where a render writes: notebook and figure names that try to leave the output
/// folder or take another file's place, pages that cannot be written, and renders that share a folder.
@Suite(.serialized) struct OutputNameTests {
    static let fixtures = TrainBookRun.fixtures.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/names")

    /// A fresh temporary folder.
    func scratch(_ name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trainbook-\(name)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Copies the fixture `fixture` to `folder/name`.
    func place(_ fixture: String, as name: String, in folder: String) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/" + name
        try FileManager.default.copyItem(atPath: Self.fixtures.appendingPathComponent(fixture).path, toPath: path)
        return path
    }

    func contents(_ folder: String) -> Set<String> {
        Set((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
    }

    // Finding 1: `...md` wrote its figures into the parent of --out and deleted the *.svg files there;
    // `..md` and `.md` did the same inside --out.
    @Test(arguments: ["...md", "..md", ".md", ".hidden.md"])
    func aDotNameIsRefusedAndTouchesNothing(_ name: String) throws {
        let parent = try scratch("dot-stem")
        let out = parent + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try "<svg/>\n".write(toFile: parent + "/unrelated.svg", atomically: true, encoding: .utf8)
        try "<svg/>\n".write(toFile: out + "/also-unrelated.svg", atomically: true, encoding: .utf8)
        let notebook = try place("figure.md", as: name, in: parent + "/src")

        let run = try TrainBookRun(notebooks: [notebook], arguments: ["--no-cache"], output: out)
        #expect(run.status == 1, "\(run.terminal)")
        #expect(run.terminal.contains("\(name): error: not rendered:"), "\(run.terminal)")
        #expect(run.terminal.contains("rename it"), "\(run.terminal)")
        #expect(contents(parent) == ["unrelated.svg", "out", "src"])
        #expect(contents(out).filter { !$0.hasPrefix(".") } == ["also-unrelated.svg"])
        #expect(try String(contentsOfFile: parent + "/unrelated.svg", encoding: .utf8) == "<svg/>\n")
        #expect(try String(contentsOfFile: out + "/also-unrelated.svg", encoding: .utf8) == "<svg/>\n")
    }

    // Finding 6: `index.md` overwrote the index; `a.md` beside `a.failed.md` overwrote and later deleted
    // the other's page.
    @Test func reservedNamesAreRefusedAndTheOthersRender() throws {
        let folder = try scratch("reserved") + "/book"
        for name in ["index.md", "a.md", "a.failed.md"] { _ = try place("figure.md", as: name, in: folder) }
        let run = try TrainBookRun(notebooks: [folder], arguments: ["--no-cache"])
        #expect(run.status == 1, "\(run.terminal)")
        #expect(run.terminal.contains("index.md: error: not rendered: 'index' is reserved"), "\(run.terminal)")
        #expect(run.terminal.contains("a.failed.md: error: not rendered:"), "\(run.terminal)")
        #expect(try run.index().contains("<h1>Notebooks</h1>"))
        #expect(try run.page("a").contains("<svg"))
        #expect(!FileManager.default.fileExists(atPath: run.output + "/a.failed.html"))
        #expect(contents(run.output + "/a") == ["curve-1.svg"])
    }

    // Names with `=`, quotes, backslashes, spaces, `#`, `?`, `%` and non-ASCII letters render, and the
    // index links to their pages the way a browser resolves a link.
    @Test func unusualButValidNamesRenderAndTheIndexLinksToThem() throws {
        let folder = try scratch("unusual") + "/book"
        let names = ["a=b", "it's \"quoted\"", #"back\slash"#, "with space", "Ünïcødé λ", "hash#and?query", "100%"]
        for name in names {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try "# Page \(name)\n\nProse only.\n".write(toFile: folder + "/\(name).md", atomically: true, encoding: .utf8)
        }
        let run = try TrainBookRun(notebooks: [folder], arguments: ["--no-cache"])
        #expect(run.status == 0, "\(run.terminal)")
        let index = try run.index()
        let base = URL(fileURLWithPath: run.output + "/index.html")
        let targets = index.components(separatedBy: "<a href=\"").dropFirst().compactMap { piece -> String? in
            let href = String(piece.prefix { $0 != "\"" })
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&amp;", with: "&")
            return URL(string: href, relativeTo: base)?.standardizedFileURL.path
        }
        for name in names {
            let page = run.output + "/\(name).html"
            #expect(FileManager.default.fileExists(atPath: page), "\(name).html was not written")
            #expect(targets.contains(page), "the index has no working link to \(name).html: \(targets)")
        }
    }

    // Finding 6: a 240-character label lost the page and the index entry while the summary said ok.
    @Test func aLabelTooLongForAFileNameIsAnErrorAtItsLine() throws {
        let run = try TrainBookRun(notebooks: [Self.fixtures.appendingPathComponent("long-label.md").path],
                                   arguments: ["--no-cache"])
        #expect(run.status == 1, "\(run.terminal)")
        #expect(run.terminal.contains("long-label.md:3:16: error: label 'aaaa"), "\(run.terminal)")
        #expect(run.terminal.contains("is 240 characters long; a label may have at most 100"), "\(run.terminal)")
        #expect(try run.page("long-label").contains("is 240 characters long"))
        #expect(try run.index().contains("long-label.html"))
    }

    // Finding 2 (writing): figure records forged by printed text named files outside --out.
    @Test func forgedFigureNamesNeverLeaveTheNotebooksFigureFolder() throws {
        let parent = try scratch("forged")
        let out = parent + "/out"
        let notebook = try place("forged-figure.md", as: "forged-figure.md", in: parent + "/src")
        let run = try TrainBookRun(notebooks: [notebook], arguments: ["--no-cache"], output: out)
        #expect(run.terminal.contains("forged-figure.md"), "\(run.terminal)")
        #expect(contents(parent) == ["out", "src"])
        #expect(contents(parent + "/src") == ["forged-figure.md"])
        #expect(contents(out).filter { !$0.hasPrefix(".") }.isSubset(of: ["forged-figure", "forged-figure.html", "index.html", "index.json"]))
        let figures = contents(out + "/forged-figure")
        #expect(figures.allSatisfy { $0.hasSuffix(".svg") && !$0.hasPrefix(".") }, "\(figures)")
        #expect(!FileManager.default.fileExists(atPath: out + "/forged-figure/a"))
    }

    // Finding 6: --out replaced by a file mid-render left rc 0.
    @Test func anOutputFolderReplacedByAFileFailsTheRenderAndSaysWhichPage() throws {
        let out = try scratch("replaced") + "/out"
        let notebook = Self.fixtures.appendingPathComponent("slow.md").path
        let run = try TrainBookProcess(["render", notebook, "--out", out, "--no-cache"])
        try run.wait(untilPrinted: "cell 1/1 running")
        try? FileManager.default.removeItem(atPath: out)
        try "not a folder\n".write(toFile: out, atomically: true, encoding: .utf8)
        let (status, terminal) = run.finish()
        #expect(status == 1, "\(terminal)")
        #expect(terminal.contains("slow.md: error: its page was not written:"), "\(terminal)")
        #expect(terminal.contains("not a folder"), "\(terminal)")
        #expect(terminal.contains("FAILED (page not written)"), "\(terminal)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "not a folder\n")
    }

    // Finding 6: four concurrent renders into one --out lost 2-3 of the 4 index entries.
    @Test func fourRendersAtOnceIntoOneFolderKeepEveryIndexEntry() throws {
        for trial in 1...4 {
            let folder = try scratch("concurrent")
            let out = folder + "/out"
            let names = (1...4).map { "notebook-\($0)" }
            for name in names {
                try "# Title of \(name)\n\nProse.\n".write(toFile: folder + "/\(name).md", atomically: true, encoding: .utf8)
            }
            let runs = try names.map { try TrainBookProcess(["render", folder + "/\($0).md", "--out", out, "--no-cache"]) }
            for run in runs {
                let (status, terminal) = run.finish()
                #expect(status == 0, "\(terminal)")
            }
            let manifest = try Data(contentsOf: URL(fileURLWithPath: out + "/index.json"))
            let entries = try JSONSerialization.jsonObject(with: manifest) as? [[String: Any]] ?? []
            #expect(Set(entries.compactMap { $0["name"] as? String }) == Set(names), "trial \(trial)")
            let index = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
            for name in names { #expect(index.contains("Title of \(name)"), "trial \(trial): \(name) is not listed") }
        }
    }
}

/// A `trainbook` process started in the background, for tests that act while it runs.
final class TrainBookProcess {
    let process = Process()
    let pipe = Pipe()
    var data = Data()

    init(_ arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: TrainBookRun.buildFolder + "/trainbook")
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["TRAINBOOK_CACHE": TrainBookRun.cache, "CI": "true"]) { $1 }
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
    }

    /// Reads the output until `text` appears; fails if the process ends first.
    func wait(untilPrinted text: String) throws {
        while !String(decoding: data, as: UTF8.self).contains(text) {
            guard let chunk = try pipe.fileHandleForReading.read(upToCount: 1), !chunk.isEmpty else {
                throw TestFailure("trainbook ended before printing \(text): \(String(decoding: data, as: UTF8.self))")
            }
            data += chunk
        }
    }

    /// Waits for the end; returns the exit status and everything printed.
    func finish() -> (status: Int32, terminal: String) {
        data += pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
