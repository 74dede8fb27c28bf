import Testing
@testable import NotebookKit

/// `-p NAME=VALUE` takes literals only (the README's promise): values that are code are rejected
/// before anything compiles, with the parameter, the notebook line and what is allowed.
@Suite struct ParameterLiteralTests {
    let notebook = """
    # P

    ```swift-train parameters
    let epochs = 20
    let rate = 0.1
    let rows: Double = 3
    let optimizer = "sgd"
    let verbose = false
    let rates = [0.1, 0.01]
    let names: [String] = []
    let computed = 2 * 3
    ```
    """

    func assembled(_ parameters: [String: String]) throws -> String {
        let document = try NotebookParser.parse(notebook, fileName: "p.md")
        return try ProgramAssembler.assemble(document, parameters: parameters).source
    }

    @Test(arguments: [
        ("epochs", "3", "let epochs = 3"), ("epochs", " 60_000 ", "let epochs = 60_000"), ("epochs", "-2", "let epochs = -2"),
        ("rate", "1e-3", "let rate = 1e-3"), ("rate", "-0.5", "let rate = -0.5"), ("rate", "2.5E+4", "let rate = 2.5E+4"),
        ("rate", "1", "let rate = 1.0"), ("rows", "0.5", "let rows: Double = 0.5"),
        ("optimizer", #""adam""#, #"let optimizer = "adam""#), ("optimizer", #""tab\there \"q\" \u{1F600}""#, #"let optimizer = "tab\there \"q\" \u{1F600}""#),
        ("verbose", "true", "let verbose = true"), ("rates", "[1, 0.5]", "let rates = [1.0, 0.5]"), ("rates", "[]", "let rates = []"),
        ("names", #"["a", "b",]"#, #"let names: [String] = ["a", "b"]"#),
    ])
    func literalsOfTheRightKindAreSpliced(name: String, value: String, line: String) throws {
        #expect(try assembled([name: value]).contains("\n" + line + "\n"))
    }

    @Test(arguments: [
        ("optimizer", #""a"+String(cString: getenv("HOME"))"#, "unexpected '+'"),
        ("optimizer", #""a"+String(cString: getenv("HOME"))+"""#, "unexpected '+' after the literal \"a\""),
        ("optimizer", #""x"; exit(0); let y = "z""#, "unexpected ';'"),
        ("epochs", "foo()", "'foo' is a name, not a literal"),
        ("epochs", "1; exit(0)", "unexpected ';'"),
        ("optimizer", #""\(getenv("HOME"))""#, "string interpolation"),
        ("optimizer", #""open"#, "no closing"),
        ("optimizer", #""a\qb""#, "not a Swift escape"),
        ("optimizer", "#\"raw\"#", "unexpected '#'"),
        ("rate", "nan", "'nan' is a name"), ("rate", "1.", "digits must follow the decimal point"), ("rate", ".5", "unexpected '.'"),
        ("rate", "0x10", "unexpected 'x'"), ("epochs", "", "a value is missing"),
        ("rates", "[0.1, foo]", "'foo' is a name"), ("rates", "[0.1", "no closing ]"),
        ("verbose", "true || exit(1)", "unexpected '|'"), ("epochs", "-", "digits must follow the minus sign"),
        ("optimizer", "\"\u{1B}[2J\"", "as escapes such as \\u{1B}"), ("optimizer", "\"two\nlines\"", "must stay on one line"),
    ])
    func codeIsRejectedWithTheReasonAndWhatIsAllowed(name: String, value: String, reason: String) {
        #expect {
            try assembled([name: value])
        } throws: { error in
            let message = "\(error)"
            return message.hasPrefix("parameter '\(name)': error: -p \(name)=\(value) is not a literal (")
                && message.contains(reason) && message.contains("p.md:") && message.contains("A -p value must be a literal")
        }
    }

    @Test(arguments: [
        ("epochs", "0.5", "-p epochs=0.5 is a number, but p.md:4 declares `let epochs = 20`, so give an integer (e.g. 3)"),
        ("rate", "true", "-p rate=true is true or false, but p.md:5 declares `let rate = 0.1`, so give a number (e.g. 0.5 or 1e-3)"),
        ("optimizer", "3", "-p optimizer=3 is an integer, but p.md:7 declares `let optimizer = \"sgd\"`, so give a double-quoted string"),
        ("rates", "[\"a\"]", "is an array of strings, but p.md:9 declares `let rates = [0.1, 0.01]`, so give an array of numbers"),
        ("rates", "[1, \"a\"]", "-p rates=[1, \"a\"] mixes kinds"),
        ("epochs", "[3]", "-p epochs=[3] is an array of integers, but"),
    ])
    func theKindMustMatchTheDeclaration(name: String, value: String, message: String) {
        #expect { try assembled([name: value]) } throws: { "\($0)".contains(message) }
    }

    @Test func aDefaultThatIsNotALiteralCannotBeOverridden() {
        #expect {
            try assembled(["computed": "6"])
        } throws: { "\($0)".contains("p.md:11 declares `let computed = 2 * 3`, whose value is not a literal, so -p cannot override it") }
    }

    @Test func anUnknownNameListsTheDefinedOnesAndTheBlock() {
        #expect {
            try assembled(["epoch": "3"])
        } throws: { "\($0)".contains("the parameters block has no 'epoch' (it defines: epochs, rate, rows, optimizer, verbose, rates, names, computed); the block is at p.md:3") }
    }
}
