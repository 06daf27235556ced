package dev.mlsandbox.drift;

import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.apache.commons.statistics.inference.PValueMethod;

/**
 * Two-sample Kolmogorov-Smirnov test on <em>sorted</em> samples, matching
 * {@code scipy.stats.ks_2samp(x, y, method='auto')} (scipy 1.10):
 * <ul>
 *   <li>D is evaluated at every distinct pooled value after all tied values are consumed, like
 *       scipy's {@code searchsorted(side='right')}; it is exact (integer arithmetic).</li>
 *   <li>If {@code max(n, m) <= 10000} the p-value is exact (scipy's rule; Commons Statistics uses
 *       {@code < 10000}). Without ties it is the probability that a random path leaves the band
 *       {@code |i/n - j/m| < D}, computed with the stable "outside probability" recursion of Viehmann
 *       (2021) as scipy does. With ties, scipy still uses the no-ties distribution (conservative);
 *       here the exact permutation distribution <em>conditional on the tie pattern</em> is used:
 *       a path is only checked at the end of each block of tied values, because inside a block the
 *       order is arbitrary. No random jitter, no sampling.</li>
 *   <li>Otherwise the p-value is asymptotic, exactly as scipy: the survival function of the
 *       one-sample two-sided KS distribution at {@code round(nm/(n+m))} (Simard and L'Ecuyer 2011,
 *       evaluated by Apache Commons Statistics).</li>
 * </ul>
 */
public final class KolmogorovSmirnov {
    /** scipy's MAX_AUTO_N: exact p-values when both samples have at most this many values. */
    public static final int EXACT_MAX_N = 10_000;

    private KolmogorovSmirnov() {
    }

    /**
     * Tests two samples that are already sorted ascending and free of NaN.
     *
     * @param ref sorted reference sample (at least one value)
     * @param cur sorted current sample (at least one value)
     * @return statistic, p-value and the method used
     */
    public static KsResult testSorted(double[] ref, double[] cur) {
        int n = ref.length;
        int m = cur.length;
        if (n == 0 || m == 0) {
            throw new IllegalArgumentException("KS test needs at least one value in each sample (reference "
                    + n + ", current " + m + ")");
        }
        // Walk the pooled distinct values; diff = i*m - j*n is n*m*(F_ref - F_cur) as an exact integer.
        long max = 0;
        long min = 0;
        boolean ties = false;
        GapExtreme highest = new GapExtreme(1);
        GapExtreme lowest = new GapExtreme(-1);
        PooledWalk walk = new PooledWalk(ref, cur);
        while (walk.next()) {
            ties |= walk.tied();
            long diff = (long) walk.refAtOrBelow() * m - (long) walk.curAtOrBelow() * n;
            if (diff > max) {
                max = diff;
            } else if (diff < min) {
                min = diff;
            }
            if (diff >= max) {
                highest.offer(walk.value(), walk.inRef(), walk.refAtOrBelow(), walk.curAtOrBelow(), n, m);
            }
            if (diff <= min) {
                lowest.offer(walk.value(), walk.inRef(), walk.refAtOrBelow(), walk.curAtOrBelow(), n, m);
            }
        }
        long dInt = Math.max(max, -min);
        double d = (double) dInt / ((double) n * m);
        GapExtreme at = GapExtreme.chosen(highest, lowest);
        String method;
        double p;
        if (dInt == 0) {
            method = Math.max(n, m) <= EXACT_MAX_N ? "exact" : "asymptotic";
            p = 1.0;
        } else if (Math.max(n, m) <= EXACT_MAX_N) {
            method = ties ? "exact-ties" : "exact";
            p = clip(ties ? exactTiesP(ref, cur, dInt) : exactP(n, m, dInt));
        } else {
            method = "asymptotic";
            p = asymptoticP(d, n, m);
        }
        return new KsResult(d, p, method, n, m, ties, at.at(), at.direction());
    }

    /**
     * scipy's asymptotic two-sided p-value: {@code kstwo.sf(d, round(nm/(n+m)))}. Sizes are longs
     * because the Spark path counts past 2^31 rows. Above {@link #KSTWO_MAX_N} the one-sample
     * distribution is replaced by Kolmogorov's limit with Stephens' finite-n correction
     * (z = d (sqrt(N) + 0.12 + 0.11/sqrt(N))), which differs from it by far less than the 1e-3
     * tolerance at such N.
     */
    public static double asymptoticP(double d, long n, long m) {
        long en = Math.round((double) n * m / ((double) n + m));
        if (en > KSTWO_MAX_N) {
            double rn = Math.sqrt((double) en);
            return clip(kolmogorovSf(d * (rn + 0.12 + 0.11 / rn)));
        }
        return clip(oneSampleTwoSidedSf(d, (int) en));
    }

    /** Largest N for which the exact one-sample distribution is evaluated (it needs an N-array). */
    public static final int KSTWO_MAX_N = 2_000_000;

    /** Kolmogorov's limit: P(K > z) = 2 sum_{k>=1} (-1)^(k-1) exp(-2 k^2 z^2). */
    static double kolmogorovSf(double z) {
        if (z < 0.27) {
            return 1.0;
        }
        double s = 0;
        for (int k = 1; k <= 100; k++) {
            double term = Math.exp(-2.0 * k * k * z * z);
            s += (k % 2 == 1 ? term : -term);
            if (term < 1e-300 || term < Math.abs(s) * 1e-17) {
                break;
            }
        }
        return 2 * s;
    }

