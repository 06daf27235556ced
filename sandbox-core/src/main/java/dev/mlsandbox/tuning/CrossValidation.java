package dev.mlsandbox.tuning;

import java.util.List;

import org.apache.spark.ml.tuning.CrossValidatorModel;

/**
 * One measured CrossValidator fit.
 *
 * @param folds      k
 * @param parallelism the validator's parallelism
 * @param fits       real {@code fit} calls counted during the run
 * @param refits     of those, fits on the whole data (the best map's refit)
 * @param seconds    wall time of {@code CrossValidator.fit}
 * @param paramMaps  every param map with its per-fold metrics, in the grid's order of this run
 * @param best       the param map Spark chose (largest mean metric; first one on ties, as Spark)
 * @param model      the fitted model (best model, avgMetrics, and sub-models when collected)
 */
public record CrossValidation(int folds, int parallelism, int fits, int refits, double seconds,
                              List<FoldScores> paramMaps, ParamKey best, CrossValidatorModel model) {

    public CrossValidation {
        paramMaps = List.copyOf(paramMaps);
    }

    /** What the formula predicts: k x |grid| + 1. */
    public int expectedFits() {
        return folds * paramMaps.size() + 1;
    }

    public FoldScores scoresOf(ParamKey params) {
        return paramMaps.stream().filter(s -> s.params().equals(params)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no param map " + params + " in this run"));
    }

    /**
     * One param map's metrics.
     *
     * @param params      the param map's content
     * @param foldMetrics the metric on each fold's validation rows, in fold order
     * @param mean        sum of the fold metrics in fold order divided by k (Spark's own arithmetic)
     * @param std         sample standard deviation of the fold metrics (n - 1 in the denominator)
     * @param avgMetric   Spark's {@code avgMetrics} entry for this map, paired by content
     */
    public record FoldScores(ParamKey params, List<Double> foldMetrics, double mean, double std, double avgMetric) {
        public FoldScores {
            foldMetrics = List.copyOf(foldMetrics);
        }
    }
}
