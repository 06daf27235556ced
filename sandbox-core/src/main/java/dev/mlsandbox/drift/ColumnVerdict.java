package dev.mlsandbox.drift;

/**
 * The verdict of a preset's test on one column.
 *
 * @param column    column name
 * @param test      which metric was thresholded ({@code ks}, {@code chiSquare}, {@code wassersteinNormalized},
 *                  {@code jensenShannon}, {@code psi})
 * @param value     the metric (for p-value tests: the p-value, after correction if the preset corrects)
 * @param threshold the threshold it was compared with
 * @param drifted   whether the column counts as drifted
 * @param reason    one sentence: the rule and the numbers
 */
public record ColumnVerdict(String column, String test, double value, double threshold, boolean drifted,
                            String reason) {
}