    /**
     * Exact P(D >= dInt/(nm)) without ties: the probability that a uniformly random lattice path
     * from (0,0) to (n,m) touches a point with |i*m - j*n| >= dInt. q holds, for the current row i,
     * the probability that a random path to (i, j) has already touched the boundary; it is a
     * weighted mean of its two predecessors (weights i/(i+j) and j/(i+j)), so it never cancels and
     * tiny p-values keep their relative precision. Only the band of non-touching points is
     * computed: everything outside it is 1.
     */
    static double exactP(int n, int m, long dInt) {
        double[] q = new double[m + 1];
        java.util.Arrays.fill(q, 1.0);
        for (int j = 0; j <= m && (long) j * n < dInt; j++) {
            q[j] = 0.0;
        }
        for (int i = 1; i <= n; i++) {
            long im = (long) i * m;
            // Inside points: im - dInt < j*n < im + dInt.
            int lo = (int) Math.max(0, Math.floorDiv(im - dInt, n) + 1);
            int hi = (int) Math.min(m, ceilDiv(im + dInt, n) - 1);
            if (lo > hi) {
                return 1.0;
            }
            for (int j = lo; j <= hi; j++) {
                double left = j == 0 ? 0.0 : (j - 1 >= lo ? q[j - 1] : 1.0);
                q[j] = (i * q[j] + j * left) / (i + j);
            }
            if (lo > 0) {
                q[lo - 1] = 1.0;
            }
        }
        return q[m];
    }

    /**
     * Exact permutation P(D >= dInt/(nm)) conditional on ties: the same recursion over the full
     * grid, but a point counts as touching only where i+j ends a block of tied pooled values.
     */
    static double exactTiesP(double[] ref, double[] cur, long dInt) {
        int n = ref.length;
        int m = cur.length;
        boolean[] check = new boolean[n + m + 1];
        PooledWalk walk = new PooledWalk(ref, cur);
        while (walk.next()) {
            check[walk.refAtOrBelow() + walk.curAtOrBelow()] = true;
        }
        double[] q = new double[m + 1];
        for (int b = 1; b <= m; b++) {
            q[b] = check[b] && (long) b * n >= dInt ? 1.0 : q[b - 1];
        }
        for (int a = 1; a <= n; a++) {
            long am = (long) a * m;
            q[0] = check[a] && am >= dInt ? 1.0 : q[0];
            for (int b = 1; b <= m; b++) {
                if (check[a + b] && Math.abs(am - (long) b * n) >= dInt) {
                    q[b] = 1.0;
                } else {
                    q[b] = (a * q[b] + b * q[b - 1]) / (a + b);
                }
            }
        }
        return q[m];
    }

    /**
     * Survival function of the one-sample two-sided KS statistic for sample size n (scipy's
     * {@code kstwo.sf(d, n)}). Commons Statistics computes it (Simard and L'Ecuyer 2011) inside its
     * one-sample test; we reach it through that public API with a sample whose statistic against
     * the given "CDF" is exactly d: x_i = i and F(x_i) = i/n + d, so D- = d and D+ = 1/n - d.
     */
    static double oneSampleTwoSidedSf(double d, int n) {
        if (d * n <= 0.5) {
            return 1.0;
        }
        if (n == 1) {
            return Math.min(1.0, 2 * (1 - d));
        }
        double nxx = n * d * d;
        if (n > 140 && d < 0.5 && nxx >= 2.2) {
            // scipy's branch for this region: 2 * smirnov(n, d), and 0 from n d^2 >= 370 on. Commons
            // evaluates the same sum far more slowly for large n, so we sum it here (see smirnovSf).
            return nxx >= 370 ? 0.0 : Math.min(1.0, 2 * smirnovSf(n, d));
        }
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = k;
        }
        double nd = n;
        return KolmogorovSmirnovTest.withDefaults().with(PValueMethod.EXACT)
                .test(x, v -> v / nd + d).getPValue();
    }

    /**
     * One-sided P(D_n^+ >= d) by the Birnbaum-Tingey sum
     * d * sum_{j=0}^{floor(n(1-d))} C(n,j) (j/n + d)^(j-1) (1 - d - j/n)^(n-j),
     * in log space with a running maximum (the terms span hundreds of orders of magnitude, and
     * for large n the mass spreads over a wide band of j, so nothing can be skipped).
     */
    static double smirnovSf(int n, double d) {
        int last = (int) Math.floor(n * (1 - d));
        double logC = 0; // log C(n, j), updated incrementally
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int j = 0; j <= last; j++) {
            if (j > 0) {
                logC += Math.log((double) (n - j + 1) / j);
            }
            double rest = 1 - d - (double) j / n;
            if (rest <= 0) {
                continue;
            }
            double lt = logC + (j - 1) * Math.log((double) j / n + d) + (n - j) * Math.log(rest);
            if (lt > max) {
                sum = sum * Math.exp(max - lt) + 1;
                max = lt;
            } else {
                sum += Math.exp(lt - max);
            }
        }
        return d * Math.exp(max) * sum;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private static double clip(double p) {
        return Math.max(0.0, Math.min(1.0, p));
    }
}
