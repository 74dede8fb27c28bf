import Testing
@testable import NotebookKit

/// Which notebook file names can name a page, and what a refused one is told to become.
@Suite struct OutputNameTests {
    @Test(arguments: ["03-decay-on-iris.md", "a=b.md", "it's \"quoted\".md", #"back\slash.md"#, "with space.md",
                      "Ünïcødé λ.md", "v1.2-notes.md", "indexes.md", "apis.md", "failed.md", "a.failed-not.md", "html.md", "index.json5.md"])
    func ordinaryAndUnusualNamesNameTheirPage(_ fileName: String) throws {
        #expect(try OutputName.pageStem(forNotebook: fileName) == String(fileName.dropLast(3)))
    }

    @Test(arguments: [(".md", "notebook.md"), ("..md", "notebook.md"), ("...md", "notebook.md"),
                      (".hidden.md", "hidden.md"), ("index.md", "index-notebook.md"), ("Index.md", "Index-notebook.md"), ("api.md", "api-notebook.md"),
                      ("a.failed.md", "a-failed.md"), ("a.FAILED.md", "a-failed.md"),
                      ("a.html.md", "a-html.md"), ("index.json.md", "index-json.md"), ("index.failed.md", "index-failed.md"), ("bell\u{7}.md", "bell-.md"),
                      (String(repeating: "é", count: 101) + ".md", String(repeating: "é", count: 100) + ".md")])
    func collidingNamesAreRefusedWithARenameThatWorks(_ fileName: String, _ suggestion: String) throws {
        #expect(throws: OutputError.self) { try OutputName.pageStem(forNotebook: fileName) }
        do {
            _ = try OutputName.pageStem(forNotebook: fileName)
        } catch let OutputError.badNotebookName(file, _, suggested) {
            #expect(file == fileName)
            #expect(suggested == suggestion)
            #expect(try OutputName.pageStem(forNotebook: suggested) == String(suggested.dropLast(3)))
        }
    }

    @Test func aStemOfTwoHundredBytesIsTheLongest() throws {
        #expect(try OutputName.pageStem(forNotebook: String(repeating: "a", count: 200) + ".md").utf8.count == 200)
        #expect(throws: OutputError.self) { try OutputName.pageStem(forNotebook: String(repeating: "a", count: 201) + ".md") }
    }

    @Test func figureNamesAreWhatTheEngineMakes() {
        for name in ["cell-1-1", "lr-grid-12", "curve_2-1", String(repeating: "a", count: 100) + "-123456"] {
            #expect(OutputName.isValidFigureName(name), "\(name)")
        }
        for name in ["", "..", ".", "../../X", "/etc/x", "a/b", ".hidden-1", "-1", "a b-1", "ü-1", "a.svg", "a\0b",
                     String(repeating: "a", count: 113)] {
            #expect(!OutputName.isValidFigureName(name), "\(name)")
        }
    }
}
