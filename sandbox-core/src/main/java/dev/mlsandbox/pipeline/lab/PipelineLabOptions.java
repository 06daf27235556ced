package dev.mlsandbox.pipeline.lab;

import java.util.Map;

import dev.mlsandbox.lab.LabOptions;
import dev.mlsandbox.lab.LabParameters;
import dev.mlsandbox.lab.Parameter;
import dev.mlsandbox.spark.ChurnSpec;

/**
 * What the Pipeline lab runs. Every parameter has a documented default ({@link #defaults()}); the
 * defaults keep the Spark work to a few seconds on a laptop. Change one with its {@code with...}
 * method, or from text with {@link #fromParameters}.
 */
public record PipelineLabOptions(
        @Parameter("Rows of the synthetic churn table, at least " + MIN_ROWS + ".") int rows,
        @Parameter("Seed of the data, the train/test split and the forest.") long seed,
        @Parameter("Trees of the RandomForestClassifier, 1 to 500.") int numTrees,
        @Parameter("Depth of each tree, 1 to 30 (Spark's limit).") int maxDepth,
        @Parameter("Share of rows held out for evaluation, in (0, 1).") double testFraction,
        @Parameter("Rows with a never-seen plan sent through the fitted model (handleInvalid), at least 1.") int unseenRows,
        @Parameter(value = "Rows whose monthly_charges are null, and as many NaN, for the VectorAssembler probe; "
                + "in [1, rows).") int invalidRows,
        @Parameter(value = "How much monthly_charges rise for the later customers in the leakage probe, so the "
                + "test rows differ from the training rows; >= 0.") double priceShift,
        @Parameter(value = "L2 penalty of the leakage probe's LogisticRegression; it is what makes the model "
                + "sensitive to the scaler's statistics; >= 0.") double regParam,
        @Parameter("Run the probes that follow the first fit side by side on the one session; off runs them one "
                + "after the other, e.g. to time each alone.") boolean concurrentProbes) implements LabOptions {

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

    /**
     * Options from parameter text ({@link #toParameters()} gives it); parameters the map leaves out
     * keep their defaults.
     *
     * @throws IllegalArgumentException naming the parameter, its value and the rule it broke
     */
    public static PipelineLabOptions fromParameters(Map<String, String> parameters) {
        return LabParameters.fromMap(PipelineLab.NAME, defaults(), parameters);
    }

    private static void require(boolean ok, String name, Object value, String rule) {
        LabParameters.require(ok, PipelineLab.NAME, name, value, rule);
    }
}
