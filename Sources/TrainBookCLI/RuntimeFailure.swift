import Foundation

/// How the tool reports a failure that is not the command line's fault: no compiler or library, no
/// sandbox, a file that cannot be read or written, a dataset that cannot be fetched. Such errors
/// are thrown as their own types and end here; argument-parser's `ValidationError`, which prints
/// the usage and exits with 64, stays for arguments that are wrong.
enum RuntimeFailure {
    /// The exit status of a runtime failure, as for notebooks that failed.
    static let exitStatus: Int32 = 1

    /// The message for `error`, starting with `error: ` as every message of the tool does.
    static func message(for error: Error) -> String {
        // Foundation's errors describe themselves only through `localizedDescription`.
        let text = error is CocoaError || type(of: error) is NSError.Type
            ? error.localizedDescription : String(describing: error)
        return text.hasPrefix("error: ") ? text : "error: " + text
    }
}
