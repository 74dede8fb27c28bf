/// A line-by-line comparison of two texts, as rows of a two-column view: the lines only the old
/// text has beside the lines only the new one has, with the lines both share left out.
public enum LineDiff {
    /// One row of the two-column view; a side is nil where that text has no line to match.
    public struct Row: Equatable, Sendable {
        /// The old line.
        public var old: String?
        /// The new line.
        public var new: String?
    }

    /// Texts longer than this many lines are compared line by line in order, without matching.
    static let matchingLimit = 2000

    /// The changed lines of `old` against `new`, in order; empty when they are equal.
    public static func rows(old: [String], new: [String]) -> [Row] {
        guard old != new else { return [] }
        guard old.count <= matchingLimit, new.count <= matchingLimit else {
            return (0..<max(old.count, new.count)).compactMap { index in
                let a = index < old.count ? old[index] : nil, b = index < new.count ? new[index] : nil
                return a == b ? nil : Row(old: a, new: b)
            }
        }
        let common = longestCommonSubsequence(old, new)
        var rows: [Row] = []
        var removed: [String] = [], added: [String] = []
        func flush() {
            for index in 0..<max(removed.count, added.count) {
                rows.append(Row(old: index < removed.count ? removed[index] : nil, new: index < added.count ? added[index] : nil))
            }
            removed = []; added = []
        }
        var i = 0, j = 0
        for (a, b) in common {
            removed += old[i..<a]; added += new[j..<b]
            flush()
            i = a + 1; j = b + 1
        }
        removed += old[i...]; added += new[j...]
        flush()
        return rows
    }

    /// Index pairs of a longest common subsequence of `a` and `b`, in order.
    private static func longestCommonSubsequence(_ a: [String], _ b: [String]) -> [(Int, Int)] {
        let n = a.count, m = b.count
        var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var pairs: [(Int, Int)] = []
        var i = 0, j = 0
        while i < n, j < m {
            if a[i] == b[j] { pairs.append((i, j)); i += 1; j += 1 } else if table[i + 1][j] >= table[i][j + 1] { i += 1 } else { j += 1 }
        }
        return pairs
    }
}
