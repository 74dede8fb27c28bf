import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Charts

/// Shared axes, figure legends and the legend rules against their recorded SVGs.
@Suite struct GridSnapshotTests {
    @Test(arguments: GridExamples.all.map(\.name))
    func matchesSnapshot(name: String) throws {
        let figure = try #require(GridExamples.all.first { $0.name == name }?.figure)
        try Snapshot.check(figure.svg(id: "snap-\(name)"), named: name)
    }

    @Test(arguments: GridExamples.all.map(\.name))
    func svgIsWellFormedXML(name: String) throws {
        let figure = try #require(GridExamples.all.first { $0.name == name }?.figure)
        let parser = XMLParser(data: Data(figure.svg(id: "snap-\(name)").utf8))
        #expect(parser.parse(), "\(name) is not well-formed XML")
    }
}
