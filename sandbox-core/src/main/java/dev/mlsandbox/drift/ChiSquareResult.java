package dev.mlsandbox.drift;

/**
 * Chi-square goodness-of-fit of the current category counts against the reference proportions
 * ({@code scipy.stats.chisquare(f_obs=cur, f_exp=ref_share * n_cur)}, the test Evidently uses).
 *
 * @param statistic  sum (o - e)^2 / e; +Infinity when the current data has a category the
 *                   reference never had (expected count 0), as scipy returns
 * @param pValue     chi-square survival function at the statistic with k - 1 degrees of freedom
 * @param dof        k - 1, where k counts buckets seen on either side
 * @param effectSize total variation distance between the two category distributions
 */
public record ChiSquareResult(double statistic, double pValue, int dof, double effectSize) {
}
