package dev.mlsandbox.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link Chart} as a self-contained SVG element.
 *
 * <p>A small writer of our own rather than a chart library: the charts needed are bars and lines,
 * the output must be byte-for-byte repeatable for the same data (so reports diff cleanly), and the
 * Java chart libraries draw through AWT, whose font metrics differ between machines.
 * The palette is Okabe and Ito's, readable with colour-vision deficiencies.
 */
public final class SvgChart {

    static final String[] PALETTE = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"};
    private static final double WIDTH = 720;
    private static final double HEIGHT = 380;
    private static final double LEFT = 70;
    private static final double RIGHT = 20;
    private static final double TOP = 40;
    private static final double BOTTOM = 90;

    public String render(Chart chart) {
        if (chart instanceof BarChart bar) {
            return bar(bar);
        }
        return line((LineChart) chart);
    }

    private String bar(BarChart chart) {
        StringBuilder svg = open(chart);
        double lo = 0;
        double hi = 0;
        for (BarChart.Series s : chart.series()) {
            for (int i = 0; i < s.values().size(); i++) {
                double v = s.values().get(i);
                double e = s.errors().isEmpty() ? 0 : s.errors().get(i);
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v - e);
                    hi = Math.max(hi, v + e);
                }
            }
        }
        Axis y = Axis.linear(lo, hi, true, HEIGHT - BOTTOM, TOP);
        yAxis(svg, y, chart.yLabel());
        int groups = Math.max(1, chart.categories().size());
        double plotWidth = WIDTH - LEFT - RIGHT;
        double groupWidth = plotWidth / groups;
        int bars = Math.max(1, chart.series().size());
        double barWidth = groupWidth * 0.8 / bars;
        for (int g = 0; g < chart.categories().size(); g++) {
            double groupX = LEFT + g * groupWidth + groupWidth * 0.1;
            for (int b = 0; b < chart.series().size(); b++) {
                BarChart.Series s = chart.series().get(b);
                double v = s.values().get(g);
                if (!Double.isFinite(v)) {
                    continue;
                }
                double x = groupX + b * barWidth;
                double top = Math.min(y.pixel(v), y.pixel(0));
                double height = Math.abs(y.pixel(v) - y.pixel(0));
                svg.append(String.format(Locale.ROOT,
                        "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s, %s: %s</title></rect>\n",
                        x, top, barWidth * 0.92, height, PALETTE[b % PALETTE.length],
                        escape(chart.categories().get(g)), escape(s.name()), Format.number(v)));
                if (!s.errors().isEmpty() && s.errors().get(g) > 0) {
                    double cx = x + barWidth * 0.46;
                    double e = s.errors().get(g);
                    svg.append(String.format(Locale.ROOT,
                            "<path class=\"error\" d=\"M%.1f %.1fV%.1fM%.1f %.1fH%.1fM%.1f %.1fH%.1f\" stroke=\"#333\" fill=\"none\"/>\n",
                            cx, y.pixel(v - e), y.pixel(v + e), cx - 4, y.pixel(v - e), cx + 4, cx - 4, y.pixel(v + e), cx + 4));
                }
            }
            double labelX = LEFT + g * groupWidth + groupWidth / 2;
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" transform=\"rotate(-30 %.1f %.1f)\">%s</text>\n",
                    labelX, HEIGHT - BOTTOM + 14, labelX, HEIGHT - BOTTOM + 14, escape(shorten(chart.categories().get(g)))));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\">%s</text>\n",
                LEFT + plotWidth / 2, HEIGHT - 6, escape(chart.xLabel())));
        legend(svg, chart.series().stream().map(BarChart.Series::name).toList());
        return close(svg);
    }

    private String line(LineChart chart) {
        StringBuilder svg = open(chart);
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (LineChart.XYSeries s : chart.series()) {
            for (int i = 0; i < s.x().size(); i++) {
                double x = s.x().get(i);
                double v = s.y().get(i);
                if (usable(x, chart.logX()) && usable(v, chart.logY())) {
                    xMin = Math.min(xMin, x);
                    xMax = Math.max(xMax, x);
                    yMin = Math.min(yMin, v);
                    yMax = Math.max(yMax, v);
                }
            }
        }
        if (xMin > xMax) {
            xMin = yMin = chart.logX() ? 1 : 0;
            xMax = yMax = chart.logX() ? 10 : 1;
        }
        Axis x = chart.logX() ? Axis.logarithmic(xMin, xMax, LEFT, WIDTH - RIGHT)
                : Axis.linear(xMin, xMax, false, LEFT, WIDTH - RIGHT);
        Axis y = chart.logY() ? Axis.logarithmic(yMin, yMax, HEIGHT - BOTTOM, TOP)
                : Axis.linear(yMin, yMax, false, HEIGHT - BOTTOM, TOP);
        yAxis(svg, y, chart.yLabel());
        for (double tick : x.ticks()) {
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\">%s</text>\n",
                    x.pixel(tick), HEIGHT - BOTTOM + 16, Format.number(tick, 3)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\">%s</text>\n",
                (LEFT + WIDTH - RIGHT) / 2, HEIGHT - BOTTOM + 36, escape(chart.xLabel())));
        for (int i = 0; i < chart.series().size(); i++) {
            LineChart.XYSeries s = chart.series().get(i);
            String color = PALETTE[i % PALETTE.length];
            StringBuilder path = new StringBuilder();
            double lastY = Double.NaN;
            for (int p = 0; p < s.x().size(); p++) {
                double xv = s.x().get(p);
                double yv = s.y().get(p);
                if (!usable(xv, chart.logX()) || !usable(yv, chart.logY())) {
                    continue;
                }
                double px = x.pixel(xv);
                double py = y.pixel(yv);
                if (path.length() == 0) {
                    path.append(String.format(Locale.ROOT, "M%.1f %.1f", px, py));
                } else if (s.step()) {
                    path.append(String.format(Locale.ROOT, "H%.1fV%.1f", px, py));
                } else {
                    path.append(String.format(Locale.ROOT, "L%.1f %.1f", px, py));
                }
                lastY = py;
                if (!s.step() && s.x().size() <= 40) {
                    svg.append(String.format(Locale.ROOT,
                            "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s: (%s, %s)</title></circle>\n",
                            px, py, color, escape(s.name()), Format.number(xv), Format.number(yv)));
                }
            }
            if (path.length() > 0 && !Double.isNaN(lastY)) {
                svg.append("<path class=\"line\" d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(color)
                        .append("\" stroke-width=\"2\"/>\n");
            }
        }
        guides(svg, chart, x);
        markers(svg, chart, x, y);
        legend(svg, chart.series().stream().map(LineChart.XYSeries::name).toList());
        return close(svg);
    }

    /** Dashed vertical lines with their labels written down the line, inside the plot. */
    private void guides(StringBuilder svg, LineChart chart, Axis x) {
        for (LineChart.Guide g : chart.guides()) {
            if (!usable(g.x(), chart.logX())) {
                continue;
            }
            double px = x.pixel(g.x());
            svg.append(String.format(Locale.ROOT,
                    "<g class=\"guide\"><line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#888\" "
                            + "stroke-dasharray=\"4 3\"/><text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\"#555\" "
                            + "transform=\"rotate(90 %.1f %.1f)\">%s</text></g>\n",
                    px, px, TOP, HEIGHT - BOTTOM, px + 3, TOP + 2, px + 3, TOP + 2, escape(shorten(g.label()))));
        }
    }

    /** Symbols on the lines, in their series' colour, and one legend entry per kind of symbol under the x label. */
    private void markers(StringBuilder svg, LineChart chart, Axis x, Axis y) {
        List<String> names = chart.series().stream().map(LineChart.XYSeries::name).toList();
        java.util.Map<String, LineChart.Shape> kinds = new java.util.LinkedHashMap<>();
        // Many markers on one chart (an online learner's every window) get smaller, so the lines stay readable.
        double scale = chart.markers().size() > 40 ? 0.7 : 1.0;
        for (LineChart.Marker m : chart.markers()) {
            if (!usable(m.x(), chart.logX()) || !usable(m.y(), chart.logY())) {
                continue;
            }
            int i = names.indexOf(m.series());
            String color = i < 0 ? "#333" : PALETTE[i % PALETTE.length];
            String title = "<title>" + escape(m.series() + ", " + Format.number(m.x()) + ": " + m.kind()
                    + (m.label().isEmpty() ? "" : " (" + m.label() + ")")) + "</title>";
            svg.append("<g class=\"marker\">").append(symbol(m.shape(), x.pixel(m.x()), y.pixel(m.y()), color, scale))
                    .append(title).append("</g>\n");
            kinds.putIfAbsent(m.kind(), m.shape());
        }
        double lx = LEFT;
        double ly = HEIGHT - BOTTOM + 62;
        List<String> parts = new ArrayList<>();
        for (var e : kinds.entrySet()) {
            String text = shorten(e.getKey());
            parts.add(symbol(e.getValue(), lx + 5, ly - 4, "#555", 1.0) + String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">%s</text>", lx + 14, ly, escape(text)));
            lx += 26 + 6.2 * text.length();
        }
        if (!parts.isEmpty()) {
            svg.append("<g class=\"marker-legend\">").append(String.join("", parts)).append("</g>\n");
        }
    }

    private static String symbol(LineChart.Shape shape, double px, double py, String color, double scale) {
        double a = 5 * scale;
        double b = 6 * scale;
        return switch (shape) {
            case TRIANGLE -> String.format(Locale.ROOT, "<path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fZ\" fill=\"%s\" "
                    + "stroke=\"#333\" stroke-width=\"0.8\"/>", px, py - b, px + a, py + 0.8 * a, px - a, py + 0.8 * a, color);
            case DOT -> String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" stroke=\"#333\" "
                    + "stroke-width=\"1.2\"/>", px, py, a, color);
            case CROSS -> String.format(Locale.ROOT, "<path d=\"M%.1f %.1fL%.1f %.1fM%.1f %.1fL%.1f %.1f\" stroke=\"%s\" "
                    + "stroke-width=\"2.5\" fill=\"none\"/>", px - a, py - a, px + a, py + a, px - a, py + a, px + a, py - a,
                    color);
            case DIAMOND -> String.format(Locale.ROOT, "<path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fL%.1f %.1fZ\" fill=\"#fff\" "
                    + "stroke=\"%s\" stroke-width=\"2\"/>", px, py - b, px + b, py, px, py + b, px - b, py, color);
        };
    }

    private static boolean usable(double v, boolean log) {
        return Double.isFinite(v) && (!log || v > 0);
    }

    private StringBuilder open(Chart chart) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"%s\" class=\"chart\">\n",
                WIDTH, HEIGHT, escape(chart.title())));
        svg.append("<title>").append(escape(chart.title())).append("</title>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"22\" font-size=\"15\" font-weight=\"600\">%s</text>\n",
                LEFT, escape(chart.title())));
        return svg;
    }

    private static String close(StringBuilder svg) {
        return svg.append("</svg>").toString();
    }

    private void yAxis(StringBuilder svg, Axis y, String label) {
        for (double tick : y.ticks()) {
            double py = y.pixel(tick);
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n", LEFT, WIDTH - RIGHT, py, py));
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>\n",
                    LEFT - 6, py + 4, Format.number(tick, 3)));
        }
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>\n", LEFT, WIDTH - RIGHT, HEIGHT - BOTTOM, HEIGHT - BOTTOM));
        svg.append(String.format(Locale.ROOT,
                "<text x=\"14\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 14 %.1f)\">%s</text>\n",
                (TOP + HEIGHT - BOTTOM) / 2, (TOP + HEIGHT - BOTTOM) / 2, escape(label)));
    }

    private void legend(StringBuilder svg, List<String> names) {
        if (names.size() < 2) {
            return;
        }
        double x = LEFT;
        double yPos = 34;
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = shorten(names.get(i));
            parts.add(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">%s</text>",
                    x, yPos - 9, PALETTE[i % PALETTE.length], x + 14, yPos, escape(name)));
            x += 24 + 6.5 * name.length();
        }
        svg.append("<g class=\"legend\">").append(String.join("", parts)).append("</g>\n");
    }

    private static String shorten(String text) {
        return text.length() <= 28 ? text : text.substring(0, 27) + "…";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
