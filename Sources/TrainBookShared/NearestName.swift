/// The valid names closest to a misspelt one, by edit distance, for the "did you mean" of the
/// engine's messages (history keys, optimizer names, CSV columns) and the runner's compiler hints.
public enum NearestName {
    /// The names of `candidates` within a small edit distance of `name` (about a third of its
    /// length, at least 2), closest first; ties keep the candidates' order.
    public static func matches(for name: String, in candidates: [String]) -> [String] {
        let limit = max(2, name.count / 3)
        let scored = candidates.map { ($0, distance(name.lowercased(), $0.lowercased())) }
        return scored.filter { $0.1 <= limit && $0.0 != name }
            .enumerated().sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }.map(\.element.0)
    }

    /// Levenshtein distance: insertions, deletions and substitutions each count one.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
