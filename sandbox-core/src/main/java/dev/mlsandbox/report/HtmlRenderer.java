package dev.mlsandbox.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a report as one self-contained HTML page: inline CSS and SVG, no scripts, no network.
 * Readable on a phone (fluid width, scrolling tables) and in print (no backgrounds, charts kept
 * whole on a page).
 */
public final class HtmlRenderer {

    private static final Pattern INLINE_CODE = Pattern.compile("`([^`]+)`");
    private final SvgChart charts = new SvgChart();

    public String render(Report report) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(report.title())).append("</title>\n")
                .append("<style>").append(Css.STYLE).append("</style>\n</head>\n<body>\n<main>\n");
        out.append("<p class=\"crumb\"><a href=\"../index.html\">MLOps Sandbox</a> / ").append(escape(report.lab())).append("</p>\n");
        out.append("<h1>").append(escape(report.title())).append("</h1>\n");
        if (!report.summary().isEmpty()) {
            out.append("<p class=\"summary\">").append(inline(report.summary())).append("</p>\n");
        }
        if (!report.takeaways().isEmpty()) {
            out.append("<section class=\"takeaways\">\n<h2>What this shows</h2>\n<ul>\n");
            for (Takeaway t : report.takeaways()) {
                out.append("<li>").append(inline(t.text())).append("</li>\n");
            }
            out.append("</ul>\n</section>\n");
        }
        if (report.sections().size() > 2) {
            out.append("<nav><h2>Contents</h2><ol>\n");
            for (int i = 0; i < report.sections().size(); i++) {
                out.append("<li><a href=\"#s").append(i + 1).append("\">")
                        .append(escape(report.sections().get(i).title())).append("</a></li>\n");
            }
            out.append("</ol></nav>\n");
        }
        for (int i = 0; i < report.sections().size(); i++) {
            Section section = report.sections().get(i);
            out.append("<section id=\"s").append(i + 1).append("\">\n<h2>").append(escape(section.title())).append("</h2>\n");
            for (Block block : section.blocks()) {
                block(out, block);
            }
            out.append("</section>\n");
        }
        provenance(out, report.provenance());
        out.append("</main>\n</body>\n</html>\n");
        return out.toString();
    }

    private void block(StringBuilder out, Block block) {
        if (block instanceof Paragraph p) {
            out.append("<p>").append(inline(p.text())).append("</p>\n");
        } else if (block instanceof CodeBlock c) {
            out.append("<pre><code>").append(escape(c.code())).append("</code></pre>\n");
        } else if (block instanceof Table t) {
            table(out, t);
        } else if (block instanceof KeyValues kv) {
            if (!kv.caption().isEmpty()) {
                out.append("<h3>").append(escape(kv.caption())).append("</h3>\n");
            }
            out.append("<dl>\n");
            for (KeyValues.Entry e : kv.entries()) {
                out.append("<dt>").append(escape(e.key())).append("</dt><dd>").append(inline(e.value())).append("</dd>\n");
            }
            out.append("</dl>\n");
        } else if (block instanceof Chart chart) {
            out.append("<figure>\n").append(charts.render(chart)).append("\n</figure>\n");
        }
    }

    private void table(StringBuilder out, Table t) {
        out.append("<div class=\"table\"><table>\n");
        if (!t.caption().isEmpty()) {
            out.append("<caption>").append(inline(t.caption())).append("</caption>\n");
        }
        out.append("<thead><tr>");
        for (String c : t.columns()) {
            out.append("<th>").append(escape(c)).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (var row : t.rows()) {
            out.append("<tr>");
            for (String cell : row) {
                out.append(looksNumeric(cell) ? "<td class=\"num\">" : "<td>").append(inline(cell)).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody></table></div>\n");
    }

    private void provenance(StringBuilder out, Provenance p) {
        out.append("<footer>\n<h2>Provenance</h2>\n<dl>\n");
        row(out, "versions", "sandbox " + p.sandboxVersion() + ", Spark " + p.sparkVersion() + ", Scala "
                + p.scalaVersion() + ", Java " + p.javaVersion());
        row(out, "master", p.master());
        row(out, "seed", Long.toString(p.seed()));
        row(out, "rows", Long.toString(p.rows()));
        row(out, "started", p.startedAt());
        row(out, "took", Format.seconds(p.seconds()));
        p.parameters().forEach((k, v) -> row(out, k, v));
        out.append("</dl>\n</footer>\n");
    }

    private static void row(StringBuilder out, String key, String value) {
        out.append("<dt>").append(escape(key)).append("</dt><dd>").append(escape(value)).append("</dd>\n");
    }

    private static boolean looksNumeric(String cell) {
        return !cell.isEmpty() && cell.matches("[-+]?[0-9.,]+(e[-+]?[0-9]+)?( ?(%|s|ms|x|± [-+0-9.e]+))?");
    }

    /** Escapes text and turns {@code `code`} spans into {@code <code>} elements. */
    static String inline(String text) {
        String escaped = escape(text);
        Matcher m = INLINE_CODE.matcher(escaped);
        return m.replaceAll("<code>$1</code>");
    }

    static String escape(String text) {
        return SvgChart.escape(text);
    }
}
