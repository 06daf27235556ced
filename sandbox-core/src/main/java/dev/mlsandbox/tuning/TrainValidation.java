package dev.mlsandbox.tuning;

import java.util.List;

import org.apache.spark.ml.tuning.TrainValidationSplitModel;

/**
 * One measured TrainValidationSplit fit.
 *
 * @param trainRatio  share of the rows used for training; the rest validates
 * @param parallelism the validator's parallelism
 * @param fits        real {@code fit} calls counted during the run
 * @param refits      of those, fits on the whole data (the best map's refit)
 * @param seconds     wall time of {@code TrainValidationSplit.fit}
 * @param paramMaps   every param map with its validation metric, in the grid's order of this run
 * @param best        the param map Spark chose
 * @param model       the fitted model
 */
public record TrainValidation(double trainRatio, int parallelism, int fits, int refits, double seconds,
                              List<SplitScore> paramMaps, ParamKey best, TrainValidationSplitModel model) {

    public TrainValidation {
        paramMaps = List.copyOf(paramMaps);
    }

    /** What the formula predicts: |grid| + 1. */
    public int expectedFits() {
        return paramMaps.size() + 1;
    }

    public SplitScore scoreOf(ParamKey params) {
        return paramMaps.stream().filter(s -> s.params().equals(params)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no param map " + params + " in this run"));
    }

    /**
     * One param map's validation metric.
     *
     * @param params             the param map's content
     * @param metric             the metric the recorder saw for this map
     * @param validationMetric   Spark's {@code validationMetrics} entry for this map, paired by content
     */
    public record SplitScore(ParamKey params, double metric, double validationMetric) {
    }
}
