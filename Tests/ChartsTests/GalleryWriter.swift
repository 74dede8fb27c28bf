import Foundation
import Testing
@testable import Charts

/// Writes every example into a gallery page (light and dark sections) when `CHART_GALLERY` names a
/// directory; `scripts/chart-gallery` runs this and screenshots the page. Does nothing otherwise.
@Test func writeGallery() throws {
    guard let path = ProcessInfo.processInfo.environment["CHART_GALLERY"] else { return }
    let directory = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    var sections: [String] = []
    for theme in ["light", "dark"] {
        var body = "<section class=\"\(theme)\"><h2>\(theme)</h2>\n"
        for (name, figure) in ChartExamples.all {
            body += "<figure><figcaption>\(name)</figcaption>\n\(figure.svg(id: "\(theme)-\(name)"))</figure>\n"
        }
        sections.append(body + "</section>")
    }
    for (name, figure) in ChartExamples.all {
        try figure.svg(id: name).write(to: directory.appendingPathComponent(name + ".svg"), atomically: true, encoding: .utf8)
    }
    let page = """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>Chart gallery</title>
        <style>
        body { margin: 0; font-family: sans-serif; }
        section { padding: 16px 40px; }
        main { max-width: 900px; }
        figure { margin: 0 0 24px 0; }
        figcaption { font: 12px monospace; color: #888; }
        .light { background: #ffffff; color: #222; }
        .dark { background: #1b1b1f; color: #ddd; --tb-fg: #e3e3e3; --tb-bg: #1b1b1f; --tb-grid: #3a3a40;
                --tb-axis: #9a9aa0; --tb-legend-bg: #1b1b1fe0; --tb-legend-border: #4a4a50; }
        body.only-light .dark, body.only-dark .light { display: none; }
        </style></head>
        <body class="\\(mode)">
        \(sections.joined(separator: "\n"))
        </body></html>
        """
    for mode in ["both", "only-light", "only-dark"] {
        try page.replacingOccurrences(of: "\\(mode)", with: mode)
            .write(to: directory.appendingPathComponent("gallery-\(mode).html"), atomically: true, encoding: .utf8)
    }
}
