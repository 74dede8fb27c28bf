import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Charts

/// Every chart kind against its recorded SVG, and every recorded SVG is well-formed XML.
@Suite struct SnapshotTests {
    @Test(arguments: ChartExamples.all.map(\.name))
    func matchesSnapshot(name: String) throws {
        let figure = try #require(ChartExamples.all.first { $0.name == name }?.figure)
        try Snapshot.check(figure.svg(id: "snap-\(name)"), named: name)
    }

    /// The rendered SVG (byte-identical to the snapshot when the test above passes) parses as XML.
    @Test(arguments: ChartExamples.all.map(\.name))
    func svgIsWellFormedXML(name: String) throws {
        let figure = try #require(ChartExamples.all.first { $0.name == name }?.figure)
        let parser = XMLParser(data: Data(figure.svg(id: "snap-\(name)").utf8))
        let ok = parser.parse()
        #expect(ok, "\(name) is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "unknown error")")
    }

    @Test func renderingIsDeterministic() {
        for (_, figure) in ChartExamples.all {
            #expect(figure.svg(id: "a") == figure.svg(id: "a"))
        }
    }
}
