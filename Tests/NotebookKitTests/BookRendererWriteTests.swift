import Foundation
import Testing
@testable import NotebookKit

/// Where `BookRenderer.write` puts a page and its figures, whatever names the running program sent,
/// and what it removes when a notebook is rendered again.
@Suite struct BookRendererWriteTests {
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"nb-t\" width=\"10\" height=\"10\"></svg>"

    func scratch() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trainbook-write-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    func renderer(_ out: String) -> BookRenderer {
        let toolchain = Toolchain(swiftc: "swiftc", libraryDirectory: "", moduleMaps: [], moduleCache: "")
        return BookRenderer(executor: NotebookExecutor(toolchain: toolchain, workRoot: ""), outputFolder: out)
    }

    /// A notebook `name.md` of one cell that showed figures with the names `figures`.
    func executed(_ name: String, figures: [String]) throws -> ExecutedDocument {
        let document = try NotebookParser.parse("# T\n\n```swift-train\nshow(x)\n```\n", fileName: name + ".md")
        var cell = CellResult(index: 0)
        cell.outputs = figures.map { .figure(name: $0, svg: svg, alt: "a figure") }
        cell.status = .succeeded
        return ExecutedDocument(document: document, cells: [cell])
    }

    func contents(_ folder: String) -> Set<String> {
        Set((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
    }

    @Test func forgedFigureNamesAreDroppedWithAWarningAndWriteNothingOutside() throws {
        let parent = try scratch()
        let out = parent + "/out"
        let forged = ["../../X-1", "../X-2", parent + "/absolute-3", "a/b-4", ".hidden-5", "..", "", "ok-1", "ok-1"]
        // The page is written and says what was dropped; the write reports the drop so the render fails.
        #expect(throws: OutputError.self) { try renderer(out).write(executed("nb", figures: forged)) }
        #expect(contents(parent) == ["out"])
        #expect(contents(out) == [".trainbook.lock", "index.html", "index.json", "nb.html", "nb"])
        #expect(contents(out + "/nb") == ["ok-1.svg"])
        let page = try String(contentsOfFile: out + "/nb.html", encoding: .utf8)
        #expect(page.components(separatedBy: "a figure was dropped: its name").count == 8)
        #expect(page.contains("a figure was dropped: an earlier figure of this notebook has the same name &quot;ok-1&quot;"))
        #expect(page.components(separatedBy: "<svg").count == 2)
    }

    @Test func aFigureTheSanitizerRefusesIsDroppedAndTheFileHoldsTheCheckedText() throws {
        let out = try scratch() + "/out"
        var notebook = try executed("nb", figures: ["cell-1-1"])
        notebook.cells[0].outputs.append(.figure(name: "cell-1-2", svg: "<svg id=\"nb-t2\"><script>alert(1)</script></svg>", alt: "forged"))
        #expect(throws: OutputError.self) { try renderer(out).write(notebook) }
        #expect(contents(out + "/nb") == ["cell-1-1.svg"])
        let checked = try #require(try? SVGSanitizer.sanitize(svg).get())
        #expect(FileManager.default.contents(atPath: out + "/nb/cell-1-1.svg") == Data((checked + "\n").utf8))
        let page = try String(contentsOfFile: out + "/nb.html", encoding: .utf8)
        #expect(page.contains("a figure was dropped: figure &quot;cell-1-2&quot; is not the SVG the charts library writes"))
        #expect(!page.contains("alert(1)"))
    }

    @Test func aFigureFolderLinkedOutsideIsRefused() throws {
        let parent = try scratch()
        let out = parent + "/out", elsewhere = parent + "/elsewhere"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try "mine\n".write(toFile: elsewhere + "/cell-1-1.svg", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: out + "/nb", withDestinationPath: elsewhere)
        #expect(throws: OutputError.self) { try renderer(out).write(executed("nb", figures: ["cell-1-1"])) }
        #expect(contents(elsewhere) == ["cell-1-1.svg"])
        #expect(try String(contentsOfFile: elsewhere + "/cell-1-1.svg", encoding: .utf8) == "mine\n")
    }

    @Test func aRenderRemovesOnlyTheFiguresItsEarlierRenderWrote() throws {
        let out = try scratch() + "/out"
        try renderer(out).write(executed("nb", figures: ["cell-1-1", "cell-1-2"]))
        try "an author's own\n".write(toFile: out + "/nb/notes.svg", atomically: true, encoding: .utf8)
        try "an author's own\n".write(toFile: out + "/nb/cell-9-9.svg", atomically: true, encoding: .utf8)
        try renderer(out).write(executed("nb", figures: ["cell-1-1"]))
        #expect(contents(out + "/nb") == ["cell-1-1.svg", "notes.svg", "cell-9-9.svg"])
        let entries = IndexPage.load(from: out)
        #expect(entries.map(\.figures) == [["cell-1-1.svg"]])
    }

    @Test func aManifestFromBeforeFiguresWereRecordedStillLetsStaleFiguresGo() throws {
        let out = try scratch() + "/out"
        try renderer(out).write(executed("nb", figures: ["cell-1-1", "cell-1-2"]))
        var entries = IndexPage.load(from: out)
        entries[0].figures = nil
        try IndexPage.write(entries, to: out)
        try renderer(out).write(executed("nb", figures: ["cell-1-1"]))
        #expect(contents(out + "/nb") == ["cell-1-1.svg"])
    }

    @Test func aNameThatCannotNameAPageWritesNothing() throws {
        let parent = try scratch()
        let out = parent + "/out"
        for name in ["..", ".", "", "index", "a.failed"] {
            #expect(throws: OutputError.self) { try renderer(out).write(executed(name, figures: ["cell-1-1"])) }
        }
        #expect(contents(parent) == [])
    }

    @Test func theIndexLinksToPagesWhatEverTheirNames() throws {
        let out = try scratch() + "/out"
        for name in ["a=b", "hash#1", "100%", #"back\slash"#, "javascript:alert(1)"] {
            try renderer(out).write(executed(name, figures: []))
        }
        let index = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(index.contains("href=\"a=b.html\""))
        #expect(index.contains("href=\"hash%231.html\""))
        #expect(index.contains("href=\"100%25.html\""))
        #expect(index.contains("href=\"back%5Cslash.html\""))
        #expect(index.contains("href=\"./javascript:alert(1).html\""))
    }
}
