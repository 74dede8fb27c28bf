import NotebookWire

/// Several figures of one experiment, one per value of a hyperparameter, shown one at a time under a
/// control that picks the value: a reader moves through the learning rates and looks at one big.
///
/// The page builds the control from radio buttons and CSS alone (arrow keys move between values, no
/// script runs); every panel is also written as its own figure file, `LABEL-K.svg`, and the printed
/// page and the exported notebook show all of them, one after another.
///
/// ```swift
/// var slider = Slider("Learning rate")
/// for (rate, run) in zip(rates, runs) {
///     var figure = Figure(title: "Learning rate \(formatRate(rate))")
///     figure.plot(run["val_accuracy"], label: "validation")
///     slider.add(rate, figure)   // its control reads "1e-4" or "0.01", by formatRate
/// }
/// show(slider)
/// ```
public struct Slider: Sendable {
    /// The name of what the panels vary, shown above the choices ("Learning rate").
    public var label: String
    /// The panels in order: the text of each choice and its figure.
    public private(set) var panels: [(choice: String, figure: Figure)] = []

    /// The most panels one slider shows.
    public static let maximumPanels = 100

    /// An empty slider over the hyperparameter named `label`.
    ///
    /// - Parameter label: what the panels vary, such as "Learning rate" or "Momentum".
    public init(_ label: String) {
        self.label = label
    }

    /// Adds a panel for a hyperparameter value, its choice written by ``formatRate(_:)-(Double)``.
    ///
    /// - Parameters:
    ///   - value: the learning rate, momentum or decay the panel shows.
    ///   - figure: the panel.
    public mutating func add<T: BinaryFloatingPoint>(_ value: T, _ figure: Figure) {
        add(formatRate(value), figure)
    }

    /// Adds a panel whose choice reads `choice` ("SGD", "Adam", "decay 1e-4").
    ///
    /// - Parameters:
    ///   - choice: the text of the panel's choice in the control.
    ///   - figure: the panel.
    public mutating func add(_ choice: String, _ figure: Figure) {
        precondition(panels.count < Self.maximumPanels, "a slider shows at most \(Self.maximumPanels) panels, but got one more.")
        panels.append((choice, figure))
    }
}

/// Shows a slider under the running cell: its panels as figures `LABEL-K`, one at a time on the page.
/// A slider without panels shows a warning instead.
public func show(_ slider: Slider) {
    guard !slider.panels.isEmpty else {
        warn("the slider \"\(slider.label)\" has no panels; add figures with slider.add(value, figure) before show(slider)")
        return
    }
    NotebookSession.shared.send(.slider(label: slider.label, choices: slider.panels.map(\.choice)))
    for panel in slider.panels {
        let (name, id) = NotebookSession.shared.nextFigureName()
        let alt = "\(slider.label) \(panel.choice). \(panel.figure.altText)"
        NotebookSession.shared.send(.figure(name: name, svg: panel.figure.svg(id: id), alt: alt))
    }
}

/// Shows a slider with one panel per value of `values`, each made by `panel`, each choice written by
/// ``formatRate(_:)-(Double)``.
///
/// ```swift
/// showSlider("Learning rate", over: rates) { rate in
///     var figure = Figure(title: "Learning rate \(formatRate(rate))")
///     figure.plot(runs[rate]!["loss"], label: "loss")
///     return figure
/// }
/// ```
///
/// - Parameters:
///   - label: what the values are ("Learning rate").
///   - values: the hyperparameter values, in the order the control lists them.
///   - panel: the figure for one value.
public func showSlider<T: BinaryFloatingPoint>(_ label: String, over values: [T], panel: (T) throws -> Figure) rethrows {
    var slider = Slider(label)
    for value in values { slider.add(value, try panel(value)) }
    show(slider)
}
