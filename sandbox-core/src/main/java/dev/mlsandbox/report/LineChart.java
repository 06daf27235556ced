package dev.mlsandbox.report;

import java.util.List;

/** Lines through (x, y) points, optionally on logarithmic axes. */
public record LineChart(String title, String xLabel, String yLabel, List<XYSeries> series, boolean logX, boolean logY)
        implements Chart {

    public LineChart {
        series = List.copyOf(series);
    }

    public LineChart(String title, String xLabel, String yLabel, List<XYSeries> series) {
        this(title, xLabel, yLabel, series, false, false);
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
}
