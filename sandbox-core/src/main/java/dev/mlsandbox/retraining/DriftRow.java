package dev.mlsandbox.retraining;

/**
 * One row of input drift, shaped like a row of a data-profiling monitor's
 * {@code <table>_drift_metrics} table with {@code drift_type = BASELINE}: one column of one window
 * compared with the baseline (here: the data the serving model was trained on).
 *
 * @param window      the window's index ({@code window.start} in the table)
 * @param column      {@code column_name}
 * @param psi         {@code population_stability_index}
 * @param ksStatistic {@code ks_test.statistic} (NaN for a categorical column: the table leaves it NULL)
 * @param ksPValue    {@code ks_test.pvalue} (NaN for a categorical column)
 */
public record DriftRow(int window, String column, double psi, double ksStatistic, double ksPValue) {
}
