import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program as a child in its own process group with standard output and standard error
/// merged into one pipe, streaming what it writes and stopping the whole group on a deadline.
///
/// Foundation's `Process` can neither merge the streams in order nor kill grandchildren, and a
/// notebook program may start threads and children of its own.
struct ChildProcess {
    /// How a child ended.
    enum Termination: Equatable {
        case exited(Int32)
        case signalled(Int32)
        /// Stopped by the runner because `shouldStop` asked for it (a timeout or an interrupt).
        case stopped(reason: String)
    }

    var executable: String
    var arguments: [String]
    var environment: [String: String]
    var workingDirectory: String?

    /// Runs the child to its end. `onOutput` receives each chunk as it arrives; `shouldStop` is asked
    /// about four times a second and whenever output arrives, and a non-nil answer kills the group.
    func run(onOutput: ([UInt8]) -> Void, shouldStop: () -> String? = { nil }) throws -> Termination {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw ChildProcessError.spawn(executable, errno) }
        let (readEnd, writeEnd) = (fds[0], fds[1])

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 2)
        posix_spawn_file_actions_addclose(&actions, readEnd)
        posix_spawn_file_actions_addclose(&actions, writeEnd)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var noSignals = sigset_t(), defaultSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&defaultSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)

        // `env -C` changes directory in the child itself (posix_spawn's chdir action is not exported here).
        let command = workingDirectory.map { ["/usr/bin/env", "-C", $0, executable] } ?? [executable]
        let argv = (command + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var pid: pid_t = 0
        let status = posix_spawn(&pid, command[0], &actions, &attributes, argv, envp)
        close(writeEnd)
        guard status == 0 else {
            close(readEnd)
            throw ChildProcessError.spawn(executable, status)
        }
        ChildProcessRegistry.shared.add(pid)
        defer { ChildProcessRegistry.shared.remove(pid) }

        var stopReason: String?
        var exitStatus: Int32?
        var buffer = [UInt8](repeating: 0, count: 65536)
        var pollDescriptor = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
        while true {
            if stopReason == nil, let reason = shouldStop() {
                stopReason = reason
                Self.killTree(of: pid)
            }
            let ready = poll(&pollDescriptor, 1, 250)
            if ready < 0 && errno == EINTR { continue }
            if ready > 0 {
                let count = read(readEnd, &buffer, buffer.count)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                onOutput(Array(buffer[0..<count]))
                continue
            }
            // Quiet for a moment: once the child itself has ended, stop reading even if a process it
            // started (in a session of its own, out of reach of the group kill) still holds the pipe.
            if exitStatus == nil {
                var status: Int32 = 0
                if waitpid(pid, &status, WNOHANG) == pid { exitStatus = status }
            }
            if exitStatus != nil { break }
        }
        close(readEnd)

        var waitStatus: Int32 = exitStatus ?? 0
        if exitStatus == nil { while waitpid(pid, &waitStatus, 0) < 0 && errno == EINTR {} }
        // Grandchildren that outlived the child must not linger.
        kill(-pid, SIGKILL)
        if let stopReason { return .stopped(reason: stopReason) }
        let signal = waitStatus & 0x7f
        return signal == 0 ? .exited((waitStatus >> 8) & 0xff) : .signalled(signal)
    }

    /// Kills `pid`, every process descended from it (found through /proc, so children that moved to a
    /// session of their own are found too), and its process group.
    static func killTree(of pid: pid_t) {
        var parents: [pid_t: [pid_t]] = [:]
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries {
            guard let child = pid_t(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            // Fields after the command name: state, then the parent's pid.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 1, let parent = pid_t(fields[1]) { parents[parent, default: []].append(child) }
        }
        var pending = [pid]
        var tree: [pid_t] = []
        while let next = pending.popLast() {
            tree.append(next)
            pending += parents[next] ?? []
        }
        for member in tree { kill(member, SIGKILL) }
        kill(-pid, SIGKILL)
    }

    /// Runs the child and returns everything it wrote, for short tools such as the compiler.
    func output() throws -> (Termination, String) {
        var bytes: [UInt8] = []
        let termination = try run(onOutput: { bytes += $0 })
        return (termination, String(decoding: bytes, as: UTF8.self))
    }
}

/// A child could not be started.
enum ChildProcessError: Error, CustomStringConvertible {
    case spawn(String, Int32)

    var description: String {
        switch self {
        case .spawn(let path, let code): "cannot start \(path): \(String(cString: strerror(code)))"
        }
    }
}

/// The process groups running now, so an interrupt (Ctrl-C) can stop them before the tool exits.
final class ChildProcessRegistry: @unchecked Sendable {
    static let shared = ChildProcessRegistry()
    private let lock = NSLock()
    private var groups: Set<pid_t> = []

    func add(_ pid: pid_t) { lock.withLock { _ = groups.insert(pid) } }
    func remove(_ pid: pid_t) { lock.withLock { _ = groups.remove(pid) } }

    /// Kills every running child's process group.
    func killAll() { lock.withLock { groups.forEach { kill(-$0, SIGKILL) } } }
}
