import Foundation
import Testing
@testable import NotebookKit

/// Issue 16, item 9's slider clause: in Debian's Chromium, a page with a slider and no script switches
/// panels with the keyboard alone (Tab to the control, then the arrow keys), shows where the focus is,
/// and prints every panel.
@Suite(.serialized) struct SliderInBrowserTests {
    /// Presses `key` as the keyboard would (a DevTools key event, not a script in the page).
    static func press(_ browser: WebDriver, _ key: String, code: Int) throws {
        for type in ["rawKeyDown", "keyUp"] {
            try browser.devTools("Input.dispatchKeyEvent", ["type": type, "key": key, "code": key, "windowsVirtualKeyCode": code])
        }
    }

    static func state(_ browser: WebDriver) throws -> (checked: Int, focused: Int, shown: [Int], outline: String, labels: [String], scripts: Int) {
        let answer = try browser.run(PageChecks.sliderState, arguments: [0]) as? [String: Any] ?? [:]
        return (answer["checked"] as? Int ?? -2, answer["focused"] as? Int ?? -2, answer["shown"] as? [Int] ?? [],
                answer["outline"] as? String ?? "", answer["labels"] as? [String] ?? [], answer["scripts"] as? Int ?? -1)
    }

    @Test func theArrowKeysMoveThroughThePanelsAndPrintShowsThemAll() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trainbook-slider-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("slider.html")
        try SliderPageTests.page(caption: "Loss by learning rate").write(to: page, atomically: true, encoding: .utf8)
        let browser = try WebDriver()
        defer { browser.quit() }
        try browser.viewport(width: 1280, height: 900, mobile: false)
        try browser.media("screen", dark: false)
        try browser.open(page)

        var now = try Self.state(browser)
        #expect(now.scripts == 0)
        #expect(now.checked == 0 && now.shown == [0] && now.focused == -1)
        #expect(now.labels == ["1e-4", "0.0178", "0.1"])
        // Tab through the page's links until the focus reaches the slider, as a keyboard user does.
        for _ in 0..<20 where now.focused < 0 {
            try Self.press(browser, "Tab", code: 9)
            now = try Self.state(browser)
        }
        #expect(now.focused == 0, "Tab never reached the slider")
        #expect(now.outline != "none" && !now.outline.isEmpty, "the focused choice shows no outline")

        try Self.press(browser, "ArrowRight", code: 39)
        now = try Self.state(browser)
        #expect(now.checked == 1 && now.focused == 1 && now.shown == [1])
        try Self.press(browser, "ArrowRight", code: 39)
        try Self.press(browser, "ArrowLeft", code: 37)
        try Self.press(browser, "ArrowLeft", code: 37)
        now = try Self.state(browser)
        #expect(now.checked == 0 && now.shown == [0])

        let screen = try BundledPagesInBrowserTests.check(browser, mode: "screen")
        #expect(screen.problems.isEmpty, "\(screen.problems)")
        try browser.viewport(width: 390, height: 844, mobile: true)
        try browser.media("screen", dark: true)
        let phone = try BundledPagesInBrowserTests.check(browser, mode: "phone, dark")
        #expect(phone.problems.isEmpty, "\(phone.problems)")

        try browser.viewport(width: 700, height: 1000, mobile: false)
        try browser.media("print", dark: false)
        now = try Self.state(browser)
        #expect(now.shown == [0, 1, 2], "print shows panels \(now.shown)")
        #expect(now.labels == ["Learning rate 1e-4", "Learning rate 0.0178", "Learning rate 0.1"])
        let printed = try BundledPagesInBrowserTests.check(browser, mode: "print", print: true)
        #expect(printed.problems.isEmpty, "\(printed.problems)")
    }
}
