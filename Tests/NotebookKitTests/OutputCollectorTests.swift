import Testing
import NotebookWire
@testable import NotebookKit

@Suite struct OutputCollectorTests {
    func stream(_ parts: [String]) -> [UInt8] { Array(parts.joined().utf8) }

    @Test func textGoesToTheCellThatPrintedIt() {
        var collector = OutputCollector(cellCount: 2)
        collector.consume(stream([WireRecord.cellBegin(index: 0).encodedLine(), "one\n",
                                  WireRecord.cellEnd(index: 0).encodedLine(), WireRecord.cellBegin(index: 1).encodedLine(),
                                  "two", WireRecord.warning(message: "careful").encodedLine(), "three\n"]))
        collector.finish()
        #expect(collector.cells[0].outputs == [.text("one\n")])
        #expect(collector.cells[0].status == .succeeded)
        #expect(collector.cells[1].outputs == [.text("two"), .warning("careful"), .text("three\n")])
        #expect(collector.runningCell == 1)
    }

    @Test func recordsSplitAcrossChunksAreReassembled() {
        let bytes = stream([WireRecord.cellBegin(index: 0).encodedLine(), "héllo ",
                            WireRecord.figure(name: "cell-1-1", svg: "<svg/>", alt: "a").encodedLine(), "end\n"])
        for size in [1, 2, 3, 7, 64] {
            var collector = OutputCollector(cellCount: 1)
            var start = 0
            while start < bytes.count {
                collector.consume(Array(bytes[start..<min(bytes.count, start + size)]))
                start += size
            }
            collector.finish()
            #expect(collector.cells[0].outputs == [.text("héllo "), .figure(name: "cell-1-1", svg: "<svg/>", alt: "a"), .text("end\n")],
                    "chunk size \(size)")
        }
    }

    @Test func hugeOutputIsTruncatedWithANote() {
        var collector = OutputCollector(cellCount: 1)
        collector.consume(Array(WireRecord.cellBegin(index: 0).encodedLine().utf8))
        let line = Array(String(repeating: "x", count: 1023).appending("\n").utf8)
        for _ in 0..<3000 { collector.consume(line) }
        collector.finish()
        guard case .text(let text)? = collector.cells[0].outputs.first else { Issue.record("no text"); return }
        #expect(text.utf8.count == OutputCollector.textLimit)
        #expect(collector.cells[0].outputs.count == 2)
        if case .warning(let note)? = collector.cells[0].outputs.last { #expect(note.contains("truncated")) }
    }

    @Test func runtimeCrashBannersAreDropped() {
        let text = "before\n*** Signal 4: Backtracing from 0x1... done ***\nswift-runtime: failed to suspend thread 1\nafter"
        #expect(OutputCollector.removingRuntimeNoise(text) == "before\nafter")
    }
}
