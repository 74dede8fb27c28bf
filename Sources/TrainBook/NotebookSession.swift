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

    /// Writes a record to standard output, whole, after any text already printed.
    func send(_ record: WireRecord) {
        let line = record.encodedLine()
        lock.lock()
        defer { lock.unlock() }
        fflush(stdout)
        line.utf8CString.withUnsafeBufferPointer { buffer in
            _ = fwrite(buffer.baseAddress, 1, buffer.count - 1, stdout)
        }
        fflush(stdout)
    }

    func start(notebookID: String) {
        // Unbuffered output: a partial line printed just before a crash must still reach the runner.
        setvbuf(stdout, nil, _IONBF, 0)
        setvbuf(stderr, nil, _IONBF, 0)
        // Figure ids must be letters, digits, '-' or '_' whatever the notebook's file is called.
        let safeID = String(notebookID.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_") ? Character(scalar) : "-"
        })
        lock.withLock { self.notebookID = safeID }
        // A changed data file must invalidate the runner's cached results.
        DataFileLog.observer = { path in NotebookSession.shared.send(.dataFile(path: path)) }
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
}

/// Marks the start of a cell in the output stream. Not for use in notebooks.
public func _notebookCellBegin(_ index: Int, label: String?) {
    NotebookSession.shared.beginCell(index: index, label: label)
}

/// Marks the normal end of a cell in the output stream. Not for use in notebooks.
public func _notebookCellEnd(_ index: Int) {
    NotebookSession.shared.send(.cellEnd(index: index))
}
