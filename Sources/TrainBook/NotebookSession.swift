import Foundation
import NotebookWire
import TrainKit

/// The state of the running notebook program: which cell runs, how many figures each label has
/// produced, and the one lock that keeps records from interleaving when sweeps print from threads.
///
/// Generated notebook programs call the underscored functions below; authors never need them.
final class NotebookSession: @unchecked Sendable {
    static let shared = NotebookSession()

    private let lock = NSLock()
    private var notebookID = "notebook"
    private var cellLabel = "cell-1"
    private var figureCounts: [String: Int] = [:]

    /// Whether the runner gave this program its record descriptor (a program started by hand has none).
    private var connected = false
    /// The inline value being evaluated, between `_inlineStart` and `_inline`.
    private var inlineIndex: Int?

    /// Sends a record to the runner and waits until the runner has taken it.
    ///
    /// Exact placement: everything this program printed before the record is already in the text
    /// pipe when the record is written (output is unbuffered), and nothing printed after it can be
    /// written before the runner, having drained the text pipe, acknowledges the record.
    func send(_ record: WireRecord) {
        let frame = record.encodedFrame()
        lock.lock()
        defer { lock.unlock() }
        guard connected else { return }
        fflush(stdout)
        fflush(stderr)
        guard Self.writeAll(frame, to: WireRecord.recordDescriptor) else { connected = false; return }
        var acknowledgement: UInt8 = 0
        var count = 0
        repeat { count = read(WireRecord.recordDescriptor, &acknowledgement, 1) } while count < 0 && errno == EINTR
        if count <= 0 { connected = false }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    func start(notebookID: String) {
        // Unbuffered output: a partial line printed just before a crash must still reach the runner.
        setvbuf(stdout, nil, _IONBF, 0)
        setvbuf(stderr, nil, _IONBF, 0)
        // Figure ids must be letters, digits, '-' or '_' whatever the notebook's file is called.
        let safeID = String(notebookID.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_") ? Character(scalar) : "-"
        })
        let hasDescriptors = fcntl(WireRecord.recordDescriptor, F_GETFD) >= 0
        lock.withLock {
            self.notebookID = safeID
            connected = hasDescriptors
        }
        // A changed data file must invalidate the runner's cached results.
        DataFileLog.observer = { path in NotebookSession.shared.send(.dataFile(path: path)) }
        // Trainings served from the memo store are counted by the runner (progress line, summary).
        TrainingMemo.observer = { kind in NotebookSession.shared.send(.memoHit(kind: kind)) }
        // Fits report epochs and numerical trouble; the runner shows progress and the cell a warning.
        TrainingEvents.observer = { event in
            switch event {
            case .epochEnded(let epoch, let epochs, let logs):
                NotebookSession.shared.send(.progress(epoch: epoch, epochs: epochs, loss: logs["loss"]))
            case .warning(let message):
                NotebookSession.shared.send(.warning(message: message))
            }
        }
    }

    func beginCell(index: Int, label: String?) {
        lock.withLock { cellLabel = label ?? "cell-\(index + 1)" }
        send(.cellBegin(index: index))
    }

    /// Whether an inline value of the prose is being evaluated (a claim then shows in the sentence).
    var isEvaluatingInline: Bool { lock.withLock { inlineIndex != nil } }

    /// Inline value `index` begins: a crash from here on is its own.
    func startInline(_ index: Int) {
        lock.withLock { inlineIndex = index }
        send(.inlineStart(index: index))
    }

    /// The inline value being evaluated came to `text` (a claim when `claim` is not nil).
    func finishInline(text: String, claim: Bool?) {
        guard let index = lock.withLock({ inlineIndex }) else { return }
        send(.inlineValue(index: index, text: text, claim: claim))
        lock.withLock { inlineIndex = nil }
    }

    /// The next figure's file stem (`LABEL-K`) and its SVG id, unique within the notebook's page.
    func nextFigureName() -> (name: String, id: String) {
        lock.withLock {
            let count = (figureCounts[cellLabel] ?? 0) + 1
            figureCounts[cellLabel] = count
            let name = "\(cellLabel)-\(count)"
            return (name, "nb-\(notebookID)-\(name)")
        }
    }
}

/// Called once at the top of a generated notebook program. Not for use in notebooks.
public func _notebookStart(id: String) {
    NotebookSession.shared.start(notebookID: id)
    ThrowSite.install()
}

/// Marks the start of a cell for the runner. Not for use in notebooks.
public func _notebookCellBegin(_ index: Int, label: String?) {
    NotebookSession.shared.beginCell(index: index, label: label)
}

/// Marks the normal end of a cell for the runner. Not for use in notebooks.
public func _notebookCellEnd(_ index: Int) {
    NotebookSession.shared.send(.cellEnd(index: index))
}
