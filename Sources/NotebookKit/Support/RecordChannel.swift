import Foundation
import NotebookWire
#if canImport(Glibc)
import Glibc
#endif

/// The runner's end of the descriptor a notebook program sends its records on: a socket pair,
/// so the program writes length-prefixed frames and reads one acknowledgement byte per frame on
/// the same descriptor, and the runner never gets SIGPIPE from a program that is gone.
final class RecordChannel {
    private let runnerEnd: Int32
    private var childEnd: Int32
    private var pending: [UInt8] = []

    /// The largest frame accepted; a longer one stops the run.
    let maximumFrameLength: Int

    /// A new channel; throws when the system has no descriptors left.
    init(maximumFrameLength: Int = WireRecord.maximumFrameLength) throws {
        var ends: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends) == 0 else {
            throw ChildProcessError.pipe(errno)
        }
        (runnerEnd, childEnd) = (ends[0], ends[1])
        self.maximumFrameLength = maximumFrameLength
    }

    deinit {
        closeChildEnd()
        close(runnerEnd)
    }

    /// The descriptor the runner reads frames from.
    var descriptor: Int32 { runnerEnd }

    /// The program's end as `(descriptor in the child, descriptor here)`.
    var childDescriptor: (child: Int32, parent: Int32) { (WireRecord.recordDescriptor, childEnd) }

    /// Closes the program's end once the program has it.
    func closeChildEnd() {
        if childEnd >= 0 { close(childEnd) }
        childEnd = -1
    }

    /// Stops reading: a program still writing finds its channel gone.
    func closeRunnerEnd() {
        shutdown(runnerEnd, Int32(SHUT_RDWR))
    }

    /// Adds bytes read from the channel and returns the complete frames they finish (their JSON).
    func frames(adding bytes: ArraySlice<UInt8>) throws -> [[UInt8]] {
        pending += bytes
        var frames: [[UInt8]] = []
        var start = 0
        while pending.count - start >= 4 {
            let length = pending[start..<start + 4].reduce(0) { $0 << 8 | Int($1) }
            guard length <= maximumFrameLength else { throw FrameTooLong(length: length, limit: maximumFrameLength) }
            guard pending.count - start - 4 >= length else { break }
            frames.append(Array(pending[(start + 4)..<(start + 4 + length)]))
            start += 4 + length
        }
        pending.removeFirst(start)
        return frames
    }

    /// Lets the program go on after a frame.
    func acknowledge() {
        var byte: UInt8 = 1
        _ = send(runnerEnd, &byte, 1, Int32(MSG_NOSIGNAL))
    }

    /// A frame announced more bytes than any record may have.
    struct FrameTooLong: Error, CustomStringConvertible {
        var length: Int
        var limit: Int
        var description: String {
            "stopped because the program sent a record of \(length) bytes (the limit is \(limit >> 20) MiB)"
        }
    }
}
