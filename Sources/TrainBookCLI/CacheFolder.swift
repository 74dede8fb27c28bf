import Foundation

/// The per-user folder for generated programs and caches: `$TRAINBOOK_CACHE`, else `~/.cache/trainbook`.
enum CacheFolder {
    static var path: String {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["TRAINBOOK_CACHE"], !explicit.isEmpty { return explicit }
        let base = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.cache")
        return base + "/trainbook"
    }
}
