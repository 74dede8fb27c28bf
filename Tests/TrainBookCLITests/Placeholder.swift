import Testing
@testable import NotebookKit
@Test func placeholderTrainBookCLI() { #expect(Bool(true)) }
