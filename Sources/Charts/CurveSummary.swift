/// The sentence that describes a curve (a line or steps) in a figure's summary: its trend from first
/// to last finite value, its lowest point, where it diverges and where it stops being finite.
///
/// "Training Loss falls from 2.3 to 0.21 over 50 epochs"; "lr = 1.0 rises from 0.7 to 0.6, then diverges
/// at epoch 3 (clipped)".
struct CurveSummary {
    var x: [Double]
    var y: [Double]
    /// True when x counts epochs (the axis says so, or x was not given).
    var epochs: Bool
    /// True when x was not given and counts points from 0.
    var implicitX: Bool

    func text(name: String, divergence: Divergence?, clipped: Bool) -> String {
        let finite = y.indices.filter { y[$0].isFinite }
        guard let first = finite.first else { return "\(name) has no finite values" }
        let bulk = finite.filter { divergence == nil || abs(y[$0]) <= divergence!.threshold }
        let last = bulk.last ?? first
        var text = name + trend(first: first, last: last, bulk: bulk)
        if let divergence {
            text += ", then diverges at \(at(divergence.index))" + (clipped ? " (clipped)" : "")
        } else if clipped {
            text += ", clipped at the edge of the axes"
        }
        if let gap = y[first...].firstIndex(where: { !$0.isFinite }) {
            let kind = y[gap].isNaN ? "NaN" : "infinite"
            text += (finite.last! > gap ? ", with a gap at " : ", becomes \(kind) at ") + at(gap)
        }
        return text
    }

    /// " falls from a to b over n epochs (lowest c at epoch k)", or " is a at …", or " stays near a".
    private func trend(first: Int, last: Int, bulk: [Int]) -> String {
        let (a, b) = (y[first], y[last])
        let span = (bulk.map { y[$0] }.max() ?? a) - (bulk.map { y[$0] }.min() ?? a)
        var text = ""
        if first == last {
            text += " is \(number(a)) at \(at(first))"
        } else if abs(b - a) <= 0.01 * max(abs(a), abs(b)) {
            text += " stays near \(number(a))"
        } else {
            text += (b < a ? " falls" : " rises") + " from \(number(a)) to \(number(b))"
        }
        if first != last {
            text += epochs && implicitX ? " over \(last - first + 1) epochs" : " from \(at(first)) to \(at(last))"
        }
        if let lowest = bulk.min(by: { y[$0] < y[$1] }), lowest != last, lowest != first,
           y[last] - y[lowest] > 0.05 * span, span > 0 {
            text += " (lowest \(number(y[lowest])) at \(at(lowest)))"
        }
        return text
    }

    private func at(_ index: Int) -> String { epochs ? "epoch \(number(x[index]))" : "x = \(number(x[index]))" }
}

/// A number in a summary: three significant digits.
func summaryNumber(_ value: Double) -> String { formatNumber(value, significantDigits: 3) }

private func number(_ value: Double) -> String { summaryNumber(value) }
