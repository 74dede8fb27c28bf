import Foundation
import Testing

/// The messages for three typical mistakes of a new notebook writer, end to end and word for word:
/// a misspelt enum case, a wrong initializer label or argument type, and a typo'd history key.
@Suite(.serialized) struct CompilerMessageTests {
    static let bad = BadNotebookTests.bad

    func run(_ name: String, _ command: String) throws -> TrainBookRun {
        try TrainBookRun(notebooks: [Self.bad.appendingPathComponent(name).path],
                         arguments: command == "render" ? ["--no-cache"] : [], command: command)
    }

    @Test func aMisspeltEnumCaseListsTheValidOnes() throws {
        let run = try run("misspelt-enum-case.md", "check")
        #expect(run.status == 1)
        #expect(run.terminal.contains("""
            misspelt-enum-case.md:6:18: error: type 'LegendPosition' has no member 'upperRigth'
            figure.legend = .upperRigth
                             ^
            note: did you mean 'upperRight'?
            note: the cases of 'LegendPosition' are 'best', 'hidden', 'upperRight', 'upperLeft', 'lowerLeft', \
            'lowerRight', 'right', 'centerLeft', 'centerRight', 'lowerCenter', 'upperCenter', 'center', 'direct'
            """), "\(run.terminal)")
        #expect(run.terminal.components(separatedBy: "error:").count == 2)
    }

    @Test func aWrongInitializerKeepsSwiftcsCandidates() throws {
        let run = try run("wrong-initializer.md", "check")
        #expect(run.status == 1)
        #expect(run.terminal.contains("""
            wrong-initializer.md:4:18: error: incorrect argument label in call (have '_:activaton:', expected '_:activation:')
            """), "\(run.terminal)")
        #expect(run.terminal.contains("""
            wrong-initializer.md:8:17: error: no exact matches in call to initializer
            let optimizer = SGD(learningRate: "0.1")
                            ^
            note: candidate expects value of type 'Double' for parameter #1 (got 'String'): \
            init(learningRate: Double = 0.01, momentum: Double = 0, nesterov: Bool = false, decay: Double = 0)
            note: candidate expects value of type 'LearningRateSchedule' for parameter #1 (got 'String'): \
            init(learningRate: LearningRateSchedule, momentum: Double = 0, nesterov: Bool = false, decay: Double = 0)
            """), "\(run.terminal)")
        #expect(!run.terminal.contains("/Sources/"), "a note names the declaration, not a path on the build machine")
    }

    @Test func aTypoedHistoryKeySuggestsTheNearestKeyOnly() throws {
        let run = try run("history-key-typo.md", "render")
        #expect(run.status == 1)
        let message = "history-key-typo.md:13: error: the cell stopped with a runtime error: history has no \"val_los\"; "
            + "it has \"loss\", \"val_loss\", \"learning_rate\". Did you mean \"val_loss\"?"
        #expect(run.terminal.contains(message + "\n") || run.terminal.hasSuffix(message), "\(run.terminal)")
        #expect(!run.terminal.contains("Pass `validation:`"))
        #expect(!run.terminal.contains("error: error:"))
    }
}
