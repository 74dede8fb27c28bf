import Testing
import NotebookWire
@testable import NotebookKit

@Suite struct OutputCollectorTests {
    /// The JSON of a record's frame, as the runner hands it to the collector.
    func json(_ record: WireRecord) -> [UInt8] { Array(record.encodedFrame().dropFirst(4)) }

    @Test func textGoesToTheCellThatPrintedIt() {
        var collector = OutputCollector(cellCount: 2)
        collector.receive(frame: json(.cellBegin(index: 0)))
        collector.consume(Array("one\n".utf8))
        collector.receive(frame: json(.cellEnd(index: 0)))
        collector.receive(frame: json(.cellBegin(index: 1)))
        collector.consume(Array("two".utf8))
        collector.receive(frame: json(.warning(message: "careful")))
        collector.consume(Array("three\n".utf8))
        collector.finish()
        #expect(collector.cells[0].outputs == [.text("one\n")])
        #expect(collector.cells[0].status == .succeeded)
        #expect(collector.cells[1].outputs == [.text("two"), .warning("careful"), .text("three\n")])
        #expect(collector.runningCell == 1)
    }

    @Test func framesSplitAcrossReadsAreReassembled() throws {
        let records: [WireRecord] = [.cellBegin(index: 0), .figure(name: "cell-1-1", svg: "<svg/>", alt: "héllo"), .cellEnd(index: 0)]
        let bytes = records.flatMap { $0.encodedFrame() }
        for size in [1, 2, 3, 7, 64] {
            let channel = try RecordChannel()
            var decoded: [WireRecord] = []
            var start = 0
            while start < bytes.count {
                decoded += try channel.frames(adding: bytes[start..<min(bytes.count, start + size)]).compactMap { WireRecord.decode(json: $0) }
                start += size
            }
            #expect(decoded == records, "chunk size \(size)")
        }
    }

    @Test func aFrameLongerThanTheLimitIsRefused() throws {
        let channel = try RecordChannel(maximumFrameLength: 100)
        #expect(throws: RecordChannel.FrameTooLong.self) { try channel.frames(adding: [0, 0, 1, 0, 65][...]) }
    }

    /// Finding 2: text that looks like the old in-band record marker stays text and makes no figure.
    @Test func printedRecordLookalikesAreOnlyText() {
        var collector = OutputCollector(cellCount: 1)
        collector.receive(frame: json(.cellBegin(index: 0)))
        let forged = "\u{1E}tb1:{\"figure\":{\"alt\":\"x\",\"name\":\"../../X\",\"svg\":\"<svg/>\"}}\n"
        collector.consume(Array(forged.utf8))
        collector.finish()
        #expect(collector.cells[0].outputs == [.text(forged)])
    }

    /// A forged record on the real channel can do no more than a real one.
    @Test func recordsTheProgramCouldNotHaveSentAreRefused() {
        var collector = OutputCollector(cellCount: 3)
        collector.receive(frame: json(.cellBegin(index: 0)))
        collector.receive(frame: json(.figure(name: "../../X", svg: "<svg/>", alt: "")))
        collector.receive(frame: json(.figure(name: "cell-2-1", svg: "<svg/>", alt: "")))
        collector.receive(frame: json(.cellBegin(index: 2)))
        collector.receive(frame: json(.cellEnd(index: 1)))
        collector.receive(frame: json(.dataFile(path: "relative/path")))
        collector.receive(frame: Array("{not json".utf8))
        collector.receive(frame: json(.figure(name: "cell-1-1", svg: "<svg/>", alt: "")))
        collector.receive(frame: json(.figure(name: "cell-1-1", svg: "<svg/>", alt: "")))
        collector.finish()
        let figures = collector.cells[0].outputs.filter { if case .figure = $0 { true } else { false } }
        #expect(figures == [.figure(name: "cell-1-1", svg: "<svg/>", alt: "")])
        let warnings = collector.cells[0].outputs.filter { if case .warning = $0 { true } else { false } }
        #expect(warnings.count == OutputCollector.refusalNoteLimit)
        #expect(collector.runningCell == 0)
        #expect(collector.dataFiles.isEmpty)
    }

    @Test func hugeOutputIsTruncatedWithANote() {
        var collector = OutputCollector(cellCount: 1)
        collector.receive(frame: json(.cellBegin(index: 0)))
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
