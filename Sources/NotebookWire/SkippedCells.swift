/// The `expect=error` cells a notebook program must skip, passed in its environment.
///
/// When such a cell ends the program (a trap, or `exit`), the runner starts the program again with
/// the cell named here: the cells before it run again to rebuild their state, the cell itself is
/// skipped, and the cells after it run for the first time.
public enum SkippedCells {
    /// The environment variable holding the cells' indexes, separated by commas.
    public static let environmentVariable = "TRAINBOOK_SKIP_CELLS"

    /// The variable's value for `cells`.
    public static func value(_ cells: Set<Int>) -> String {
        cells.sorted().map(String.init).joined(separator: ",")
    }

    /// The cells named by `value`; anything that is not an index is ignored.
    public static func parse(_ value: String?) -> Set<Int> {
        Set((value ?? "").split(separator: ",").compactMap { Int($0) })
    }
}
