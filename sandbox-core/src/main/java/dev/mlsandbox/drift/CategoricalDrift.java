package dev.mlsandbox.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * @param unseen         current values whose category the reference did not have, named
 * @param histogram      counts per bucket
 */
public record CategoricalDrift(String name, long referenceCount, long currentCount, ChiSquareResult chiSquare,
                               double psi, CategoryBins bins, double jensenShannon, double totalVariation,
                               double lInfinity, UnseenCategories unseen, Histogram histogram) implements ColumnDrift {
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

    /** Current values whose category the reference did not have. */
    public long unseenCount() {
        return unseen.count();
    }

    /** Computes every categorical metric over the given bins. */
    public static CategoricalDrift of(String name, String[] ref, String[] cur, CategoryBins bins, double psiFloor) {
        CategoryBins.Counts current = bins.countAll(cur);
        return ofCounts(name, bins, bins.count(ref), current.buckets(), current.unseen(), psiFloor);
    }

    /**
     * Computes every categorical metric from bucket counts (the Spark path counts in the cluster).
     *
     * @param unseen current counts of the categories the bins do not have (they sum to the last bucket)
     */
    public static CategoricalDrift ofCounts(String name, CategoryBins bins, long[] rc, long[] cc,
                                            Map<String, Long> unseen, double psiFloor) {
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
                Distances.lInfinity(rp, cp), UnseenCategories.of(unseen, nCur), new Histogram(labels, rc, cc));
    }
}
