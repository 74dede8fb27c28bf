import Testing
@testable import TrainKit
@Test func placeholderTrainKit() { #expect(Bool(true)) }
