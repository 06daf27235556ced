package dev.mlsandbox.drift;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/** Chi-square goodness-of-fit test of current counts against reference proportions. */
public final class ChiSquare {
    private ChiSquare() {
    }

    /** Runs the test on counts over the same buckets; buckets empty on both sides are dropped. */
    public static ChiSquareResult test(long[] ref, long[] cur) {
        double nRef = 0;
        double nCur = 0;
        for (int k = 0; k < ref.length; k++) {
            nRef += ref[k];
            nCur += cur[k];
        }
        double stat = 0;
        int k = 0;
        for (int b = 0; b < ref.length; b++) {
            if (ref[b] == 0 && cur[b] == 0) {
                continue;
            }
            k++;
            double expected = ref[b] / nRef * nCur;
            double diff = cur[b] - expected;
            stat += expected == 0 ? Double.POSITIVE_INFINITY : diff * diff / expected;
        }
        double tv = Distances.totalVariation(Distances.proportions(ref), Distances.proportions(cur));
        if (k <= 1) {
            return new ChiSquareResult(0.0, 1.0, 0, tv);
        }
        double p = Double.isInfinite(stat) ? 0.0 : ChiSquaredDistribution.of(k - 1).survivalProbability(stat);
        return new ChiSquareResult(stat, p, k - 1, tv);
    }
}
