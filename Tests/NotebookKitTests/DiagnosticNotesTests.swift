import Testing
import TrainBookShared
@testable import NotebookKit

/// swiftc's notes stay under their error, wherever they point, and a "has no member" message is
/// recognised for the hint that lists the valid names.
@Suite struct DiagnosticNotesTests {
    static let markdown = "# T\n\n```swift-train\nlet s = SGD(learningRate: \"0.1\")\nlet x = 1\n```\n"

    func parse(_ output: String) throws -> [Diagnostic] {
        let document = try NotebookParser.parse(Self.markdown, fileName: "n.md")
        let program = try ProgramAssembler.assemble(document)
        let lines = Self.markdown.split(separator: "\n", omittingEmptySubsequences: false)
        return Diagnostic.parse(compilerOutput: output, document: document, program: program, notebookLines: lines)
    }

    @Test func aNoteInTheLibraryGoesUnderItsErrorAsItsDeclaration() throws {
        let file = ProgramAssembler.sourceLocationFile(for: "n.md")
        let output = """
            \(file):4:9: error: no exact matches in call to initializer 
            let s = SGD(learningRate: "0.1")
                    ^
            /build/Sources/TrainKit/Optimizers/SGD.swift:20:12: note: candidate expects value of type 'Double' for parameter #1 (got 'String')
                public init(learningRate: Double = 0.01) {
                       ^
            \(file):5:5: warning: initialization of immutable value 'x' was never used
            \(file):4:5: note: a note at a notebook line
            """
        let diagnostics = try parse(output)
        #expect(diagnostics.map(\.severity) == [.error, .warning])
        #expect(diagnostics[0].message == "no exact matches in call to initializer")
        #expect(diagnostics[0].notes == ["note: candidate expects value of type 'Double' for parameter #1 (got 'String'): "
                                         + "init(learningRate: Double = 0.01)"])
        #expect(diagnostics[1].notes == ["n.md:4:5: note: a note at a notebook line"])
        #expect(diagnostics[0].description.contains("        ^\nnote: candidate expects"))
    }

    @Test func missingMembersAreReadOnTypesAndOnValues() {
        let onType = Diagnostic.missingMember(in: "type 'LegendPosition' has no member 'upperRigth'")
        #expect(onType?.type == "LegendPosition" && onType?.member == "upperRigth" && onType?.onType == true)
        let onValue = Diagnostic.missingMember(in: "value of type 'TrainKit.Sequential' has no member 'summry'")
        #expect(onValue?.type == "Sequential" && onValue?.member == "summry" && onValue?.onType == false)
        #expect(Diagnostic.missingMember(in: "cannot find 'x' in scope") == nil)
    }

    @Test func theNearestNamesAreCloseOnesOnly() {
        #expect(NearestName.matches(for: "val_los", in: ["loss", "val_loss", "learning_rate"]) == ["val_loss"])
        #expect(NearestName.matches(for: "upperRigth", in: ["best", "upperRight", "upperLeft"]).first == "upperRight")
        #expect(NearestName.matches(for: "momentum", in: ["loss", "val_loss"]).isEmpty)
        #expect(NearestName.distance("", "abc") == 3 && NearestName.distance("abc", "") == 3)
    }
}
