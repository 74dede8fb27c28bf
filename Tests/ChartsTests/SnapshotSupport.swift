import Foundation
import Testing

/// Byte-for-byte snapshot comparison against `Tests/ChartsTests/Snapshots/NAME.svg`.
///
/// `RECORD_SNAPSHOTS=1 swift test --filter ChartsTests` writes the snapshots instead of comparing.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name + ".svg") }

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = url(name)
        if recording {
            try actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? Data(contentsOf: file) else {
            Issue.record("missing snapshot Snapshots/\(name).svg: record it with RECORD_SNAPSHOTS=1 swift test --filter ChartsTests",
                         sourceLocation: sourceLocation)
            return
        }
        if expected != Data(actual.utf8) {
            let rejected = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).actual.svg")
            try? actual.write(to: rejected, atomically: true, encoding: .utf8)
            Issue.record("""
                snapshot Snapshots/\(name).svg differs; the new output is in \(rejected.path). \
                If the change is intended, re-record with RECORD_SNAPSHOTS=1 swift test --filter ChartsTests
                """, sourceLocation: sourceLocation)
        }
    }
}
