import Testing
import NotebookWire
@testable import NotebookKit

/// The record channel with a real child: text printed before a record is delivered before it,
/// however the reads of the two descriptors interleave.
@Suite struct OutputPumpTests {
    enum Event: Equatable {
        case text(String)
        case record(WireRecord)
    }

    @Test func textPrintedBeforeARecordArrivesBeforeIt() throws {
        // The shell prints a line longer than one read of the text pipe, sends a frame on descriptor 3
        // and waits for the acknowledgement, 50 times.
        let frame = WireRecord.warning(message: "w").encodedFrame()
        let escaped = frame.map { "\\" + String($0, radix: 8) }.joined()
        let script = "i=0; while [ $i -lt 50 ]; do printf 'line %d %070000d\\n' $i 0; printf '\(escaped)' >&3; head -c1 <&3 >/dev/null; i=$((i+1)); done"
        var events: [Event] = []
        let termination = try ChildProcess(executable: "/bin/sh", arguments: ["-c", script], environment: [:], workingDirectory: nil)
            .run(channel: try RecordChannel(), onOutput: { bytes in
                let text = String(decoding: bytes, as: UTF8.self)
                if case .text(let previous)? = events.last { events[events.count - 1] = .text(previous + text) } else { events.append(.text(text)) }
            }, onRecord: { events.append(.record(WireRecord.decode(json: $0)!)) })
        #expect(termination == .exited(0))
        let long = String(repeating: "0", count: 70_000)
        let expected = (0..<50).flatMap { [Event.text("line \($0) \(long)\n"), .record(.warning(message: "w"))] }
        #expect(events == expected)
    }

    @Test func theOldEntryPointStillMergesBothStreams() throws {
        let (termination, output) = try ChildProcess(executable: "/bin/sh", arguments: ["-c", "echo out; echo err >&2; exit 3"],
                                                     environment: [:], workingDirectory: "/").output()
        #expect(termination == .exited(3))
        #expect(output == "out\nerr\n")
    }
}
