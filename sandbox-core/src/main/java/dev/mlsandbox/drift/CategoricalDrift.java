package dev.mlsandbox.drift;

import java.util.ArrayList;
import java.util.List;

/**
 * Drift metrics of one categorical column; unseen categories share one bucket.
 *
 * @param name           column name
 * @param referenceCount reference values (non-missing)
 * @param currentCount   current values (non-missing)
 * @param chiSquare      chi-square goodness-of-fit (Evidently's test)
 * @param psi            PSI over the buckets (empty buckets floored)
 * @param bins           the reference categories
 * @param jensenShannon  JS distance (natural log)
 * @param totalVariation TV distance
 * @param lInfinity      L-infinity distance
 * @param unseenCount    current values whose category the reference did not have
 * @param histogram      counts per bucket
 */
public record CategoricalDrift(String name, long referenceCount, long currentCount, ChiSquareResult chiSquare,
                               double psi, CategoryBins bins, double jensenShannon, double totalVariation,
                               double lInfinity, long unseenCount, Histogram histogram) implements ColumnDrift {
    @Override
    public String type() {
        return "categorical";
    }

    @Override
    public double pValue() {
        return chiSquare.pValue();
    }

    @Override
    public double effectSize() {
        return totalVariation;
    }

    /** Computes every categorical metric over the given bins. */
    public static CategoricalDrift of(String name, String[] ref, String[] cur, CategoryBins bins, double psiFloor) {
        return ofCounts(name, bins, bins.count(ref), bins.count(cur), psiFloor);
    }

    /** Computes every categorical metric from bucket counts (the Spark path counts in the cluster). */
    public static CategoricalDrift ofCounts(String name, CategoryBins bins, long[] rc, long[] cc, double psiFloor) {
        double[] rp = Distances.proportions(rc);
        double[] cp = Distances.proportions(cc);
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < bins.size(); k++) {
            labels.add(bins.label(k));
        }
        long nRef = 0;
        long nCur = 0;
        for (int k = 0; k < rc.length; k++) {
            nRef += rc[k];
            nCur += cc[k];
        }
        return new CategoricalDrift(name, nRef, nCur, ChiSquare.test(rc, cc), Distances.psi(rp, cp, psiFloor), bins,
                Distances.jensenShannon(rp, cp, Math.E), Distances.totalVariation(rp, cp),
                Distances.lInfinity(rp, cp), cc[cc.length - 1], new Histogram(labels, rc, cc));
    }
}
