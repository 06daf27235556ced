package dev.mlsandbox.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.mllib.util.MLUtils;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.mlsandbox.spark.ChurnData;
import dev.mlsandbox.spark.ChurnSpec;
import dev.mlsandbox.testing.SharedSpark;

import scala.Tuple2;
import scala.reflect.ClassTag$;

/** The instrumentation against Spark's real validators, on small data and few iterations. */
class InstrumentedTuningTest {

    private static final int MAX_ITER = 3;
    private static final long SEED = 7L;
    private static Dataset<Row> data;
    private static TuningSetup setup;

    @BeforeAll
    static void data() {
        data = ChurnData.generate(SharedSpark.session(), ChurnSpec.rows(400)).cache();
        setup = TuningSetup.churn(TuningGrid.defaults(), MAX_ITER);
    }

    @ParameterizedTest(name = "k={0}, grid={1}")
    @CsvSource({"2, 1", "3, 2", "4, 4"})
    void crossValidatorFitsKTimesTheGridPlusOneRefit(int k, int gridSize) {
        CrossValidation cv = InstrumentedTuning.crossValidate(data, setup.firstMaps(gridSize), k, SEED, 1, false);
        assertEquals(k * gridSize + 1, cv.fits(), "counted fits");
        assertEquals(1, cv.refits(), "one refit on all rows");
        assertEquals(gridSize, cv.paramMaps().size());
        cv.paramMaps().forEach(s -> assertEquals(k, s.foldMetrics().size()));
    }

    @Test
    void theRefitOfAMapIsTheSameWhicheverSeedAndValidatorChoseIt() {
        // The lab scores each chosen map on the held-out rows once (TuningLab.tune): that holds only
        // because the final refit depends on the rows and the map, not on the seed or the validator.
        TuningSetup oneMap = setup.firstMaps(1);
        LogisticRegressionModel a = classifier(InstrumentedTuning.crossValidate(data, oneMap, 2, 1L, 1, false).model().bestModel());
        LogisticRegressionModel b = classifier(InstrumentedTuning.crossValidate(data, oneMap, 3, 2L, 2, false).model().bestModel());
        LogisticRegressionModel c = classifier(InstrumentedTuning.trainValidate(data, oneMap, 0.75, 3L, 1).model().bestModel());
        assertEquals(a.coefficients(), b.coefficients());
        assertEquals(a.coefficients(), c.coefficients());
        assertEquals(a.intercept(), c.intercept(), 0.0);
    }

    /** The LogisticRegression at the end of a refitted pipeline. */
    private static LogisticRegressionModel classifier(org.apache.spark.ml.Model<?> pipelineModel) {
        org.apache.spark.ml.Transformer[] stages = ((PipelineModel) pipelineModel).stages();
        return (LogisticRegressionModel) stages[stages.length - 1];
    }

    @Test
    void theExactCurveGivesTheDefaultBinsAuc() {
        // The lab's evaluator skips Spark's down-sampling (numBins 0) to save a job per evaluation;
        // below 2,000 distinct scores the default 1000 bins do not down-sample either.
        TuningSetup inside = setup.withLayout(TuningSetup.Layout.VALIDATOR_IN_PIPELINE);
        Dataset<Row> encoded = inside.encoder().fit(data).transform(data);
        Dataset<Row> scored = inside.classifier().fit(encoded).transform(encoded);
        BinaryClassificationEvaluator defaultBins = new BinaryClassificationEvaluator()
                .setLabelCol(ChurnData.LABEL).setMetricName("areaUnderROC");
        assertEquals(0, inside.evaluator().getNumBins());
        // Not bit for bit: Spark adds the AUC's partition sums in the order the tasks finish, so even
        // one evaluator can differ from itself in the last bits.
        assertEquals(defaultBins.evaluate(scored), inside.evaluator().evaluate(scored), 1e-12);
    }

    @ParameterizedTest(name = "grid={0}")
    @CsvSource({"1", "2", "4"})
    void trainValidationSplitFitsTheGridPlusOneRefit(int gridSize) {
        TrainValidation tvs = InstrumentedTuning.trainValidate(data, setup.firstMaps(gridSize), 0.75, SEED, 1);
        assertEquals(gridSize + 1, tvs.fits());
        assertEquals(1, tvs.refits());
        // The recorded metric is the one Spark stored for the same map.
        tvs.paramMaps().forEach(s -> assertEquals(s.validationMetric(), s.metric(), 0.0));
    }

    @Test
    void theValidatorInsideThePipelineCountsClassifierFitsOnEncodedRows() {
        TuningSetup inside = setup.firstMaps(2).withLayout(TuningSetup.Layout.VALIDATOR_IN_PIPELINE);
        Dataset<Row> encoded = inside.encoder().fit(data).transform(data).select(TuningSetup.FEATURES, ChurnData.LABEL);
        CrossValidation cv = InstrumentedTuning.crossValidate(encoded, inside, 3, SEED, 1, false);
        assertEquals(3 * 2 + 1, cv.fits(), "the same formula in either layout");
        assertTrue(cv.model().bestModel() instanceof LogisticRegressionModel, "only the classifier was tuned");
        CrossValidation whole = InstrumentedTuning.crossValidate(data, setup.firstMaps(2), 3, SEED, 1, false);
        assertTrue(whole.model().bestModel() instanceof PipelineModel, "the whole pipeline was tuned");
        assertEquals(whole.fits(), cv.fits());
    }

