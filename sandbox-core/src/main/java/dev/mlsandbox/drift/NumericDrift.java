package dev.mlsandbox.drift;

import java.util.ArrayList;
import java.util.List;

/**
 * Drift metrics of one numeric column.
 *
 * @param name                  column name
 * @param referenceCount        reference values (non-missing)
 * @param currentCount          current values (non-missing)
 * @param ks                    two-sample Kolmogorov-Smirnov test
 * @param psi                   PSI on the reference-quantile bins (empty bins floored)
 * @param bins                  the bins the binned metrics used
 * @param wasserstein           Wasserstein-1 distance (in the column's units)
 * @param wassersteinNormalized Wasserstein-1 divided by max(reference std (ddof 0), 0.001), as Evidently
 * @param jensenShannon         JS distance (natural log) on the bins
 * @param totalVariation        TV distance on the bins
 * @param lInfinity             L-infinity distance on the bins
 * @param referenceMean         reference mean
 * @param referenceStd          reference standard deviation (population, ddof 0)
 * @param currentMean           current mean
 * @param histogram             counts per bin
 * @param ecdf                  both empirical CDFs for a chart, and where they differ most
 * @param fewValues             counts per value when the reference has at most 5 distinct values (Evidently
 *                              then tests the column as categorical), else null
 * @param integral              whether the current data's column is integer-typed (every value written as an
 *                              integer, none missing: what pandas reads as int64), which Evidently types as
 *                              categorical when the reference has at most 5 distinct values
 */
public record NumericDrift(String name, long referenceCount, long currentCount, KsResult ks, double psi,
                           QuantileBins bins, double wasserstein, double wassersteinNormalized,
                           double jensenShannon, double totalVariation, double lInfinity,
                           double referenceMean, double referenceStd, double currentMean,
                           Histogram histogram, Ecdf ecdf, FewValues fewValues, boolean integral)
        implements ColumnDrift {
    @Override
    public String type() {
        return "numeric";
    }

    @Override
    public double pValue() {
        return ks.pValue();
    }

    @Override
    public double effectSize() {
        return ks.statistic();
    }

    /**
     * Computes every numeric metric from two sorted samples: one merge walk (KS and Wasserstein),
     * binary searches for the bin counts, and one pass for mean and std. Sorting dominates.
     */
    public static NumericDrift ofSorted(String name, double[] ref, double[] cur, QuantileBins bins, double psiFloor) {
        return ofSorted(name, ref, cur, bins, psiFloor, false);
    }

    /** As {@link #ofSorted(String, double[], double[], QuantileBins, double)}, for an integer-typed column. */
    public static NumericDrift ofSorted(String name, double[] ref, double[] cur, QuantileBins bins, double psiFloor,
                                        boolean integral) {
        KsResult ks = KolmogorovSmirnov.testSorted(ref, cur);
        double w = wassersteinSorted(ref, cur);
        double refMean = mean(ref);
        double refStd = std(ref, refMean);
        long[] rc = bins.countSorted(ref);
        long[] cc = bins.countSorted(cur);
        double[] rp = Distances.proportions(rc);
        double[] cp = Distances.proportions(cc);
        return new NumericDrift(name, ref.length, cur.length, ks, Distances.psi(rp, cp, psiFloor), bins, w,
                w / Math.max(refStd, 1e-3), Distances.jensenShannon(rp, cp, Math.E),
                Distances.totalVariation(rp, cp), Distances.lInfinity(rp, cp), refMean, refStd, mean(cur),
                new Histogram(labels(bins), rc, cc), Ecdf.ofSorted(ref, cur, Ecdf.DEFAULT_POINTS, ks.location()),
                FewValues.ofSorted(ref, cur), integral);
    }

    /**
     * Wasserstein-1 = integral of |F_ref - F_cur| over x, summed between consecutive distinct pooled
     * values (scipy.stats.wasserstein_distance).
     */
    public static double wassersteinSorted(double[] ref, double[] cur) {
        int n = ref.length;
        int m = cur.length;
        int i = 0;
        int j = 0;
        double sum = 0;
        double prev = Double.NaN;
        double prevDiff = 0;
        while (i < n || j < m) {
            double v = i < n && (j >= m || ref[i] <= cur[j]) ? ref[i] : cur[j];
            if (i + j > 0) {
                sum += Math.abs(prevDiff) * (v - prev);
            }
            while (i < n && ref[i] == v) {
                i++;
            }
            while (j < m && cur[j] == v) {
                j++;
            }
            prevDiff = (double) i / n - (double) j / m;
            prev = v;
        }
        return sum;
    }

    /** Bin labels such as {@code [0.1, 0.2)} for charts. */
    public static List<String> labels(QuantileBins bins) {
        double[] e = bins.edges();
        List<String> out = new ArrayList<>();
        for (int k = 0; k <= e.length; k++) {
            String lo = k == 0 ? "-inf" : fmt(e[k - 1]);
            String hi = k == e.length ? "+inf" : fmt(e[k]);
            out.add("[" + lo + ", " + hi + ")");
        }
        return out;
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double std(double[] x, double mean) {
        double s = 0;
        for (double v : x) {
            double d = v - mean;
            s += d * d;
        }
        return Math.sqrt(s / x.length);
    }
}
