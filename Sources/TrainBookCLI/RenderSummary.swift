import NotebookKit

/// The table printed after a render: per notebook its cells, time, slowest cell, cache use and result.
enum RenderSummary {
    static func table(_ results: [BookRun.Result]) -> String {
        let header = ["notebook", "cells", "time", "slowest cell", "cache", "result", "memo hits"]
        let rows = results.map { result -> [String] in
            let executed = result.executed
            let slowest = executed.cells.max { $0.seconds < $1.seconds }.flatMap { executed.fromCache || $0.seconds == 0 ? nil : $0 }
            let slowestText = slowest.map { "\($0.index + 1) (\(ProgressReporter.seconds($0.seconds)))" } ?? "–"
            let failed = executed.cells.filter { $0.status == .failed }.count
            let falseClaims = executed.falseClaims.map { "line \($0.location.line)" }
            let why = (failed > 0 ? ["\(failed) cell\(failed == 1 ? "" : "s")"] : [])
                + (falseClaims.isEmpty ? [] : ["false claim\(falseClaims.count == 1 ? "" : "s") at \(falseClaims.joined(separator: ", "))"])
            let outcome = result.pageError != nil ? "FAILED (page not written)"
                : executed.succeeded ? "ok" : (why.isEmpty ? "FAILED" : "FAILED (\(why.joined(separator: "; ")))")
            return [executed.document.fileName, String(executed.cells.count), ProgressReporter.seconds(result.seconds),
                    slowestText, executed.fromCache ? "hit" : "run", outcome,
                    executed.fromCache ? "–" : String(executed.memoHits)]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        let format = { (row: [String]) in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
        }
        return ([format(header), format(widths.map { String(repeating: "─", count: $0) })] + rows.map(format))
            .joined(separator: "\n")
    }
}
