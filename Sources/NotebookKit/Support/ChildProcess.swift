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
    enum Termination: Equatable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)
        /// Stopped by the runner because `shouldStop` asked for it, or because the program broke
        /// the record channel.
        case stopped(StopReason)

        /// "status 3", "signal 9", "a stop: interrupted", for messages.
        var description: String {
            switch self {
            case .exited(let code): "status \(code)"
            case .signalled(let signal): "signal \(signal)"
            case .stopped(let reason): "a stop: \(reason.participle)"
            }
        }
    }

    var executable: String
    var arguments: [String]
    var environment: [String: String]
    var workingDirectory: String?

    /// Runs the child to its end. `onOutput` receives each chunk as it arrives; `shouldStop` is asked
    /// about four times a second and whenever output arrives, and a non-nil answer kills the group.
    func run(onOutput: ([UInt8]) -> Void, shouldStop: () -> StopReason? = { nil }) throws -> Termination {
        try run(channel: nil, onOutput: onOutput, onRecord: { _ in }, shouldStop: shouldStop)
    }

    /// Runs the child with a record channel on its descriptor 3: `onRecord` receives each
    /// frame after all the text the child printed before it, and the child goes on once it returns.
    func run(channel: RecordChannel?, onOutput: ([UInt8]) -> Void, onRecord: ([UInt8]) -> Void,
             shouldStop: () -> StopReason? = { nil }) throws -> Termination {
        let output = try PipeEnds.make()
        let pid: pid_t
        do {
            pid = try spawn(output: output.write, passing: channel.map { [$0.childDescriptor] } ?? [])
        } catch {
            output.closeBoth()
            throw error
        }
        close(output.write)
        channel?.closeChildEnd()
        ChildProcessRegistry.shared.add(pid)
        defer { ChildProcessRegistry.shared.remove(pid) }
        var pump = OutputPump(child: pid, text: output.read, channel: channel)
        let (waitStatus, stopReason) = pump.run(onOutput: onOutput, onRecord: onRecord, shouldStop: shouldStop)
        close(output.read)
        channel?.closeRunnerEnd()
        // Grandchildren that outlived the child must not linger.
        kill(-pid, SIGKILL)
        if let stopReason { return .stopped(stopReason) }
        let signal = waitStatus & 0x7f
        return signal == 0 ? .exited((waitStatus >> 8) & 0xff) : .signalled(signal)
    }

    /// Starts the child in a new process group, with `output` as its standard output and error and
    /// each `(child, parent)` descriptor pair duplicated into it.
    private func spawn(output: Int32, passing descriptors: [(child: Int32, parent: Int32)]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, output, 2)
        for (child, parent) in descriptors { posix_spawn_file_actions_adddup2(&actions, parent, child) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if let workingDirectory {
            // A chdir action, not `env -C`: `env` would read a program path holding `=` as an assignment.
            guard let addChdir = Self.addChdir else { throw ChildProcessError.noChdir }
            addChdir(&actions, workingDirectory)
        }

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

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard status == 0 else { throw ChildProcessError.spawn(executable, status) }
        return pid
    }

    /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29 and later), which Swift's Glibc module does not export.
    private static let addChdir: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32).self)
    }()

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

/// The two ends of a pipe.
struct PipeEnds {
    var read: Int32
    var write: Int32

    /// A new pipe whose descriptors are not inherited by children unless duplicated into them.
    static func make() throws -> PipeEnds {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw ChildProcessError.pipe(errno) }
        // (pipe2 with O_CLOEXEC is not exported to Swift; a spawn on another thread in between is harmless.)
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return PipeEnds(read: fds[0], write: fds[1])
    }

    func closeBoth() {
        close(read)
        close(write)
    }
}

/// A child could not be started.
enum ChildProcessError: Error, CustomStringConvertible {
    case spawn(String, Int32)
    case pipe(Int32)
    case noChdir

    var description: String {
        switch self {
        case .spawn(let path, let code): "cannot start \(path): \(String(cString: strerror(code)))"
        case .pipe(let code): "cannot create a pipe: \(String(cString: strerror(code)))"
        case .noChdir: "this C library cannot start a program in another folder (glibc 2.29 or later is needed)"
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
