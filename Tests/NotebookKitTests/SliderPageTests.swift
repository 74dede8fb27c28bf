import NotebookWire
import Testing
import TrainBook
@testable import NotebookKit

/// A slider on the page (issue 16, item 6): the radio-and-CSS markup, one figure number for its
/// panels, every panel through the sanitizer, and the records a program may send for it.
@Suite struct SliderPageTests {
    /// A panel figure as the charts library draws it, with the id `show` would give it.
    static func panel(_ name: String, rate: Double, points: Int = 20) -> CellOutput {
        var figure = Figure(title: "Learning rate \(formatRate(rate))")
        figure.plot((0..<points).map { exp(-rate * Double($0) * 10) }, label: "loss")
        figure.plot((0..<points).map { 0.5 + 0.5 * exp(-rate * Double($0) * 8) }, label: "val_loss")
        figure.xLabel = "epoch"
        return .figure(name: name, svg: figure.svg(id: "nb-page-" + name), alt: "Learning rate \(formatRate(rate)). \(figure.altText)")
    }

    /// A page whose cell (label `lr`, captioned when `caption` is given) shows a slider over `rates`,
    /// then one more plain figure.
    static func page(rates: [Double] = [1e-4, 0.01778, 0.1], caption: String? = nil) throws -> String {
        let options = "label=lr" + (caption.map { " caption=\"\($0)\"" } ?? "")
        let document = try NotebookParser.parse("# Slider\n\n```swift-train \(options)\nshowSlider()\n```\n", fileName: "page.md")
        var result = CellResult(index: 0)
        result.outputs = [.slider(label: "Learning rate", choices: rates.map { formatRate($0) })]
            + rates.indices.map { panel("lr-\($0 + 1)", rate: rates[$0]) } + [panel("lr-\(rates.count + 1)", rate: 0.5)]
        result.status = .succeeded
        return PageRenderer.render(ExecutedDocument(document: document, cells: [result]))
    }

    static func sanitized(_ output: CellOutput) -> String {
        guard case .figure(_, let svg, _) = output, case .success(let checked) = SVGSanitizer.sanitize(svg) else { return "" }
        return checked
    }

    /// The markup, written out by hand: radios of one group, each label before its panel, the first
    /// checked, the panels' SVG as the sanitizer wrote it.
    @Test func theSliderIsRadiosLabelsAndPanelsInOneFieldset() throws {
        let page = try Self.page(rates: [1e-4, 0.1])
        let panels = [Self.panel("lr-1", rate: 1e-4), Self.panel("lr-2", rate: 0.1)]
        let width = { (output: CellOutput) in PageRenderer.minimumWidth(of: Self.sanitized(output)) }
        let expected = "<fieldset class=\"tb-slider\"><legend>Learning rate</legend><div class=\"tb-slider-body\">\n"
            + "<input type=\"radio\" name=\"slider-lr-1\" id=\"choice-lr-1\" checked><label for=\"choice-lr-1\"><span class=\"tb-slider-name\">Learning rate </span>1e-4</label>\n"
            + "<figure class=\"tb-slider-panel\" role=\"img\" aria-label=\"\(HTML.escape(altText(panels[0])))\"\(width(panels[0]))>"
            + Self.sanitized(panels[0]) + "</figure>\n"
            + "<input type=\"radio\" name=\"slider-lr-1\" id=\"choice-lr-2\"><label for=\"choice-lr-2\"><span class=\"tb-slider-name\">Learning rate </span>0.1</label>\n"
            + "<figure class=\"tb-slider-panel\" role=\"img\" aria-label=\"\(HTML.escape(altText(panels[1])))\"\(width(panels[1]))>"
            + Self.sanitized(panels[1]) + "</figure>\n"
            + "</div></fieldset>\n"
        #expect(page.contains(expected))
        #expect(!page.contains("<script"))
        #expect(!Self.sanitized(panels[0]).isEmpty)
        #expect(altText(panels[1]).hasPrefix("Learning rate 0.1. "))
        // The figure after the slider is an ordinary figure.
        #expect(page.contains("<figure role=\"img\" aria-label=\"Learning rate 0.5."))
    }

    private func altText(_ output: CellOutput) -> String {
        guard case .figure(_, _, let alt) = output else { return "" }
        return alt
    }

