package dev.mlsandbox.report;

import java.util.List;

/**
 * Grouped bars: one group per category, one bar per series. Optional error bars (e.g. +- one
 * standard deviation) per value.
 */
public record BarChart(String title, String xLabel, String yLabel, List<String> categories, List<Series> series)
        implements Chart {

    public BarChart {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        for (Series s : series) {
            if (s.values().size() != categories.size()) {
                throw new IllegalArgumentException("bar chart '" + title + "': series '" + s.name() + "' has "
                        + s.values().size() + " values for " + categories.size() + " categories");
            }
        }
    }

    /** One named series; {@code errors} is empty or has one (non-negative) half-width per value. */
    public record Series(String name, List<Double> values, List<Double> errors) {
        public Series {
            values = List.copyOf(values);
            errors = errors == null ? List.of() : List.copyOf(errors);
            if (!errors.isEmpty() && errors.size() != values.size()) {
                throw new IllegalArgumentException("series '" + name + "': " + errors.size() + " errors for "
                        + values.size() + " values");
            }
        }

        public Series(String name, List<Double> values) {
            this(name, values, List.of());
        }
    }
}
