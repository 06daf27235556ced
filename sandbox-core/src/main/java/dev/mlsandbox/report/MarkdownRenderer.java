package dev.mlsandbox.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a report as GitHub-flavoured Markdown. Charts become a table of their data, since
 * Markdown viewers do not all show inline SVG.
 */
public final class MarkdownRenderer {

    public String render(Report report) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(report.title()).append("\n\n");
        if (!report.summary().isEmpty()) {
            out.append(report.summary()).append("\n\n");
        }
        if (!report.takeaways().isEmpty()) {
            out.append("## What this shows\n\n");
            for (Takeaway t : report.takeaways()) {
                out.append("- ").append(t.text()).append("\n");
            }
            out.append("\n");
        }
        for (Section section : report.sections()) {
            out.append("## ").append(section.title()).append("\n\n");
            for (Block block : section.blocks()) {
                block(out, block);
            }
        }
        provenance(out, report.provenance());
        return out.toString();
    }

    private void block(StringBuilder out, Block block) {
        // Java 17 has no pattern matching for switch yet, so this is an instanceof chain.
        if (block instanceof Paragraph p) {
            out.append(p.text()).append("\n\n");
        } else if (block instanceof CodeBlock c) {
            String fence = c.code().contains("```") ? "~~~~" : "```";
            out.append(fence).append(c.language()).append("\n").append(c.code());
            if (!c.code().endsWith("\n")) {
                out.append("\n");
            }
            out.append(fence).append("\n\n");
        } else if (block instanceof Table t) {
            table(out, t.caption(), t.columns(), t.rows());
        } else if (block instanceof KeyValues kv) {
            if (!kv.caption().isEmpty()) {
                out.append("**").append(kv.caption()).append("**\n\n");
            }
            for (KeyValues.Entry e : kv.entries()) {
                out.append("- **").append(escapeInline(e.key())).append("**: ").append(escapeInline(e.value())).append("\n");
            }
            out.append("\n");
        } else if (block instanceof BarChart bar) {
            barChart(out, bar);
        } else if (block instanceof LineChart line) {
            lineChart(out, line);
        }
    }

    private void barChart(StringBuilder out, BarChart chart) {
        List<String> columns = new ArrayList<>();
        columns.add(chart.xLabel());
        for (BarChart.Series s : chart.series()) {
            columns.add(s.name());
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < chart.categories().size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(chart.categories().get(i));
            for (BarChart.Series s : chart.series()) {
                String cell = Format.number(s.values().get(i));
                if (!s.errors().isEmpty()) {
                    cell += " ± " + Format.number(s.errors().get(i));
                }
                row.add(cell);
            }
            rows.add(row);
        }
        table(out, "Chart: " + chart.title() + " (" + chart.yLabel() + ")", columns, rows);
    }

    private void lineChart(StringBuilder out, LineChart chart) {
        for (LineChart.XYSeries s : chart.series()) {
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < s.x().size(); i++) {
                rows.add(List.of(Format.number(s.x().get(i)), Format.number(s.y().get(i))));
            }
            table(out, "Chart: " + chart.title() + " — " + s.name(), List.of(chart.xLabel(), chart.yLabel()), rows);
        }
        if (!chart.markers().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (LineChart.Marker m : chart.markers()) {
                rows.add(List.of(Format.number(m.x()), m.series(), m.kind(), m.label()));
            }
            table(out, "Chart: " + chart.title() + " — marked points", List.of(chart.xLabel(), "series", "what", "detail"), rows);
        }
        if (!chart.guides().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (LineChart.Guide g : chart.guides()) {
                rows.add(List.of(Format.number(g.x()), g.label()));
            }
            table(out, "Chart: " + chart.title() + " — events", List.of(chart.xLabel(), "event"), rows);
        }
    }

    private void table(StringBuilder out, String caption, List<String> columns, List<List<String>> rows) {
        if (!caption.isEmpty()) {
            out.append("**").append(escapeInline(caption)).append("**\n\n");
        }
        out.append("|");
        for (String c : columns) {
            out.append(" ").append(escapeCell(c)).append(" |");
        }
        out.append("\n|");
        out.append(" --- |".repeat(columns.size()));
        out.append("\n");
        for (List<String> row : rows) {
            out.append("|");
            for (String cell : row) {
                out.append(" ").append(escapeCell(cell)).append(" |");
            }
            out.append("\n");
        }
        out.append("\n");
    }

    private void provenance(StringBuilder out, Provenance p) {
        out.append("## Provenance\n\n");
        out.append("- sandbox ").append(p.sandboxVersion()).append(", Spark ").append(p.sparkVersion())
                .append(", Scala ").append(p.scalaVersion()).append(", Java ").append(p.javaVersion()).append("\n");
        out.append("- master `").append(p.master()).append("`, seed ").append(p.seed()).append(", rows ").append(p.rows()).append("\n");
        out.append("- started ").append(p.startedAt()).append(", took ").append(Format.seconds(p.seconds())).append("\n");
        if (!p.parameters().isEmpty()) {
            out.append("- options: ");
            out.append(String.join(", ", p.parameters().entrySet().stream()
                    .map(e -> "`" + e.getKey() + "=" + e.getValue() + "`").toList()));
            out.append("\n");
        }
    }

    private static String escapeCell(String text) {
        return escapeInline(text).replace("|", "\\|").replace("\n", "<br>");
    }

    private static String escapeInline(String text) {
        return text.replace("\r", "");
    }
}
