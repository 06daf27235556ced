package dev.mlsandbox.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.mlsandbox.spark.ChurnSpec;

/**
 * What the Pipeline lab runs. Every field has a documented default ({@link #defaults()}); the
 * defaults keep the Spark work to a few seconds on a laptop.
 *
 * @param rows          rows of the synthetic churn table (default {@value #DEFAULT_ROWS})
 * @param seed          seed of the data, the train/test split and the forest (default 42)
 * @param numTrees      trees of the RandomForestClassifier (default {@value #DEFAULT_NUM_TREES})
 * @param maxDepth      depth of each tree (default {@value #DEFAULT_MAX_DEPTH})
 * @param testFraction  share of rows held out for evaluation (default 0.2)
 * @param unseenRows    rows with a never-seen plan sent through the fitted model (default
 *                      {@value #DEFAULT_UNSEEN_ROWS})
 * @param invalidRows   rows of the small table whose {@code monthly_charges} are null or NaN, per
 *                      kind, for the VectorAssembler probe (default {@value #DEFAULT_INVALID_ROWS})
 * @param priceShift    how much {@code monthly_charges} rise for the later customers in the
 *                      leakage probe, so the test rows differ from the training rows (default 30)
 * @param regParam      L2 penalty of the LogisticRegression in the leakage probe; it is what makes
 *                      the model sensitive to the scaler's statistics (default 0.1)
 * @param concurrentProbes run the probes that follow the first fit side by side on the one session
 *                      (default true); false runs them one after the other, e.g. to time each alone
 */
public record PipelineLabOptions(int rows, long seed, int numTrees, int maxDepth, double testFraction,
                                 int unseenRows, int invalidRows, double priceShift, double regParam,
                                 boolean concurrentProbes) {

    public static final int DEFAULT_ROWS = 5_000;
    public static final int DEFAULT_NUM_TREES = 20;
    public static final int DEFAULT_MAX_DEPTH = 5;
    public static final double DEFAULT_TEST_FRACTION = 0.2;
    public static final int DEFAULT_UNSEEN_ROWS = 25;
    public static final int DEFAULT_INVALID_ROWS = 20;
    public static final double DEFAULT_PRICE_SHIFT = 30.0;
    public static final double DEFAULT_REG_PARAM = 0.1;
    /** The smallest table on which a train/test split and a forest mean something. */
    public static final int MIN_ROWS = 100;

    public PipelineLabOptions {
        require(rows >= MIN_ROWS, "rows", rows, "must be >= " + MIN_ROWS + " so both sides of the split have rows");
        require(numTrees >= 1 && numTrees <= 500, "numTrees", numTrees, "must be in [1, 500]");
        require(maxDepth >= 1 && maxDepth <= 30, "maxDepth", maxDepth, "must be in [1, 30] (Spark's limit is 30)");
        require(testFraction > 0.0 && testFraction < 1.0, "testFraction", testFraction, "must be in (0, 1), e.g. 0.2");
        require(unseenRows >= 1, "unseenRows", unseenRows, "must be >= 1 so there is an unseen category to show");
        require(invalidRows >= 1 && invalidRows < rows, "invalidRows", invalidRows, "must be in [1, rows)");
        require(Double.isFinite(priceShift) && priceShift >= 0.0, "priceShift", priceShift, "must be a finite number >= 0");
        require(Double.isFinite(regParam) && regParam >= 0.0, "regParam", regParam, "must be a finite number >= 0");
    }

    public static PipelineLabOptions defaults() {
        return new PipelineLabOptions(DEFAULT_ROWS, ChurnSpec.DEFAULT_SEED, DEFAULT_NUM_TREES, DEFAULT_MAX_DEPTH,
                DEFAULT_TEST_FRACTION, DEFAULT_UNSEEN_ROWS, DEFAULT_INVALID_ROWS, DEFAULT_PRICE_SHIFT, DEFAULT_REG_PARAM, true);
    }

    public PipelineLabOptions withRows(int value) {
        return new PipelineLabOptions(value, seed, numTrees, maxDepth, testFraction, unseenRows, invalidRows, priceShift, regParam, concurrentProbes);
    }

    public PipelineLabOptions withSeed(long value) {
        return new PipelineLabOptions(rows, value, numTrees, maxDepth, testFraction, unseenRows, invalidRows, priceShift, regParam, concurrentProbes);
    }

    public PipelineLabOptions withNumTrees(int value) {
        return new PipelineLabOptions(rows, seed, value, maxDepth, testFraction, unseenRows, invalidRows, priceShift, regParam, concurrentProbes);
    }

    public PipelineLabOptions withMaxDepth(int value) {
        return new PipelineLabOptions(rows, seed, numTrees, value, testFraction, unseenRows, invalidRows, priceShift, regParam, concurrentProbes);
    }

    public PipelineLabOptions withTestFraction(double value) {
        return new PipelineLabOptions(rows, seed, numTrees, maxDepth, value, unseenRows, invalidRows, priceShift, regParam, concurrentProbes);
    }

    public PipelineLabOptions withUnseenRows(int value) {
        return new PipelineLabOptions(rows, seed, numTrees, maxDepth, testFraction, value, invalidRows, priceShift, regParam, concurrentProbes);
    }

    public PipelineLabOptions withInvalidRows(int value) {
        return new PipelineLabOptions(rows, seed, numTrees, maxDepth, testFraction, unseenRows, value, priceShift, regParam, concurrentProbes);
    }

    public PipelineLabOptions withPriceShift(double value) {
        return new PipelineLabOptions(rows, seed, numTrees, maxDepth, testFraction, unseenRows, invalidRows, value, regParam, concurrentProbes);
    }

    public PipelineLabOptions withRegParam(double value) {
        return new PipelineLabOptions(rows, seed, numTrees, maxDepth, testFraction, unseenRows, invalidRows, priceShift, value, concurrentProbes);
    }

    public PipelineLabOptions withConcurrentProbes(boolean value) {
        return new PipelineLabOptions(rows, seed, numTrees, maxDepth, testFraction, unseenRows, invalidRows, priceShift, regParam, value);
    }

    /** The data set this lab generates. */
    public ChurnSpec churnSpec() {
        return ChurnSpec.rows(rows).withSeed(seed);
    }

    /** The options as text, for provenance. */
    public Map<String, String> asParameters() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("rows", String.valueOf(rows));
        map.put("seed", String.valueOf(seed));
        map.put("numTrees", String.valueOf(numTrees));
        map.put("maxDepth", String.valueOf(maxDepth));
        map.put("testFraction", String.valueOf(testFraction));
        map.put("unseenRows", String.valueOf(unseenRows));
        map.put("invalidRows", String.valueOf(invalidRows));
        map.put("priceShift", String.valueOf(priceShift));
        map.put("regParam", String.valueOf(regParam));
        map.put("concurrentProbes", String.valueOf(concurrentProbes));
        return map;
    }

    private static void require(boolean ok, String name, Object value, String rule) {
        if (!ok) {
            throw new IllegalArgumentException("pipeline lab option " + name + " = " + value + " " + rule);
        }
    }
}
