package dev.mlsandbox.drift;

/**
 * Result of a two-sample Kolmogorov-Smirnov test.
 *
 * @param statistic D = max |F_ref(x) - F_cur(x)|, also the effect size: the largest difference
 *                  in probability of any event {@code X <= x}; in [0, 1]
 * @param pValue    P(D' >= D) under the null hypothesis that both samples share one distribution
 * @param method    {@code exact} (no ties), {@code exact-ties} (exact permutation distribution
 *                  conditional on the observed ties) or {@code asymptotic}
 * @param n         reference size
 * @param m         current size
 * @param ties      whether the pooled sample contains tied values
 * @param location  the value where the ECDFs are furthest apart, as scipy's {@code statistic_location}
 *                  (NaN when unknown)
 * @param sign      1 when the reference ECDF is above the current one there (the current sample's
 *                  values tend to be larger), -1 when below; scipy's {@code statistic_sign} (0 when unknown)
 */
public record KsResult(double statistic, double pValue, String method, int n, int m, boolean ties, double location,
                       int sign) {

    /** The effect size reported next to the p-value: D itself. */
    public double effectSize() {
        return statistic;
    }
}
