package dev.mlsandbox.report;

import java.nio.file.Path;
import java.util.List;

/** The {@code index.html} of a tour: one row per lab, linking its report. */
public final class IndexPage {

    /**
     * One lab of the tour.
     *
     * @param lab       the lab's name, also its directory
     * @param title     the report's title
     * @param summary   the lab's one-line description
     * @param outcome   {@code ok}, or the one-line reason it failed
     * @param seconds   wall time of the lab
     * @param takeaways the report's takeaways (empty when it failed)
     */
    public record Entry(String lab, String title, String summary, String outcome, double seconds, List<String> takeaways) {
        public Entry {
            takeaways = List.copyOf(takeaways);
        }

        public boolean ok() {
            return "ok".equals(outcome);
        }
    }

    public Path write(Path directory, String heading, List<Entry> entries, Provenance provenance) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(HtmlRenderer.escape(heading)).append("</title>\n")
                .append("<style>").append(Css.STYLE).append("</style>\n</head>\n<body>\n<main>\n");
        out.append("<h1>").append(HtmlRenderer.escape(heading)).append("</h1>\n");
        long ok = entries.stream().filter(Entry::ok).count();
        out.append("<p class=\"summary\">").append(ok).append(" of ").append(entries.size())
                .append(" labs ran. Each report is also available as Markdown (report.md) and JSON (report.json).</p>\n");
        out.append("<div class=\"table\"><table class=\"labs\">\n<thead><tr><th>Lab</th><th>What it shows</th><th>Time</th></tr></thead>\n<tbody>\n");
        for (Entry e : entries) {
            out.append("<tr><td>");
            if (e.ok()) {
                out.append("<a href=\"").append(HtmlRenderer.escape(e.lab())).append("/report.html\">")
                        .append(HtmlRenderer.escape(e.lab())).append("</a>");
            } else {
                out.append(HtmlRenderer.escape(e.lab()));
            }
            out.append("</td><td><strong>").append(HtmlRenderer.escape(e.title())).append("</strong><br>")
                    .append(HtmlRenderer.inline(e.summary()));
            if (!e.ok()) {
                out.append("<br><em>failed: ").append(HtmlRenderer.escape(e.outcome())).append("</em>");
            } else if (!e.takeaways().isEmpty()) {
                out.append("<ul>");
                e.takeaways().stream().limit(3)
                        .forEach(t -> out.append("<li>").append(HtmlRenderer.inline(t)).append("</li>"));
                out.append("</ul>");
            }
            out.append("</td><td class=\"num\">").append(Format.seconds(e.seconds())).append("</td></tr>\n");
        }
        out.append("</tbody></table></div>\n");
        out.append("<footer><p>sandbox ").append(HtmlRenderer.escape(provenance.sandboxVersion()))
                .append(", Spark ").append(HtmlRenderer.escape(provenance.sparkVersion()))
                .append(", Java ").append(HtmlRenderer.escape(provenance.javaVersion()))
                .append(", master <code>").append(HtmlRenderer.escape(provenance.master())).append("</code>, started ")
                .append(HtmlRenderer.escape(provenance.startedAt())).append(", took ")
                .append(Format.seconds(provenance.seconds())).append(".</p></footer>\n");
        out.append("</main>\n</body>\n</html>\n");
        Path file = directory.resolve("index.html");
        ReportWriter.writeAtomically(file, out.toString());
        return file;
    }
}