    @Test func aCaptionedSliderIsOneNumberedFigure() throws {
        let page = try Self.page(caption: "Loss by learning rate")
        #expect(page.contains("<figure class=\"numbered\" id=\"fig-lr-1\">\n<fieldset class=\"tb-slider\">"))
        #expect(page.contains("</fieldset>\n<figcaption><span class=\"number\">Figure 1</span>: Loss by learning rate</figcaption></figure>"))
        #expect(page.contains("<figure class=\"numbered\" id=\"fig-lr-4\">"))
        #expect(page.contains("<span class=\"number\">Figure 2</span>"))
        #expect(!page.contains("Figure 3"))
        // Each panel carries the caption as its accessible name, as a single figure does.
        #expect(page.components(separatedBy: "aria-label=\"Loss by learning rate. Learning rate ").count == 5)
    }

    @Test func aForgedPanelIsNotEmbedded() throws {
        let document = try NotebookParser.parse("```swift-train label=lr\nx\n```\n", fileName: "page.md")
        var result = CellResult(index: 0)
        result.outputs = [.slider(label: "Learning rate", choices: ["1", "2"]), Self.panel("lr-1", rate: 1),
                          .figure(name: "lr-2", svg: "<svg onload=\"alert(1)\"></svg>", alt: "x")]
        result.status = .succeeded
        let page = PageRenderer.render(ExecutedDocument(document: document, cells: [result]))
        #expect(page.contains("<pre class=\"error tb-slider-panel\">figure lr-2 was not embedded"))
        #expect(!page.contains("onload"))
        #expect(page.contains("<label for=\"choice-lr-2\"><span class=\"tb-slider-name\">Learning rate </span>2</label>"))
    }

    /// A slider whose program stopped after its first panel shows that panel and no more choices.
    @Test func aSliderShowsOnlyThePanelsThatCame() throws {
        let document = try NotebookParser.parse("```swift-train label=lr\nx\n```\n", fileName: "page.md")
        var result = CellResult(index: 0)
        result.outputs = [.slider(label: "Learning rate", choices: ["1e-4", "0.1"]), Self.panel("lr-1", rate: 1e-4), .error("stopped")]
        result.status = .failed
        let page = PageRenderer.render(ExecutedDocument(document: document, cells: [result]))
        #expect(page.contains("<label for=\"choice-lr-1\"><span class=\"tb-slider-name\">Learning rate </span>1e-4</label>"))
        #expect(!page.contains("0.1</label>"))
        #expect(page.contains("stopped"))
    }

    /// A notebook file has no control: the slider is a line naming its values, its panels follow as figures.
    @Test func theExportedNotebookNamesTheValuesAndKeepsEveryPanel() {
        let line = NotebookExport.output(.slider(label: "Learning rate", choices: ["1e-4", "0.1"]))
        #expect(line["output_type"] as? String == "display_data")
        let data = line["data"] as? [String: Any]
        #expect(data?["text/markdown"] as? [String] == ["Learning rate: 1e-4, 0.1 (one figure each, below)"])
        let panel = NotebookExport.output(Self.panel("lr-1", rate: 1e-4))
        #expect((panel["data"] as? [String: Any])?["image/svg+xml"] != nil)
    }

    @Test func sliderRecordsComeFromARunningCellWithOneToAHundredPanels() {
        func json(_ record: WireRecord) -> [UInt8] { Array(record.encodedFrame().dropFirst(4)) }
        var collector = OutputCollector(cellCount: 1)
        collector.receive(frame: json(.slider(label: "outside", choices: ["1"])))
        collector.receive(frame: json(.cellBegin(index: 0)))
        collector.receive(frame: json(.slider(label: "none", choices: [])))
        collector.receive(frame: json(.slider(label: "many", choices: (0...100).map(String.init))))
        collector.receive(frame: json(.slider(label: "Learning rate", choices: ["1e-4", "0.1"])))
        collector.receive(frame: json(.cellEnd(index: 0)))
        collector.finish()
        let outputs = collector.cells[0].outputs
        #expect(outputs.filter { if case .warning = $0 { true } else { false } }.count == 3)
        #expect(outputs.last == .slider(label: "Learning rate", choices: ["1e-4", "0.1"]))
    }
}
