import Foundation
import Testing

/// Issue 16, items 5 and 6, end to end: `showSlider` in a notebook gives one figure file per panel and
/// a script-free slider on the page; rates read the same in titles, choices, tables and prose.
@Suite(.serialized) struct SliderEndToEndTests {
    @Test func aSliderShowsEveryPanelAsAFileAndOneControlOnThePage() throws {
        let run = try TrainBookRun(notebooks: ["slider.md"], arguments: ["--no-cache"])
        #expect(run.status == 0, "\(run.terminal)")
        let files = try FileManager.default.contentsOfDirectory(atPath: run.output + "/slider").sorted()
        #expect(files == ["rates-1.svg", "rates-2.svg", "rates-3.svg"])
        let page = try run.page("slider")
        #expect(!page.contains("<script"))
        #expect(page.components(separatedBy: "<fieldset class=\"tb-slider\"><legend>Learning rate</legend>").count == 2)
        for (index, choice) in ["1e-4", "0.0178", "0.1"].enumerated() {
            #expect(page.contains("<input type=\"radio\" name=\"slider-rates-1\" id=\"choice-rates-\(index + 1)\"\(index == 0 ? " checked" : "")><label for=\"choice-rates-\(index + 1)\"><span class=\"tb-slider-name\">Learning rate </span>\(choice)</label>"))
            #expect(page.contains("aria-label=\"Loss by learning rate. Learning rate \(choice)."))
            let file = try String(contentsOfFile: run.output + "/slider/rates-\(index + 1).svg", encoding: .utf8)
            #expect(file.contains("Learning rate \(choice)"))
        }
        // One numbered figure for the three panels, anchored at the first.
        #expect(page.contains("<figure class=\"numbered\" id=\"fig-rates-1\">"))
        #expect(page.contains("<span class=\"number\">Figure 1</span>: Loss by learning rate"))
        #expect(!page.contains("Figure 2"))
        // The rate column and both inline values by the rate formatter.
        #expect(page.contains("<td class=\"num\">1e-4"))
        #expect(page.contains("<td class=\"num\">0.0178"))
        #expect(page.contains("smallest rate is <span class=\"value\">1e-4</span>, the middle one <span class=\"value\">0.0178</span>"))
        // A slider without panels is a warning, not an empty control.
        #expect(page.contains("the slider &quot;Momentum&quot; has no panels"))
    }
}
