import Testing
@testable import Charts

@Suite struct TableTests {
    @Test func cellsFormatLikeTicksAndPython() {
        let table = Table(columns: ["epoch", "loss", "note"], rows: [[0, 0.6931471805599453, "start"], [1, .number(.nan), nil]])
        #expect(table.rows[0].map { $0.formatted() } == ["0", "0.6931", "start"])
        #expect(table.rows[1].map { $0.formatted() } == ["1", "nan", ""])
    }

    @Test func html() {
        let table = Table(columns: ["epoch", "a<b"], rows: [[1.0, nil], [2.5e-6, 3.0]])
        #expect(table.html() == """
            <table class="tb-table">
            <thead><tr><th>epoch</th><th>a&lt;b</th></tr></thead>
            <tbody>
            <tr><td class="num">1</td><td></td></tr>
            <tr><td class="num">2.5e-06</td><td class="num">3</td></tr>
            </tbody>
            </table>

            """)
    }

    @Test func plainTextIsRightAligned() {
        let table = Table(columns: ["epoch", "loss"], rows: [[0, 2.302585], [10, 0.25]])
        #expect(table.plainText == "epoch   loss\n    0  2.303\n   10   0.25\n")
    }
}
