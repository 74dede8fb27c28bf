import Testing
@testable import NotebookKit
@Test func placeholderNotebookKit() { #expect(Bool(true)) }
