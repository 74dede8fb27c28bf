import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a running child's text pipe and record channel until both close, or until the child has
/// ended and its pipes fall quiet, delivering every record after the text printed before it.
struct OutputPump {
    /// The child being read.
    let child: pid_t
    /// The runner's end of the merged standard output and error.
    let text: Int32
    /// The record channel, if the child has one.
    let channel: RecordChannel?

    /// Bytes of text read before one record at most, so a thread printing without pause cannot
    /// hold a record back for ever.
    static let drainLimit = 1 << 20

    private var textOpen = true
    private var recordsOpen: Bool
    private var stopReason: StopReason?
    private var buffer = [UInt8](repeating: 0, count: 65536)

    init(child: pid_t, text: Int32, channel: RecordChannel?) {
        self.child = child
        self.text = text
        self.channel = channel
        recordsOpen = channel != nil
        _ = fcntl(text, F_SETFL, fcntl(text, F_GETFL) | O_NONBLOCK)
    }

    /// Pumps until the end; returns the child's wait status and why the runner stopped it, if it did.
    mutating func run(onOutput: ([UInt8]) -> Void, onRecord: ([UInt8]) -> Void,
                      shouldStop: () -> StopReason?) -> (status: Int32, stopReason: StopReason?) {
        var exitStatus: Int32?
        var endedAt: Date?
        while textOpen || recordsOpen {
            if stopReason == nil, let reason = shouldStop() { stop(reason) }
            var descriptors = [pollfd(fd: textOpen ? text : -1, events: Int16(POLLIN), revents: 0),
                               pollfd(fd: recordsOpen ? channel!.descriptor : -1, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&descriptors, 2, 250)
            if ready < 0 && errno == EINTR { continue }
            if ready > 0 {
                if descriptors[0].revents != 0 { textOpen = readText(onOutput, limit: buffer.count) }
                if descriptors[1].revents != 0 { readRecords(onOutput: onOutput, onRecord: onRecord) }
            }
            if exitStatus == nil {
                var status: Int32 = 0
                if waitpid(child, &status, WNOHANG) == child { (exitStatus, endedAt) = (status, Date()) }
            }
            // The child has ended: a process it started out of reach (only without the sandbox) may
            // still hold the pipes open and write to them. Take what is there, then stop reading.
            if let endedAt, ready == 0 || Date().timeIntervalSince(endedAt) > 1 { break }
        }
        var status = exitStatus ?? 0
        if exitStatus == nil { while waitpid(child, &status, 0) < 0 && errno == EINTR {} }
        return (status, stopReason)
    }

    private mutating func stop(_ reason: StopReason) {
        stopReason = reason
        ChildProcess.killTree(of: child)
    }

    /// Reads up to `limit` bytes of text that are there now; false at the end of the pipe.
    private mutating func readText(_ onOutput: ([UInt8]) -> Void, limit: Int) -> Bool {
        var taken = 0
        while taken < limit {
            let count = read(text, &buffer, min(buffer.count, limit - taken))
            if count < 0 && errno == EINTR { continue }
            if count < 0 { return true }  // EAGAIN: nothing more for now
            if count == 0 { return false }
            onOutput(Array(buffer[0..<count]))
            taken += count
        }
        return true
    }

    private mutating func readRecords(onOutput: ([UInt8]) -> Void, onRecord: ([UInt8]) -> Void) {
        guard let channel else { return }
        let count = read(channel.descriptor, &buffer, buffer.count)
        if count < 0 { if errno != EINTR && errno != EAGAIN { recordsOpen = false }; return }
        if count == 0 { recordsOpen = false; return }
        let frames: [[UInt8]]
        do {
            frames = try channel.frames(adding: buffer[0..<count])
        } catch {
            recordsOpen = false
            if stopReason == nil { stop(.brokenRecordChannel("\(error)")) }
            return
        }
        for frame in frames {
            // The program waits for the acknowledgement, so the text pipe now holds exactly what it
            // printed before this record (and what other threads printed meanwhile).
            if textOpen { textOpen = readText(onOutput, limit: Self.drainLimit) }
            onRecord(frame)
            channel.acknowledge()
        }
    }
}
