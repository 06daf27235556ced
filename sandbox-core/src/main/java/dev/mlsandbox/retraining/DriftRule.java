package dev.mlsandbox.retraining;

import java.util.List;
import java.util.Locale;

/**
 * When input drift asks for retraining: a column drifts when its metric reaches the threshold, and
 * the window drifts when the share of drifted columns reaches {@code minShare} (with at least one
 * column drifted). {@code anyColumn(PSI, 0.2)} is the common "significant" PSI band applied to
 * every feature; {@code share(PSI, 0.2, 0.5)} is Evidently's dataset-drift rule (half the columns).
 *
 * @param metric    which drift-table metric is thresholded
 * @param threshold a column drifts when its metric is at least this
 * @param minShare  the share of drifted columns the window needs (0 = any one column)
 */
public record DriftRule(Metric metric, double threshold, double minShare) {

    /** A metric of the drift table. */
    public enum Metric {
        /** {@code population_stability_index}: bins fitted on the baseline; 0.1 moderate, 0.2 significant. */
        PSI("psi"),
        /** {@code ks_test.statistic}: the largest gap between the two ECDFs (numeric columns only). */
        KS_STATISTIC("ks");

        private final String id;

        Metric(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Metric byName(String name) {
            for (Metric m : values()) {
                if (m.id.equalsIgnoreCase(name) || m.name().equalsIgnoreCase(name)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown drift metric '" + name + "'; use psi or ks");
        }

        double of(DriftRow row) {
            return this == PSI ? row.psi() : row.ksStatistic();
        }
    }

    public DriftRule {
        if (metric == null) {
            throw new IllegalArgumentException("the drift metric is required (psi or ks)");
        }
        if (!(threshold > 0) || !Double.isFinite(threshold)) {
            throw new IllegalArgumentException("the drift threshold must be a positive number, got " + threshold);
        }
        if (!(minShare >= 0 && minShare <= 1)) {
            throw new IllegalArgumentException("the drifted share must be between 0 and 1, got " + minShare);
        }
    }

    /** Any one column reaching the threshold. */
    public static DriftRule anyColumn(Metric metric, double threshold) {
        return new DriftRule(metric, threshold, 0);
    }

    /** At least {@code minShare} of the columns reaching the threshold. */
    public static DriftRule share(Metric metric, double threshold, double minShare) {
        return new DriftRule(metric, threshold, minShare);
    }

    /** Whether one column's row counts as drifted (a metric the table leaves empty never does). */
    public boolean drifted(DriftRow row) {
        double v = metric.of(row);
        return !Double.isNaN(v) && v >= threshold;
    }

    /** The columns of a window that drifted. */
    public List<String> driftedColumns(List<DriftRow> rows) {
        return rows.stream().filter(this::drifted).map(DriftRow::column).toList();
    }

    /** Whether the window as a whole drifted. */
    public boolean fires(List<DriftRow> rows) {
        if (rows.isEmpty()) {
            return false;
        }
        long drifted = rows.stream().filter(this::drifted).count();
        return drifted >= 1 && (double) drifted / rows.size() >= minShare;
    }

    /** The rule in words, for reports. */
    public String describe() {
        String col = metric.id() + " >= " + String.format(Locale.ROOT, "%s", threshold);
        return minShare == 0 ? "any column with " + col
                : String.format(Locale.ROOT, "at least %.0f %% of the columns with %s", 100 * minShare, col);
    }
}
