package dev.mlsandbox.tuning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.TrainValidationSplit;
import org.apache.spark.ml.tuning.TrainValidationSplitModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Runs Spark's real CrossValidator and TrainValidationSplit with the counting estimator and the
 * recording evaluator in place of the plain ones, and turns what was recorded into
 * {@link CrossValidation} and {@link TrainValidation}. Nothing is re-fitted to measure: the fold
 * metrics are the ones Spark computed while choosing.
 */
public final class InstrumentedTuning {

    private InstrumentedTuning() {
    }

    /** A plain CrossValidator over the setup: what a user would write, and the benchmark's baseline. */
    public static CrossValidator crossValidator(TuningSetup setup, int folds, long seed, int parallelism) {
        return new CrossValidator()
                .setEstimator(setup.tuned())
                .setEvaluator(setup.evaluator())
                .setEstimatorParamMaps(setup.paramMaps())
                .setNumFolds(folds)
                .setSeed(seed)
                .setParallelism(parallelism);
    }

    /** A plain TrainValidationSplit over the setup. */
    public static TrainValidationSplit trainValidationSplit(TuningSetup setup, double trainRatio, long seed, int parallelism) {
        return new TrainValidationSplit()
                .setEstimator(setup.tuned())
                .setEvaluator(setup.evaluator())
                .setEstimatorParamMaps(setup.paramMaps())
                .setTrainRatio(trainRatio)
                .setSeed(seed)
                .setParallelism(parallelism);
    }

    public static CrossValidation crossValidate(Dataset<Row> data, TuningSetup setup, int folds, long seed,
                                                int parallelism, boolean collectSubModels) {
        FitRecorder recorder = new FitRecorder();
        recorder.fullData(data);
        CrossValidator validator = crossValidator(setup, folds, seed, parallelism)
                .setEstimator(counting(setup, recorder))
                .setEvaluator(new RecordingEvaluator(setup.evaluator(), recorder))
                .setCollectSubModels(collectSubModels);
        long start = System.nanoTime();
        CrossValidatorModel model = validator.fit(data);
        double seconds = (System.nanoTime() - start) / 1e9;

        ParamMap[] maps = model.getEstimatorParamMaps();
        double[] avgMetrics = model.avgMetrics();
        Map<ParamKey, double[]> perFold = new HashMap<>();
        for (FitRecorder.Observation o : recorder.observations()) {
            perFold.computeIfAbsent(o.params(), k -> filledWithNaN(folds))[o.split()] = o.metric();
        }
        List<CrossValidation.FoldScores> scores = new ArrayList<>();
        for (int i = 0; i < maps.length; i++) {
            ParamKey key = ParamKey.of(maps[i]);
            double[] metrics = perFold.get(key);
            if (metrics == null || recorder.splits() != folds) {
                throw new IllegalStateException("recorded " + recorder.splits() + " folds and no metrics for " + key
                        + "; expected " + folds + " folds with one metric per param map each");
            }
            scores.add(new CrossValidation.FoldScores(key, boxed(metrics), sparkMean(metrics), sampleStd(metrics), avgMetrics[i]));
        }
        int best = bestIndex(avgMetrics, setup.evaluator());
        return new CrossValidation(folds, parallelism, recorder.fits(), recorder.refits(), seconds, scores,
                ParamKey.of(maps[best]), model);
    }

    public static TrainValidation trainValidate(Dataset<Row> data, TuningSetup setup, double trainRatio, long seed,
                                                int parallelism) {
        FitRecorder recorder = new FitRecorder();
        recorder.fullData(data);
        TrainValidationSplit validator = trainValidationSplit(setup, trainRatio, seed, parallelism)
                .setEstimator(counting(setup, recorder))
                .setEvaluator(new RecordingEvaluator(setup.evaluator(), recorder));
        long start = System.nanoTime();
        TrainValidationSplitModel model = validator.fit(data);
        double seconds = (System.nanoTime() - start) / 1e9;

        Map<ParamKey, Double> recorded = new LinkedHashMap<>();
        recorder.observations().forEach(o -> recorded.put(o.params(), o.metric()));
        ParamMap[] maps = model.getEstimatorParamMaps();
        double[] validationMetrics = model.validationMetrics();
        List<TrainValidation.SplitScore> scores = new ArrayList<>();
        for (int i = 0; i < maps.length; i++) {
            ParamKey key = ParamKey.of(maps[i]);
            Double metric = recorded.get(key);
            if (metric == null) {
                throw new IllegalStateException("no metric was recorded for " + key);
            }
            scores.add(new TrainValidation.SplitScore(key, metric, validationMetrics[i]));
        }
        int best = bestIndex(validationMetrics, setup.evaluator());
        return new TrainValidation(trainRatio, parallelism, recorder.fits(), recorder.refits(), seconds, scores,
                ParamKey.of(maps[best]), model);
    }

    /** The layout's estimator behind a counter: the whole pipeline, or the classifier alone. */
    private static CountingEstimator<?> counting(TuningSetup setup, FitRecorder recorder) {
        return setup.layout() == TuningSetup.Layout.PIPELINE_IN_VALIDATOR
                ? new CountingEstimator<PipelineModel>(setup.pipeline(), recorder)
                : new CountingEstimator<LogisticRegressionModel>(setup.classifier(), recorder);
    }

    /** Spark's rule: the first index of the largest metric (smallest when smaller is better). */
    static int bestIndex(double[] metrics, Evaluator evaluator) {
        int best = 0;
        for (int i = 1; i < metrics.length; i++) {
            boolean better = evaluator.isLargerBetter() ? metrics[i] > metrics[best] : metrics[i] < metrics[best];
            if (better) {
                best = i;
            }
        }
        return best;
    }

    /** Summed left to right from 0, then divided by k: the same operations Spark uses for avgMetrics. */
    static double sparkMean(double[] values) {
        double sum = 0.0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Sample standard deviation (n - 1); 0 for a single value. */
    static double sampleStd(double[] values) {
        if (values.length < 2) {
            return 0.0;
        }
        double mean = sparkMean(values);
        double squares = 0.0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    private static double[] filledWithNaN(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }

    private static List<Double> boxed(double[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }
}
