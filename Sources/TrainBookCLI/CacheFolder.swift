import Foundation
import TrainBookShared
import ArgumentParser
import NotebookKit

/// The per-user folder for generated programs and caches: `$TRAINBOOK_CACHE`, else `~/.cache/trainbook`.
enum CacheFolder {
    static var path: String {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["TRAINBOOK_CACHE"], !explicit.isEmpty { return explicit }
        let base = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.cache")
        return base + "/trainbook"
    }

    /// The store of memoized trainings: `memo` in the cache folder.
    static var memo: String { path + "/memo" }

    /// The memo store's bound from `TRAINBOOK_MEMO_LIMIT` (bytes, or with a K, M or G suffix);
    /// nil when it is not set (the engine's default, 2 GiB).
    static func memoLimit(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Int? {
        guard let text = environment[MemoSettings.limitVariable], !text.isEmpty else { return nil }
        guard let bytes = ByteSize.parse(text) else {
            throw ValidationError("\(MemoSettings.limitVariable)=\(text) is not a size; give bytes or a number with K, M or G, such as 2G")
        }
        return bytes
    }
}
