package dev.mlsandbox.report;

import java.util.List;
import java.util.Objects;

/**
 * Lines through (x, y) points, optionally on logarithmic axes, with optional markers on the lines
 * (events at a point: a retrain, a promotion) and vertical guides (events at an x: a change in the data).
 */
public record LineChart(String title, String xLabel, String yLabel, List<XYSeries> series, boolean logX, boolean logY,
                        List<Marker> markers, List<Guide> guides) implements Chart {

    public LineChart {
        series = List.copyOf(series);
        markers = List.copyOf(markers);
        guides = List.copyOf(guides);
    }

    public LineChart(String title, String xLabel, String yLabel, List<XYSeries> series, boolean logX, boolean logY) {
        this(title, xLabel, yLabel, series, logX, logY, List.of(), List.of());
    }

    public LineChart(String title, String xLabel, String yLabel, List<XYSeries> series) {
        this(title, xLabel, yLabel, series, false, false);
    }

    /** The same chart with these markers and guides. */
    public LineChart with(List<Marker> newMarkers, List<Guide> newGuides) {
        return new LineChart(title, xLabel, yLabel, series, logX, logY, newMarkers, newGuides);
    }

    /** One named line. {@code step} draws it as a staircase (an ECDF). */
    public record XYSeries(String name, List<Double> x, List<Double> y, boolean step) {
        public XYSeries {
            x = List.copyOf(x);
            y = List.copyOf(y);
            if (x.size() != y.size()) {
                throw new IllegalArgumentException("series '" + name + "': " + x.size() + " x values but " + y.size() + " y values");
            }
        }

        public XYSeries(String name, List<Double> x, List<Double> y) {
            this(name, x, y, false);
        }
    }

    /**
     * A symbol at a point of a series, drawn in the series' colour; the legend explains each
     * distinct {@code kind} once, with its shape.
     *
     * @param series the series it belongs to (its colour)
     * @param x      where
     * @param y      where
     * @param shape  the symbol
     * @param kind   what the symbol means ("retrained", "refused by the gate"), shown in the legend
     * @param label  what happened at this point, shown on hover and in the Markdown table
     */
    public record Marker(String series, double x, double y, Shape shape, String kind, String label) {
        public Marker {
            Objects.requireNonNull(series, "series");
            Objects.requireNonNull(shape, "shape");
            Objects.requireNonNull(kind, "kind");
            label = label == null ? "" : label;
        }
    }

    /** A marker's symbol. */
    public enum Shape {
        TRIANGLE, DOT, CROSS, DIAMOND
    }

    /**
     * A dashed vertical line at {@code x} with a short label: something that happened to every series.
     *
     * @param x     where
     * @param label what, in a few words
     */
    public record Guide(double x, String label) {
        public Guide {
            Objects.requireNonNull(label, "label");
        }
    }
}
