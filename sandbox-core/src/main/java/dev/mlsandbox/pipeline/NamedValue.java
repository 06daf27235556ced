package dev.mlsandbox.pipeline;

/** A number with the name of what it measures (a feature, a coefficient, a statistic). */
public record NamedValue(String name, double value) {
}
