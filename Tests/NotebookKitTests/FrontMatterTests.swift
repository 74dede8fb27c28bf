import Testing
@testable import NotebookKit

@Suite struct FrontMatterTests {
    @Test func dependsReadsAListBelowItsKey() throws {
        let document = try NotebookParser.parse("---\nallow-html: true\ndepends:\n  - data/a.csv\n  - \"extra folder/\"\n---\n# T\n",
                                                fileName: "n.md")
        #expect(document.dependencies == [DeclaredDependency(path: "data/a.csv", line: 4),
                                          DeclaredDependency(path: "extra folder/", line: 5)])
        #expect(document.allowsHTML)
    }

    @Test func dependsReadsItsLineWithOrWithoutBrackets() throws {
        for value in ["a.csv, ../b/", "[a.csv, ../b/]"] {
            let document = try NotebookParser.parse("---\ndepends: \(value)\n---\n# T\n", fileName: "n.md")
            #expect(document.dependencies == [DeclaredDependency(path: "a.csv", line: 2), DeclaredDependency(path: "../b/", line: 2)])
        }
    }

    @Test func noFrontMatterDeclaresNothing() throws {
        #expect(try NotebookParser.parse("# T\n\ndepends: a.csv\n", fileName: "n.md").dependencies.isEmpty)
    }
}
