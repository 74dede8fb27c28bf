/// The pixel size of a figure (CSS px; it scales down with the page column when inline).
public struct FigureSize: Equatable, Sendable, Codable {
    /// Width in px.
    public var width: Double
    /// Height in px.
    public var height: Double

    /// A size in px; both must be positive.
    public init(width: Double, height: Double) {
        require(width > 0 && height > 0 && width.isFinite && height.isFinite,
                "a figure size must be positive, but got \(width)×\(height).")
        self.width = width
        self.height = height
    }

    /// The default size: 640×420 for one panel, 900 px wide for grids (a page column) with rows tall
    /// enough for ticks and titles.
    public static func automatic(rows: Int, cols: Int, hasTitle: Bool) -> FigureSize {
        let title = hasTitle && (rows > 1 || cols > 1) ? 28.0 : 0
        if rows == 1 && cols == 1 { return FigureSize(width: 640, height: 420) }
        if cols == 1 { return FigureSize(width: 640, height: Double(rows) * 300 + title) }
        let rowHeight = cols == 2 ? 250.0 : 220.0
        return FigureSize(width: 900, height: Double(rows) * rowHeight + title)
    }
}

/// A figure: a grid of axes with an optional title, rendered to a standalone SVG.
///
/// Grids are row-major: `fig[0]` is the top-left axes, `fig[1]` the one to its right. The figure plots
/// on its first axes (it is a ``PlotTarget``) and reads and sets the first axes' properties through
/// one subscript, so `fig.plot(…)` and `fig.xScale = .log` work as `plt.plot` and `plt.xscale` do.
/// ```swift
/// var fig = Figure(rows: 4, cols: 2, title: "Learning curves by learning rate")
/// fig[0].plot(history["loss"], label: "Training Loss")
/// fig[0].title = "Learning Rate: 0.1"
/// let svg = fig.svg(id: "nb-03-lr-grid-1")
/// ```
@dynamicMemberLookup
public struct Figure: Sendable {
    /// Number of rows of axes.
    public let rows: Int
    /// Number of columns of axes.
    public let cols: Int
    /// The title over the whole figure.
    public var title: String?
    /// An explicit size; nil uses ``FigureSize/automatic(rows:cols:hasTitle:)``.
    public var size: FigureSize?
    /// The axes, row-major from the top-left.
    public var axes: [Axes]

    /// An empty figure of `rows × cols` axes.
    public init(rows: Int = 1, cols: Int = 1, title: String? = nil, size: FigureSize? = nil) {
        require(rows >= 1 && cols >= 1 && rows * cols <= 64,
                "a figure needs 1…64 axes in rows × cols, but got \(rows)×\(cols).")
        self.rows = rows
        self.cols = cols
        self.title = title
        self.size = size
        axes = Array(repeating: Axes(), count: rows * cols)
    }

    /// The axes at row-major index `i` (0 is the top-left).
    public subscript(i: Int) -> Axes {
        get {
            require(axes.indices.contains(i), "a \(rows)×\(cols) figure has axes 0..<\(axes.count), but got \(i).")
            return axes[i]
        }
        set {
            require(axes.indices.contains(i), "a \(rows)×\(cols) figure has axes 0..<\(axes.count), but got \(i).")
            axes[i] = newValue
        }
    }

    /// A property of the first axes, read and set on the figure: `fig.xLabel`, `fig.yScale`,
    /// `fig.legend`, … (the figure's own `title` is the figure's, not the axes').
    public subscript<Value>(dynamicMember property: WritableKeyPath<Axes, Value>) -> Value {
        get { self[0][keyPath: property] }
        set { self[0][keyPath: property] = newValue }
    }

    /// The size the figure is drawn at.
    public var resolvedSize: FigureSize { size ?? .automatic(rows: rows, cols: cols, hasTitle: title != nil) }

    /// The accessible summary of the figure, generated from its data; also the SVG's `<desc>`.
    public var altText: String { FigureDescription(self).text }

    /// The figure as one standalone `<svg>` element (no XML prolog), usable inline in HTML and as a
    /// `.svg` file. Every id inside starts with `id`, and the CSS is scoped to it, so several figures on
    /// one page never clash. Colours follow the reader's light/dark preference (an
    /// `@media (prefers-color-scheme: dark)` block inside), and a page may override them by setting
    /// these custom properties on any ancestor: `--tb-fg` (text), `--tb-bg` (background), `--tb-grid`
    /// (grid lines), `--tb-axis` (spines and ticks), `--tb-legend-bg`, `--tb-legend-border`,
    /// `--tb-c0` … `--tb-c7` (default series colours, Okabe–Ito), `--tb-t0` … `--tb-t7` (text in those
    /// colours) and `--tb-font` (font family).
    /// Classes: `tb-figure` on the root, `tb-axes` per panel, `tb-legend`, `tb-note` (clip notes).
    /// - Parameter id: an XML/CSS identifier: a letter, then letters, digits, `-` or `_`.
    public func svg(id: String) -> String {
        require(Figure.isValidID(id), "a figure id must be a letter then letters, digits, - or _, but got \"\(id)\".")
        let size = resolvedSize
        let axes = ColorAssignment.resolve(self.axes)
        let layout = FigureLayout(axes: axes, rows: rows, cols: cols, title: title, width: size.width, height: size.height)
        let description = FigureDescription(self)
        var svg = SVGWriter()
        svg.open("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("id", id), ("class", "tb-figure"),
                         ("width", px(size.width)), ("height", px(size.height)),
                         ("viewBox", "0 0 \(px(size.width)) \(px(size.height))"), ("role", "img"),
                         ("aria-labelledby", "\(id)-title \(id)-desc")])
        svg.raw("<title id=\"\(id)-title\">\(SVGWriter.escape(description.title))</title>")
        svg.raw("<desc id=\"\(id)-desc\">\(SVGWriter.escape(description.text))</desc>")
        svg.raw("<style>\n\(Theme.css(id: id))\n</style>")
        svg.element("rect", [("class", "tb-bg"), ("width", "100%"), ("height", "100%")])
        if let title, let baseline = layout.titleBaseline {
            svg.text(title, [("class", "tb-suptitle"), ("x", px(size.width / 2)), ("y", px(baseline)),
                             ("text-anchor", "middle")])
        }
        for (index, placed) in layout.panels.enumerated() {
            AxesRenderer(placed: placed, id: "\(id)-ax\(index + 1)").draw(into: &svg)
        }
        svg.close("svg")
        return svg.markup
    }

    static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
        return id.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
    }
}
