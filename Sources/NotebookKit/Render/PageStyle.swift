/// The page's inline style sheet: one light and one dark theme chosen by `prefers-color-scheme`.
/// The `--tb-*` variables are also read by the figures' own SVG styles, so figures follow the page.
enum PageStyle {
    static let css = """
    :root{color-scheme:light dark;--bg:#ffffff;--fg:#1d2330;--muted:#5b6475;--border:#e3e6ec;--code-bg:#f6f8fa;
    --out-bg:#fbfbfc;--accent:#1f77b4;--err:#b42318;--err-bg:#fef3f2;--ok:#2e7d32;--warn:#8a5a00;--warn-bg:#fff8e6;
    --k:#a626a4;--s:#2f7d32;--n:#865b00;--c:#5f6873;--t:#0f6fa8;--f:#2f66d0;
    --tb-fg:#1d2330;--tb-bg:#ffffff;--tb-grid:#e6e8ec;--tb-axis:#5b6475}
    @media (prefers-color-scheme: dark){:root{--bg:#14171c;--fg:#e3e6eb;--muted:#9aa3b2;--border:#2a2f38;
    --code-bg:#1b1f26;--out-bg:#171a20;--accent:#6cb6ff;--err:#ff8a80;--err-bg:#2a1414;--ok:#6fcf7a;--warn:#f0c36a;--warn-bg:#2a2312;
    --k:#d38cf0;--s:#98c379;--n:#e5c07b;--c:#8b949e;--t:#56b6c2;--f:#61afef;
    --tb-fg:#e3e6eb;--tb-bg:#14171c;--tb-grid:#2c313a;--tb-axis:#9aa3b2}}
    *{box-sizing:border-box}
    body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.6 -apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
    main{max-width:960px;margin:0 auto;padding:24px 28px 80px}
    nav{font-size:14px;margin-bottom:8px}nav a{color:var(--accent);text-decoration:none}
    h1{font-size:2em;line-height:1.25;margin:.4em 0 .6em}h2{margin-top:1.8em;border-bottom:1px solid var(--border);padding-bottom:.2em}
    a{color:var(--accent)}
    code,pre{font:13.5px/1.5 ui-monospace,"SFMono-Regular","DejaVu Sans Mono",Menlo,Consolas,monospace}
    :not(pre)>code{background:var(--code-bg);padding:.1em .35em;border-radius:4px}
    pre{margin:0;padding:12px 14px;overflow-x:auto;white-space:pre}
    .cell{margin:18px 0 22px}
    .source{background:var(--code-bg);border:1px solid var(--border);border-radius:8px;position:relative}
    .source .lang{display:block;text-align:right;padding:4px 10px 0;margin-bottom:-8px;font-size:11px;line-height:1.4;color:var(--muted);text-transform:uppercase;letter-spacing:.05em}
    .outputs{border-left:3px solid var(--border);margin:8px 0 0;padding:2px 0 2px 14px}
    .outputs pre.text{background:var(--out-bg);border-radius:6px;padding:8px 12px;white-space:pre-wrap;word-break:break-word}
    .outputs figure{margin:10px 0;overflow-x:auto}.outputs figure svg{max-width:100%;min-width:var(--tb-min-width,0);height:auto;display:block}
    .error{color:var(--err);background:var(--err-bg);border-radius:6px;padding:8px 12px;white-space:pre-wrap}
    .warning{color:var(--warn);background:var(--warn-bg);border-radius:6px;padding:6px 12px;margin:6px 0;font-size:14px}
    .not-run{color:var(--muted);font-style:italic;font-size:14px;margin:6px 0}
    .timing{color:var(--muted);font-size:12px;margin:2px 0}
    .banner{border:1px solid var(--err);color:var(--err);background:var(--err-bg);border-radius:8px;padding:10px 14px;margin:12px 0}
    .parameters{font-size:14px;color:var(--muted);border:1px dashed var(--border);border-radius:8px;padding:8px 12px}
    .table-wrap{overflow-x:auto;border:1px solid var(--border);border-radius:6px;margin:8px 0;max-width:max-content}
    table{border-collapse:collapse;font-size:13.5px;font-variant-numeric:tabular-nums}
    th,td{padding:4px 12px;text-align:left;border-bottom:1px solid var(--border);white-space:nowrap}th.num,td.num{text-align:right}
    th{background:var(--code-bg);font-weight:600}
    tbody tr:nth-child(even){background:var(--out-bg)}
    .k{color:var(--k)}.s{color:var(--s)}.n{color:var(--n)}.c{color:var(--c);font-style:italic}.t{color:var(--t)}.f{color:var(--f)}
    ul.notebooks{list-style:none;padding:0}ul.notebooks li{padding:10px 0;border-bottom:1px solid var(--border)}
    ul.notebooks .file{color:var(--muted);font-size:13px;margin-left:8px}.failed{color:var(--err);font-size:13px;margin-left:8px}
    ul.notebooks p{margin:4px 0 0}ul.notebooks .description{font-size:15px}ul.notebooks .source-note{color:var(--muted);font-size:13px}
    .toc{font-size:14px;border:1px solid var(--border);border-radius:8px;padding:8px 14px;margin:0 0 20px;background:var(--out-bg)}
    .toc .toc-title{margin:0 0 4px;font-weight:600;color:var(--muted);text-transform:uppercase;letter-spacing:.05em;font-size:12px}
    .toc ol{margin:0;padding-left:20px;list-style:none}.toc ol ol{padding-left:18px}.toc li{margin:2px 0}
    h2 .anchor,h3 .anchor,h4 .anchor{margin-left:.4em;color:var(--muted);text-decoration:none;opacity:0;font-weight:400}
    h2:hover .anchor,h3:hover .anchor,h4:hover .anchor,.anchor:focus{opacity:1}
    figure.numbered{margin:10px 0}figure.numbered figcaption{font-size:14px;color:var(--muted);margin:4px 0 8px}
    figure.numbered .number{font-weight:600;color:var(--fg)}figure.numbered>figure{margin:0}
    details.fold{margin:0}details.fold>summary{cursor:pointer;font-size:13px;color:var(--muted);padding:4px 2px;user-select:none}
    details.fold>summary:hover{color:var(--fg)}
    .parameters-cell{border:1px solid var(--accent);border-radius:10px;padding:6px 10px 10px}
    .parameters-cell .cell-label{margin:0 0 6px;font-size:13px;font-weight:600;color:var(--accent)}
    .parameters-cell .cell-label span{font-weight:400;color:var(--muted);margin-left:6px}
    .math.display{display:block;overflow-x:auto;overflow-y:hidden;padding:2px 0;margin:.6em 0}math{font-size:1.1em}
    .xref{white-space:nowrap}.xref.missing{color:var(--err)}
    .pager{display:flex;justify-content:space-between;gap:12px;margin-top:40px;font-size:15px}
    .pager a{display:block;border:1px solid var(--border);border-radius:8px;padding:8px 14px;text-decoration:none;max-width:48%}
    .pager a span{display:block;font-size:12px;color:var(--muted)}.pager .next{margin-left:auto;text-align:right}
    .claim .mark{color:var(--ok);font-weight:700;margin-left:.2em}p.claim{margin:6px 0}p.claim .mark{margin:0 .4em 0 0}
    .claim.false{color:var(--err);background:var(--err-bg);border-radius:4px;padding:0 .3em}.claim.false .mark{color:var(--err);margin:0 .3em 0 0}
    .claim .where{font-size:12px;margin-left:.5em;color:var(--err)}code.value.error{color:var(--err);background:var(--err-bg);white-space:pre-wrap}
    code.value.not-run{color:var(--muted)}.value{white-space:nowrap}.value.words{white-space:normal}mark.overridden{background:var(--warn-bg);color:inherit}
    .overridden-note{font-size:12px;color:var(--warn);margin-left:1.5em;font-family:-apple-system,"Segoe UI",Roboto,sans-serif}
    @media (max-width:600px){main{padding:16px 12px 60px}h1{font-size:1.6em}.outputs{padding-left:10px}
    .pager{flex-direction:column}.pager a{max-width:none}}
    @media print{:root{color-scheme:light;--bg:#ffffff;--fg:#000000;--muted:#4a5261;--border:#c9ced6;--ok:#2e7d32;--err:#b42318;--code-bg:#f6f8fa;
    --err-bg:#fef3f2;--warn:#8a5a00;--warn-bg:#fff8e6;
    --out-bg:#ffffff;--accent:#1a5f96;--k:#a626a4;--s:#2f7d32;--n:#865b00;--c:#5f6873;--t:#0f6fa8;--f:#2f66d0;
    --tb-fg:#1d2330;--tb-bg:#ffffff;--tb-grid:#e6e8ec;--tb-axis:#5b6475;
    --tb-c0:#0072b2;--tb-t0:#0072b2;--tb-c1:#c08402;--tb-t1:#9d6b04;--tb-c2:#009e73;--tb-t2:#058561;--tb-c3:#c15400;--tb-t3:#c15400;
    --tb-c4:#c875a3;--tb-t4:#aa5b88;--tb-c5:#3798cc;--tb-t5:#0b7caf;--tb-c6:#7f7703;--tb-t6:#7f7703;--tb-c7:#666666;--tb-t7:#666666}
    body{font-size:11pt}main{max-width:none;padding:0}
    body>main>nav,.pager,.anchor,details.fold>summary{display:none}
    details.fold::details-content{content-visibility:visible;display:contents}
    pre,.outputs pre.text{white-space:pre-wrap;overflow-wrap:anywhere;overflow:visible}
    .table-wrap,.math.display,.outputs figure{overflow:visible}.table-wrap{max-width:none}th,td{white-space:normal}
    .outputs figure svg{min-width:0}
    figure,tr,.source,.parameters-cell,.toc{break-inside:avoid}h2,h3,h4{break-after:avoid}
    a[href^="http"]::after{content:" (" attr(href) ")";font-size:.85em;color:var(--muted);overflow-wrap:anywhere}}
    .tb-slider{border:1px solid var(--border);border-radius:8px;margin:10px 0;padding:4px 12px 8px;min-inline-size:0}
    .tb-slider>legend{font-size:14px;font-weight:600;padding:0 6px}
    .tb-slider-body{display:flex;flex-wrap:wrap;align-items:center;gap:6px;position:relative}
    .tb-slider-body>input{position:absolute;left:0;top:0;width:1px;height:1px;margin:0;opacity:0}
    .tb-slider-body>label{font:13.5px/1.4 ui-monospace,"SFMono-Regular","DejaVu Sans Mono",Menlo,Consolas,monospace;padding:4px 10px;
    border:1px solid var(--border);border-radius:999px;cursor:pointer;font-variant-numeric:tabular-nums}
    .tb-slider-name{display:none}
    .tb-slider-body>input:checked+label{background:var(--accent);border-color:var(--accent);color:var(--bg);font-weight:600}
    .tb-slider-body>input:focus-visible+label{outline:3px solid var(--fg);outline-offset:2px}
    .tb-slider-body>.tb-slider-panel{order:1;flex:0 0 100%;min-width:0;display:none;margin:6px 0 0}
    .tb-slider-body>input:checked+label+.tb-slider-panel{display:block}
    @media print{.tb-slider-body{display:block}.tb-slider-body>input{display:none}
    .tb-slider-body>label,.tb-slider-body>input:checked+label{display:block;border:0;padding:0;margin:10px 0 0;background:none;color:var(--fg);
    font-weight:600;break-after:avoid}.tb-slider-name{display:inline}.tb-slider-body>.tb-slider-panel{display:block}}
    """
}
