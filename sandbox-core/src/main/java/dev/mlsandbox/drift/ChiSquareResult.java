package dev.mlsandbox.drift;

/**
 * Chi-square goodness-of-fit of the current category counts against the reference proportions
 * ({@code scipy.stats.chisquare(f_obs=cur, f_exp=ref_share * n_cur)}, the test Evidently uses).
 *
 * @param statistic  sum (o - e)^2 / e; +Infinity when the current data has a category the
 *                   reference never had (expected count 0), as scipy returns: reports print it as
 *                   undefined (see {@link #defined()}), never as "Infinity"
 * @param pValue     chi-square survival function at the statistic with k - 1 degrees of freedom; 0
 *                   when the statistic is infinite (scipy's value, which Evidently reports)
 * @param dof        k - 1, where k counts buckets seen on either side
 * @param effectSize total variation distance between the two category distributions
 */
public record ChiSquareResult(double statistic, double pValue, int dof, double effectSize) {
    /**
     * Whether the statistic is a number. It is not when a current category has reference share 0:
     * its expected count is 0, so under the null hypothesis (current rows drawn from the reference
     * shares) the observation is impossible; the p-value is then exactly 0.
     */
    public boolean defined() {
        return Double.isFinite(statistic);
    }
}
