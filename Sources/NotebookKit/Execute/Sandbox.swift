import Foundation

/// The confinement a notebook program runs in: Debian's bubblewrap with a read-only view of the
/// system, the notebook's folder, its declared dependencies and the data folder; a private
/// writable scratch folder (`/tmp`, also `HOME` and `TMPDIR`); no network; its own process
/// namespace, so every process the notebook starts dies with it (at its end, on a timeout, on
/// Ctrl-C, and when `trainbook` itself is killed); no capabilities; and only the environment the
/// engine needs. Every path keeps its host name inside, so backtraces and data-file records name
/// real files. Starting a program this way costs about 25 ms more than starting it directly
/// (measured on a small notebook), next to about 0.5 s for its compile.
public struct Sandbox: Sendable {
    /// Where Debian's `bubblewrap` package installs its program.
    public static let bubblewrap = "/usr/bin/bwrap"

    /// Folders and files the program may read, besides the system and the engine.
    public var readable: [String]
    /// Folders the program's view must not show although they lie inside a readable folder
    /// (the build and execution caches when the data folder holds them).
    public var hidden: [String]
    /// A folder the program may write (its crash backtraces).
    public var writable: [String]

    /// The scratch folder inside the sandbox; it is empty at the start and gone at the end.
    static let scratch = "/tmp"

    /// Fails with what to install when bubblewrap is missing.
    public static func checkInstalled() throws {
        guard FileManager.default.isExecutableFile(atPath: bubblewrap) else { throw SandboxError.missing }
    }

    /// The data folder the engine reads datasets from: `$TRAINBOOK_DATA`, else `~/.cache/trainbook`.
    public static func dataFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let configured = environment["TRAINBOOK_DATA"], !configured.isEmpty { return configured }
        return NSHomeDirectory() + "/.cache/trainbook"
    }

    /// The bubblewrap arguments that run `program` in `directory` with exactly `environment`.
    func arguments(program: String, directory: String, toolchain: Toolchain, environment: [String: String]) -> [String] {
        var arguments = ["--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL",
                         "--ro-bind", "/usr", "/usr"]
        arguments += Self.rootLinks()
        for file in ["ld.so.cache", "ld.so.conf", "ld.so.conf.d", "alternatives", "localtime", "passwd", "group",
                     "nsswitch.conf"] {
            arguments += ["--ro-bind-try", "/etc/" + file, "/etc/" + file]
        }
        arguments += ["--proc", "/proc", "--dev", "/dev", "--tmpfs", Self.scratch, "--dir", Self.scratch + "/home"]
        for folder in Self.runtimeFolders(of: toolchain) { arguments += ["--ro-bind-try", folder, folder] }
        for path in readable { arguments += ["--ro-bind-try", path, path] }
        for path in hidden where FileManager.default.fileExists(atPath: path) { arguments += ["--tmpfs", path] }
        let programFolder = (program as NSString).deletingLastPathComponent
        arguments += ["--ro-bind", toolchain.libraryDirectory, toolchain.libraryDirectory,
                      "--ro-bind", programFolder, programFolder]
        for path in writable { arguments += ["--bind", path, path] }
        arguments += ["--chdir", directory, "--clearenv"]
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) { arguments += ["--setenv", name, value] }
        return arguments + ["--", program]
    }

    /// The environment inside the sandbox: the engine's settings, a scratch home, and nothing else
    /// of the caller's (no tokens, no proxies, no paths to the caller's files).
    static func environment(engine: [String: String], caller: [String: String]) -> [String: String] {
        var result = engine
        result["PATH"] = "/usr/local/bin:/usr/bin:/bin"
        result["HOME"] = scratch + "/home"
        result["TMPDIR"] = scratch
        result["LANG"] = caller["LANG"].flatMap { $0.isEmpty ? nil : $0 } ?? "C.UTF-8"
        if let all = caller["LC_ALL"], !all.isEmpty { result["LC_ALL"] = all }
        return result
    }

    /// `/bin`, `/lib`, … as the host has them: symbolic links into `/usr` (merged /usr), or folders.
    private static func rootLinks() -> [String] {
        var arguments: [String] = []
        for name in ["bin", "sbin", "lib", "lib32", "lib64", "libx32"] {
            let path = "/" + name
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
                arguments += ["--symlink", target, path]
            } else if FileManager.default.fileExists(atPath: path) {
                arguments += ["--ro-bind", path, path]
            }
        }
        return arguments
    }

    /// The Swift runtime libraries and the `swift-backtrace` helper (so a crash still names its
    /// notebook line), found next to the compiler that built the program.
    private static func runtimeFolders(of toolchain: Toolchain) -> [String] {
        let compiler = URL(fileURLWithPath: toolchain.swiftc).resolvingSymlinksInPath()
        let usr = compiler.deletingLastPathComponent().deletingLastPathComponent().path
        return [usr + "/lib/swift/linux", usr + "/libexec/swift"]
    }
}

/// The sandbox cannot be used.
public enum SandboxError: Error, CustomStringConvertible {
    case missing

    public var description: String {
        switch self {
        case .missing:
            "error: bubblewrap (\(Sandbox.bubblewrap)) is not installed, and notebook code runs only inside its sandbox; install it with `apt-get install bubblewrap` (scripts/install-system-deps does), or pass --no-sandbox to run notebooks you trust with all of your rights"
        }
    }
}
