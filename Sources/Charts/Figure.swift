/// A minimal line figure; the full charts module replaces it.
public struct Figure {
    public var title: String?
    var series: [(String, [Double])] = []
    /// A one-axes figure.
    public init(title: String? = nil) { self.title = title }
    /// Adds a line.
    public mutating func plot(_ y: [Double], label: String = "") { series.append((label, y)) }
    /// The figure as SVG.
    public func svg(id: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(id)\" viewBox=\"0 0 100 50\"><title>\(title ?? "")</title><polyline points=\"0,0 100,50\" stroke=\"#1f77b4\"/></svg>"
    }
    /// The accessible summary.
    public var altText: String { "\(title ?? "figure") with \(series.count) series" }
}

/// A table of preformatted cells.
public struct Table {
    /// Column titles.
    public var columns: [String]
    /// Rows of formatted cells.
    public var formattedRows: [[String]]
    /// A table from titles and rows.
    public init(columns: [String], rows: [[String]]) { self.columns = columns; self.formattedRows = rows }
}