    @Test
    void foldMeanEqualsAvgMetricsAndStdIsTheSampleStd() {
        // parallelism 2: fits of one fold run on two threads, so the thread pairing is exercised.
        CrossValidation cv = InstrumentedTuning.crossValidate(data, setup, 3, SEED, 2, false);
        assertEquals(13, cv.fits());
        ParamMap[] maps = cv.model().getEstimatorParamMaps();
        for (int i = 0; i < maps.length; i++) {
            CrossValidation.FoldScores s = cv.scoresOf(ParamKey.of(maps[i]));
            assertEquals(cv.model().avgMetrics()[i], s.mean(), 1e-12, "mean of folds vs avgMetrics for " + s.params());
            double mean = s.foldMetrics().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double ss = s.foldMetrics().stream().mapToDouble(m -> (m - mean) * (m - mean)).sum();
            assertEquals(Math.sqrt(ss / 2), s.std(), 1e-12, "sample std (n - 1)");
        }
        // Folds must differ, or "per-fold" metrics would be one number repeated.
        CrossValidation.FoldScores first = cv.paramMaps().get(0);
        assertNotEquals(first.foldMetrics().get(0), first.foldMetrics().get(1));
    }

    @Test
    void recordedFoldMetricsAreTheOnesOfSparksOwnFoldSplit() {
        CrossValidation cv = InstrumentedTuning.crossValidate(data, setup.firstMaps(1), 3, SEED, 1, false);
        ParamMap map = setup.paramMaps()[0];
        // Reproduce the split CrossValidator makes (MLUtils.kFold on the rows, same k and seed) and fit by hand.
        SparkSession spark = SharedSpark.session();
        Tuple2<RDD<Row>, RDD<Row>>[] folds = MLUtils.kFold(data.toDF().rdd(), 3, SEED, ClassTag$.MODULE$.apply(Row.class));
        List<Double> recorded = cv.scoresOf(ParamKey.of(map)).foldMetrics();
        for (int f = 0; f < folds.length; f++) {
            Dataset<Row> train = spark.createDataFrame(folds[f]._1(), data.schema());
            Dataset<Row> validation = spark.createDataFrame(folds[f]._2(), data.schema());
            PipelineModel model = setup.pipeline().fit(train, map);
            double metric = setup.evaluator().evaluate(model.transform(validation));
            // A separate fit: equal up to the floating-point noise of Spark's merge order.
            assertEquals(metric, recorded.get(f), 1e-9, "fold " + f);
        }
    }

    @Test
    void metricsArePairedWithTheirParamMapByContentNotByPosition() {
        ParamMap[] forward = setup.paramMaps();
        ParamMap[] reversed = new ParamMap[forward.length];
        for (int i = 0; i < forward.length; i++) {
            reversed[i] = forward[forward.length - 1 - i];
        }
        TuningSetup backwards = new TuningSetup(setup.pipeline(), setup.classifier(), setup.evaluator(), reversed, setup.layout());
        CrossValidation a = InstrumentedTuning.crossValidate(data, setup, 2, SEED, 1, false);
        CrossValidation b = InstrumentedTuning.crossValidate(data, backwards, 2, SEED, 1, false);
        assertEquals(ParamKey.of(forward[0]), a.paramMaps().get(0).params());
        assertEquals(ParamKey.of(forward[0]), b.paramMaps().get(forward.length - 1).params());
        for (CrossValidation.FoldScores s : a.paramMaps()) {
            CrossValidation.FoldScores t = b.scoresOf(s.params());
            for (int f = 0; f < 2; f++) {
                // Two separate runs: equal up to the floating-point noise of Spark's merge order.
                assertEquals(s.foldMetrics().get(f), t.foldMetrics().get(f), 1e-9, s.params() + " fold " + f);
            }
        }
        // The maps do score differently, so a pairing by position would have been caught above.
        assertTrue(a.paramMaps().stream().mapToDouble(CrossValidation.FoldScores::mean).distinct().count() > 1);
        assertEquals(a.best(), b.best());
    }

    @Test
    void aParamKeyIsTheContentOfAParamMap() {
        var lr = setup.classifier();
        ParamMap one = new ParamMap().put(lr.regParam(), 0.1).put(lr.elasticNetParam(), 0.0);
        ParamMap two = new ParamMap().put(lr.elasticNetParam(), 0.0).put(lr.regParam(), 0.1);
        assertEquals(ParamKey.of(one), ParamKey.of(two));
        assertEquals("elasticNetParam=0, regParam=0.1", ParamKey.of(one).label());
        assertNotEquals(ParamKey.of(one), ParamKey.of(new ParamMap().put(lr.regParam(), 0.1)));
    }
}
