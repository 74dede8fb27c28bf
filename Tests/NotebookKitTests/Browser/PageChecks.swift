/// The script the browser test runs in each page, in each mode: what a reader would see wrong on the
/// page as it is laid out now. It returns `problems` (text) and `series` (series colours under 3:1).
enum PageChecks {
    static let script = #"""
    // What a reader would see wrong on the page as it is laid out now; returns a list of problems.
    // arguments[0]: "screen" or "print".
    const mode = arguments[0];
    const problems = [];
    const seriesProblems = [];
    const parse = (text) => {
      const m = /rgba?\(([^)]+)\)/.exec(text || "");
      if (!m) return null;
      const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    };
    const blend = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
    const luminance = (c) => {
      const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
      return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
    };
    const ratio = (a, b) => { const x = luminance(a), y = luminance(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
    const hidden = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.opacity === "0" || s.visibility === "hidden" || s.display === "none") return true;
      }
      return false;
    };
    // The backgrounds of an element's HTML ancestors, painted from the root down.
    const background = (el) => {
      const chain = [];
      for (let e = el; e; e = e.parentElement) chain.push(e);
      let bg = [255, 255, 255, 1];
      for (const e of chain.reverse()) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c && c[3] > 0) bg = blend(c, bg);
      }
      return bg;
    };
    const figureBackground = (svg) => {
      const rect = svg.querySelector(".tb-bg");
      const fill = rect && parse(getComputedStyle(rect).fill);
      const behind = background(svg.parentElement);
      return fill ? blend(fill, behind) : behind;
    };
    const where = (el) => {
      const cell = el.closest("section.cell");
      const figure = el.closest("svg");
      return (cell ? "#" + cell.id + " " : "") + (figure && figure.id ? figure.id + " " : "") + el.tagName.toLowerCase()
        + (el.getAttribute("class") ? "." + el.getAttribute("class").split(" ").join(".") : "")
        + " \"" + el.textContent.trim().slice(0, 30) + "\"";
    };
    
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) problems.push(`the page is ${root.scrollWidth}px wide in a ${root.clientWidth}px window`);
    
    const seen = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const el = walker.currentNode.parentElement;
      if (!walker.currentNode.textContent.trim() || seen.has(el)) continue;
      seen.add(el);
      if (["STYLE", "title", "desc", "style"].includes(el.tagName)) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || hidden(el)) continue;
      const style = getComputedStyle(el);
      const svg = el.closest("svg");
      if (svg) {
        const m = svg.getScreenCTM();
        const size = parseFloat(style.fontSize) * Math.hypot(m.a, m.b);
        if (mode === "screen" && size < 9) problems.push(`SVG text at ${size.toFixed(1)}px: ${where(el)}`);
        const fill = parse(style.fill);
        const bg = figureBackground(svg);
        if (fill && ratio(blend(fill, bg), bg) < 4.5) problems.push(`SVG text contrast ${ratio(blend(fill, bg), bg).toFixed(2)}:1: ${where(el)}`);
      } else {
        const bg = background(el);
        const fg = parse(style.color);
        if (fg && ratio(blend(fg, bg), bg) < 4.5) problems.push(`text contrast ${ratio(blend(fg, bg), bg).toFixed(2)}:1: ${where(el)}`);
      }
    }
    
    for (const el of document.querySelectorAll("svg [class*='tb-s'], svg [class*='tb-f']")) {
      const m = /\btb-(s|f)(\d+)\b/.exec(el.getAttribute("class"));
      if (!m || hidden(el)) continue;
      const colour = parse(getComputedStyle(el)[m[1] === "s" ? "stroke" : "fill"]);
      const bg = figureBackground(el.ownerSVGElement);
      if (colour && ratio(blend(colour, bg), bg) < 3) {
        seriesProblems.push(`series ${m[1]}${m[2]} rgb(${colour.slice(0, 3).join(",")}) at ${ratio(blend(colour, bg), bg).toFixed(2)}:1`);
      }
    }
    
    for (const el of document.querySelectorAll(".table-wrap")) {
      if (el.scrollHeight > el.clientHeight + 1) problems.push(`a table hides rows: ${where(el)}`);
    }
    for (const slider of document.querySelectorAll(".tb-slider")) {
      const panels = [...slider.querySelectorAll(".tb-slider-panel")];
      const shown = panels.filter((panel) => getComputedStyle(panel).display !== "none").length;
      if (mode === "print" && shown !== panels.length) problems.push(`print hides ${panels.length - shown} of ${panels.length} slider panels: ${where(slider)}`);
      if (mode === "screen" && shown !== 1) problems.push(`a slider shows ${shown} of its ${panels.length} panels: ${where(slider)}`);
    }
    if (mode === "print") {
      const width = root.clientWidth;
      for (const el of document.querySelectorAll("pre, table, .table-wrap, figure, .math.display")) {
        const box = el.getBoundingClientRect();
        if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "visible") problems.push(`print clips ${where(el)}`);
        if (box.right > width + 1) problems.push(`print runs off the paper (${Math.round(box.right)}px of ${width}px): ${where(el)}`);
      }
      for (const el of document.querySelectorAll("details.fold > :not(summary)")) {
        if (el.getBoundingClientRect().height === 0) problems.push(`folded content does not print: ${where(el)}`);
      }
      for (const el of document.querySelectorAll("body > main > nav, .pager")) {
        if (!hidden(el)) problems.push(`navigation prints: ${where(el)}`);
      }
    }
    return { problems: problems, series: [...new Set(seriesProblems)] };
    """#

    /// The state of the page's slider number `arguments[0]`: which radio is checked and which has the
    /// focus (-1 for none), which panels are displayed, the focused choice's outline, the choices'
    /// text as displayed, and how many scripts the page holds.
    static let sliderState = #"""
    const slider = document.querySelectorAll(".tb-slider")[arguments[0]];
    const radios = [...slider.querySelectorAll("input[type=radio]")];
    const panels = [...slider.querySelectorAll(".tb-slider-panel")];
    const focused = radios.indexOf(document.activeElement);
    const label = focused >= 0 ? radios[focused].nextElementSibling : null;
    return {
      checked: radios.findIndex((radio) => radio.checked),
      focused: focused,
      shown: panels.map((panel, index) => getComputedStyle(panel).display !== "none" && panel.getBoundingClientRect().height > 0 ? index : -1)
        .filter((index) => index >= 0),
      outline: label ? getComputedStyle(label).outlineStyle : "",
      labels: radios.map((radio) => radio.nextElementSibling.innerText.trim()),
      scripts: document.scripts.length,
    };
    """#
}
