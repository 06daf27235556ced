package dev.mlsandbox.retraining;

import java.util.List;

/**
 * The retraining rule of Databricks' MLOps Stacks, in Java. Its monitoring job reads the last
 * {@code num_evaluation_windows} rows of {@code <table>_profile_metrics} (whole-table rows:
 * {@code column_name = ":table"}, no slice, per model, {@code log_type = "INPUT"}, ordered by
 * window, newest first) and asks for retraining when the metric is violated in at least
 * {@code num_violation_windows} of them <em>and</em> in the newest one: the second condition keeps
 * an old violation that has since cleared from retraining again. The template's defaults are 5 and
 * 2, and its example metric is an error metric ({@code root_mean_squared_error > 100}); for a
 * quality metric such as AUC a violation is a value below the threshold, hence {@link Direction}.
 * As in the template's SQL, a missing metric (NULL there, NaN here: an AUC of a window with one
 * class) never counts as a violation.
 *
 * <p>Source: {@code template/.../monitoring/metric_violation_check_query.py.tmpl} and
 * {@code resources/monitoring-resource.yml.tmpl} in github.com/databricks/mlops-stacks.
 *
 * @param threshold         {@code metric_violation_threshold}
 * @param direction         which side of the threshold is a violation
 * @param evaluationWindows {@code num_evaluation_windows}: how many of the newest windows are read (5)
 * @param violationWindows  {@code num_violation_windows}: how many of them must be violated (2)
 */
public record MetricViolationRule(double threshold, Direction direction, int evaluationWindows, int violationWindows) {

    /** MLOps Stacks' defaults: 5 windows read, 2 violations needed. */
    public static final int DEFAULT_EVALUATION_WINDOWS = 5;
    public static final int DEFAULT_VIOLATION_WINDOWS = 2;

    /** Which side of the threshold breaks the rule. */
    public enum Direction {
        /** Violated when the metric is above the threshold (an error metric: RMSE, log loss). */
        ABOVE,
        /** Violated when the metric is below the threshold (a quality metric: AUC, accuracy, F1). */
        BELOW
    }

    public MetricViolationRule {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("the violation threshold must be a finite number, got " + threshold);
        }
        if (direction == null) {
            throw new IllegalArgumentException("the violation direction is required (ABOVE or BELOW)");
        }
        if (evaluationWindows < 1) {
            throw new IllegalArgumentException("evaluation windows must be at least 1, got " + evaluationWindows);
        }
        if (violationWindows < 1 || violationWindows > evaluationWindows) {
            throw new IllegalArgumentException("violation windows must be between 1 and the evaluation windows ("
                    + evaluationWindows + "), got " + violationWindows);
        }
    }

    /** A quality metric with MLOps Stacks' window counts: violated when it falls below {@code threshold}. */
    public static MetricViolationRule below(double threshold) {
        return new MetricViolationRule(threshold, Direction.BELOW, DEFAULT_EVALUATION_WINDOWS, DEFAULT_VIOLATION_WINDOWS);
    }

    /** An error metric with MLOps Stacks' window counts: violated when it rises above {@code threshold}. */
    public static MetricViolationRule above(double threshold) {
        return new MetricViolationRule(threshold, Direction.ABOVE, DEFAULT_EVALUATION_WINDOWS, DEFAULT_VIOLATION_WINDOWS);
    }

    /** Whether one window's value is a violation (strictly beyond the threshold, as the SQL compares). */
    public boolean violates(double value) {
        if (Double.isNaN(value)) {
            return false;
        }
        return direction == Direction.ABOVE ? value > threshold : value < threshold;
    }

    /**
     * The rule over a metric series ordered oldest first: only its last {@code evaluationWindows}
     * values are read.
     */
    public boolean violated(List<Double> oldestFirst) {
        if (oldestFirst.isEmpty()) {
            return false;
        }
        List<Double> recent = oldestFirst.subList(Math.max(0, oldestFirst.size() - evaluationWindows), oldestFirst.size());
        long violations = recent.stream().filter(this::violates).count();
        return violations >= violationWindows && violates(recent.get(recent.size() - 1));
    }

    /** The rule in words, for reports. */
    public String describe() {
        return "metric " + (direction == Direction.BELOW ? "< " : "> ") + threshold + " in >= " + violationWindows
                + " of the last " + evaluationWindows + " labelled windows, the newest included";
    }
}
