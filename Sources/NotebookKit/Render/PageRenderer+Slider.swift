/// A slider on the page: one of several precomputed panels (one per learning rate, momentum, …) shown
/// at a time, chosen with radio inputs and CSS alone.
///
/// The markup interleaves each choice with its panel, so one sibling selector shows the checked one
/// (`input:checked + label + .tb-slider-panel`) whatever the number of panels, and the printed page,
/// which shows every panel, reads as "choice, panel, choice, panel":
///
/// ```html
/// <fieldset class="tb-slider"><legend>Learning rate</legend><div class="tb-slider-body">
/// <input type="radio" name="slider-lr-1" id="choice-lr-1" checked><label for="choice-lr-1">
/// <span class="tb-slider-name">Learning rate </span>1e-4</label>
/// <figure class="tb-slider-panel" role="img" aria-label="…"><svg …/></figure>
/// …</div></fieldset>
/// ```
///
/// The radios of one group take the arrow keys natively; no script is involved. Each choice repeats
/// the slider's label for print, where it heads its panel; on screen that part is not displayed (nor
/// read out: the legend names the group).
extension PageRenderer {
    /// A panel of a slider: the figure's file stem, SVG and accessible summary.
    typealias SliderPanel = (name: String, svg: String, alt: String)

    /// The figures right after the slider at `position`: up to `count` of them, stopping at the
    /// first output that is not a figure (a panel the program never sent, or one dropped on the way).
    static func sliderPanels(after position: Int, in outputs: [CellOutput], count: Int) -> [SliderPanel] {
        var panels: [SliderPanel] = []
        for output in outputs.dropFirst(position + 1) {
            guard panels.count < count, case .figure(let name, let svg, let alt) = output else { break }
            panels.append((name, svg, alt))
        }
        return panels
    }

    /// The slider's HTML, numbered and captioned like a figure when its first panel is numbered.
    static func slider(label: String, choices: [String], panels: [SliderPanel], numbered: CrossReferences.Numbered?,
                       caption: Caption?) -> String {
        guard let first = panels.first else { return "" }
        let group = "slider-" + first.name
        var body = ""
        for (index, panel) in panels.enumerated() {
            let choice = index < choices.count ? choices[index] : String(index + 1)
            let id = "choice-" + panel.name
            body += "<input type=\"radio\" name=\"\(group)\" id=\"\(id)\"\(index == 0 ? " checked" : "")>"
                + "<label for=\"\(id)\"><span class=\"tb-slider-name\">\(HTML.escape(label)) </span>\(HTML.escape(choice))</label>\n"
            body += sliderPanel(panel, caption: numbered == nil ? nil : caption)
        }
        let html = "<fieldset class=\"tb-slider\"><legend>\(HTML.escape(label))</legend><div class=\"tb-slider-body\">\n"
            + body + "</div></fieldset>\n"
        guard let numbered else { return html }
        let figcaption = "<figcaption><span class=\"number\">\(numbered.name)</span>" + (caption.map { ": " + $0.html } ?? "") + "</figcaption>"
        return "<figure class=\"numbered\" id=\"\(numbered.anchor)\">\n\(html)\(figcaption)</figure>\n"
    }

    /// One panel: the sanitizer's re-written SVG with its summary (which names the slider's label and
    /// the panel's choice, as the program wrote it).
    private static func sliderPanel(_ panel: SliderPanel, caption: Caption?) -> String {
        var svg = panel.svg, alt = panel.alt
        if let caption, SVGSanitizer.problem(with: svg) == nil {
            svg = SVGCaption.applying(caption.text, to: svg)
            alt = caption.text + ". " + alt
        }
        switch SVGSanitizer.sanitize(svg) {
        case .success(let checked):
            return "<figure class=\"tb-slider-panel\" role=\"img\" aria-label=\"\(HTML.escape(alt))\"\(minimumWidth(of: checked))>\(checked)</figure>\n"
        case .failure(let rejection):
            return "<pre class=\"error tb-slider-panel\">figure \(HTML.escape(panel.name)) was not embedded: \(HTML.escape(rejection.reason))</pre>\n"
        }
    }
}
