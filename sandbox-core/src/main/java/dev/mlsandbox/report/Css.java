package dev.mlsandbox.report;

/** The one stylesheet every HTML page of the sandbox inlines. */
final class Css {

    private Css() {
    }

    static final String STYLE = """
            :root{--fg:#1d1d1f;--muted:#5f6368;--line:#e3e3e3;--accent:#0072B2;--soft:#f4f8fb}
            *{box-sizing:border-box}
            body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:#fff}
            main{max-width:60rem;margin:0 auto;padding:1rem 1.25rem 3rem}
            h1{font-size:1.8rem;line-height:1.2;margin:.5rem 0 1rem}
            h2{font-size:1.3rem;margin:2rem 0 .75rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}
            h3{font-size:1.05rem;margin:1.25rem 0 .5rem}
            a{color:var(--accent)}
            .crumb{color:var(--muted);font-size:.9rem;margin:0}
            .summary{font-size:1.05rem}
            .takeaways{background:var(--soft);border-left:4px solid var(--accent);padding:.25rem 1rem .5rem;margin:1rem 0}
            .takeaways h2{border:0;margin-top:.75rem}
            nav ol{columns:2;padding-left:1.25rem}
            code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
            code{background:#f2f2f2;padding:0 .25em;border-radius:3px}
            pre{background:#f7f7f7;border:1px solid var(--line);padding:.75rem;overflow-x:auto;white-space:pre-wrap;word-break:break-word}
            pre code{background:none;padding:0}
            .table{overflow-x:auto;margin:1rem 0}
            table{border-collapse:collapse;min-width:100%;font-size:.92rem}
            caption{text-align:left;font-weight:600;padding:.25rem 0}
            th,td{border-bottom:1px solid var(--line);padding:.35rem .6rem;text-align:left;vertical-align:top}
            th{background:#fafafa}
            td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            figure{margin:1rem 0}
            svg.chart{width:100%;height:auto;max-width:48rem;display:block;font-family:system-ui,sans-serif}
            dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
            dt{font-weight:600}
            dd{margin:0;word-break:break-word}
            footer{margin-top:3rem;color:var(--muted);font-size:.9rem}
            .labs td:first-child{white-space:nowrap}
            @media (max-width:40rem){main{padding:.75rem}h1{font-size:1.45rem}nav ol{columns:1}dl{grid-template-columns:1fr}}
            @media print{body{font-size:11pt}main{max-width:none}a{color:inherit}.takeaways{background:none}
            figure,table,pre{break-inside:avoid}nav{display:none}}
            """;
}
