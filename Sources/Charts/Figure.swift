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

    /// The default size: 640×420 for one panel; for grids a page column (900 px, 640 for one
    /// column) with rows tall enough that each panel keeps about a 3:2 aspect (220…340 px a row),
    /// plus room for the title and `legendHeight` px for a figure legend.
    /// - Parameters:
    ///   - rows: rows of axes.
    ///   - cols: columns of axes.
    ///   - hasTitle: whether the figure has a title (grids reserve a line for it).
    ///   - legendHeight: the height of a figure legend under the title, 0 when there is none.
    public static func automatic(rows: Int, cols: Int, hasTitle: Bool, legendHeight: Double = 0) -> FigureSize {
        if rows == 1 && cols == 1 { return FigureSize(width: 640, height: 420 + legendHeight) }
        let title = hasTitle ? Theme.figureTitleFontSize * 1.3 + 8 : 0
        let width = cols == 1 ? 640.0 : 900.0
        let cellWidth = (width - 2 * Spacing.edge) / Double(cols)
        let rowHeight = min(340, max(220, (cellWidth * 0.68).rounded()))
        let height = Double(rows) * rowHeight + title + legendHeight + 2 * Spacing.edge
        return FigureSize(width: width, height: height.rounded(.up))
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
///
/// Grids compare like with like: their panels share the x and the y axis (one set of limits over all
/// panels with data, like matplotlib's `sharex=True, sharey=True`), and inner tick labels are left to
/// the outer panels. Panels with explicit limits keep them; panels on different scales, or whose axis
/// labels name different quantities ("loss" and "accuracy"), do not share. A curve that diverges is
/// clipped and marked rather than stretching the shared range, and accuracy axes span 0…1
/// (see ``AxisSharing``). Opt out per axis: `Figure(rows: 2, cols: 1, sharedY: .none)`, or
/// `fig.sharedX = .columns` to line up only the panels stacked in one column.
///
/// When the panels list the same legend entries, the figure draws one legend under its title instead
/// of one per panel (`fig.sharedLegend = false` keeps them per panel). A legend with a single entry
/// is not drawn (the title names the series) unless the notebook sets that panel's `legend`.
@dynamicMemberLookup
public struct Figure: Sendable {
    /// Number of rows of axes.
    public let rows: Int
    /// Number of columns of axes.
    public let cols: Int
    /// The title over the whole figure.
    public var title: String?
    /// An explicit size; nil uses ``FigureSize/automatic(rows:cols:hasTitle:legendHeight:)`` (with room for a figure legend).
    public var size: FigureSize?
    /// The axes, row-major from the top-left.
    public var axes: [Axes]
    /// Which panels share one x range (all by default; `.none` to opt out).
    public var sharedX: AxisSharing
    /// Which panels share one y range (all by default; `.none` to opt out).
    public var sharedY: AxisSharing
    /// Whether panels listing the same legend entries get one figure legend instead of one each.
    public var sharedLegend = true

    /// An empty figure of `rows × cols` axes.
    /// - Parameters:
    ///   - rows: rows of axes, 1 or more.
    ///   - cols: columns of axes, 1 or more (at most 64 axes in all).
    ///   - title: the title over the whole figure.
    ///   - size: an explicit size; nil sizes the figure from its panel count.
    ///   - sharedX: which panels share the x axis; all of them unless told otherwise.
    ///   - sharedY: which panels share the y axis; all of them unless told otherwise.
    public init(rows: Int = 1, cols: Int = 1, title: String? = nil, size: FigureSize? = nil,
                sharedX: AxisSharing = .all, sharedY: AxisSharing = .all) {
        require(rows >= 1 && cols >= 1 && rows * cols <= 64,
                "a figure needs 1…64 axes in rows × cols, but got \(rows)×\(cols).")
        self.rows = rows
        self.cols = cols
        self.title = title
        self.size = size
        self.sharedX = sharedX
        self.sharedY = sharedY
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
    public var resolvedSize: FigureSize {
        if let size { return size }
        let width = FigureSize.automatic(rows: rows, cols: cols, hasTitle: title != nil).width
        let legendHeight = FigureLegend(self)?.height(width: width) ?? 0
        return .automatic(rows: rows, cols: cols, hasTitle: title != nil, legendHeight: legendHeight)
    }

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
    /// Classes: `tb-figure` on the root, `tb-axes` per panel, `tb-legend` (with `tb-figure-legend` on a
    /// figure's shared legend), `tb-direct` (direct labels, with `tb-leader` lines), `tb-note` (clip notes).
    /// - Parameter id: an XML/CSS identifier: a letter, then letters, digits, `-` or `_`.
    public func svg(id: String) -> String {
        require(Figure.isValidID(id), "a figure id must be a letter then letters, digits, - or _, but got \"\(id)\".")
        let size = resolvedSize
        // Colours are assigned figure-wide (a label keeps its colour in every panel) before the layout,
        // so the figure legend's swatches show the colours the series are drawn in.
        var coloured = self
        coloured.axes = ColorAssignment.resolve(axes)
        let layout = FigureLayout(coloured, size: size)
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
        if let legend = layout.legend, let top = layout.legendTop {
            legend.draw(into: &svg, top: top, width: size.width)
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
