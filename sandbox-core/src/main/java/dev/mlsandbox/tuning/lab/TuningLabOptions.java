package dev.mlsandbox.tuning.lab;

import dev.mlsandbox.tuning.TuningGrid;
import java.util.Map;
import java.util.Objects;

import dev.mlsandbox.lab.LabOptions;
import dev.mlsandbox.lab.LabParameters;
import dev.mlsandbox.lab.LabSettings;
import dev.mlsandbox.lab.Parameter;

/**
 * How the tuning lab runs. Every parameter has a documented default ({@link #defaults()}); change
 * one with its {@code with...} method, or from text with {@link #fromParameters}.
 */
public record TuningLabOptions(
        @Parameter(value = "k, CrossValidator's numFolds, at least 2 (Spark's default is 3).", label = "K") int folds,
        @Parameter(value = "TrainValidationSplit's trainRatio, strictly between 0 and 1 (Spark's default is 0.75).",
                label = "R") double trainRatio,
        @Parameter("Rows of churn data generated, at least 200; small on purpose: small data is where the two "
                + "validators disagree.") int rows,
        @Parameter("Seed of the data, the held-out split and the first tuning run.") long seed,
        @Parameter(value = "Both validators' parallelism: models fitted at once (Spark's default is 1; two use a "
                + "2-core machine better, and the sweep shows both).", label = "P") int parallelism,
        @Parameter(value = "The param grid over LogisticRegression's double params: axes separated by ';', each "
                + "param=values with the values separated by ','.", label = "GRID") TuningGrid grid,
        @Parameter("Seeds (seed, seed + 1, ...) the selection-stability study repeats both validators with, at "
                + "least 2.") int stabilitySeeds,
        @Parameter("Share of rows held out (never seen by tuning) to score the chosen models, in (0, 0.5].")
        double testFraction,
        @Parameter("LogisticRegression's maxIter, at least 1: enough to converge on this data, and each "
                + "iteration is a Spark job.") int maxIter,
        @Parameter("Run the sweeps (data size, grid size, parallelism, collectSubModels).") boolean sweeps)
        implements LabOptions {

    public static final int DEFAULT_FOLDS = 3;
    public static final double DEFAULT_TRAIN_RATIO = 0.75;
    public static final int DEFAULT_ROWS = 1_000;
    public static final int MIN_ROWS = 200;
    public static final int DEFAULT_PARALLELISM = 2;
    public static final int DEFAULT_STABILITY_SEEDS = 5;
    public static final double DEFAULT_TEST_FRACTION = 0.25;
    public static final int DEFAULT_MAX_ITER = 10;

    public TuningLabOptions {
        Objects.requireNonNull(grid, "grid");
        if (folds < 2) {
            throw new IllegalArgumentException("folds (k) must be >= 2, got " + folds + ": CrossValidator trains on k-1 "
                    + "folds and validates on the remaining one, so it needs at least two; use --folds 2 or more (default 3)");
        }
        if (!(trainRatio > 0.0 && trainRatio < 1.0)) {
            throw new IllegalArgumentException("trainRatio must be strictly between 0 and 1, got " + trainRatio
                    + ": TrainValidationSplit trains on that share and validates on the rest, so both must be non-empty; "
                    + "use e.g. 0.75 (the default)");
        }
        if (rows < MIN_ROWS) {
            throw new IllegalArgumentException("rows must be >= " + MIN_ROWS + ", got " + rows
                    + ": with fewer, a validation fold can lack one of the two classes and AUC is undefined; use --rows "
                    + MIN_ROWS + " or more (default " + DEFAULT_ROWS + ")");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism
                    + ": it is how many models Spark fits at once; use --parallelism 1 (Spark's default) or 2");
        }
        // Names and values are checked against a fresh LogisticRegression: no Spark session needed.
        grid.validate(new org.apache.spark.ml.classification.LogisticRegression());
        if (stabilitySeeds < 2) {
            throw new IllegalArgumentException("stabilitySeeds must be >= 2, got " + stabilitySeeds
                    + ": stability compares the choices of several seeds; use 5 (the default) or more");
        }
        if (!(testFraction > 0.0 && testFraction <= 0.5)) {
            throw new IllegalArgumentException("testFraction must be in (0, 0.5], got " + testFraction
                    + ": it is the share of rows held out to score the chosen model; use e.g. 0.25 (the default)");
        }
        if (maxIter < 1) {
            throw new IllegalArgumentException("maxIter must be >= 1, got " + maxIter);
        }
    }

    public static TuningLabOptions defaults() {
        return new TuningLabOptions(DEFAULT_FOLDS, DEFAULT_TRAIN_RATIO, DEFAULT_ROWS, LabSettings.DEFAULT_SEED,
                DEFAULT_PARALLELISM, TuningGrid.defaults(), DEFAULT_STABILITY_SEEDS, DEFAULT_TEST_FRACTION,
                DEFAULT_MAX_ITER, true);
    }

    public TuningLabOptions withFolds(int value) {
        return new TuningLabOptions(value, trainRatio, rows, seed, parallelism, grid, stabilitySeeds, testFraction, maxIter, sweeps);
    }

    public TuningLabOptions withTrainRatio(double value) {
        return new TuningLabOptions(folds, value, rows, seed, parallelism, grid, stabilitySeeds, testFraction, maxIter, sweeps);
    }

    public TuningLabOptions withRows(int value) {
        return new TuningLabOptions(folds, trainRatio, value, seed, parallelism, grid, stabilitySeeds, testFraction, maxIter, sweeps);
    }

    public TuningLabOptions withSeed(long value) {
        return new TuningLabOptions(folds, trainRatio, rows, value, parallelism, grid, stabilitySeeds, testFraction, maxIter, sweeps);
    }

    public TuningLabOptions withParallelism(int value) {
        return new TuningLabOptions(folds, trainRatio, rows, seed, value, grid, stabilitySeeds, testFraction, maxIter, sweeps);
    }

    public TuningLabOptions withGrid(TuningGrid value) {
        return new TuningLabOptions(folds, trainRatio, rows, seed, parallelism, value, stabilitySeeds, testFraction, maxIter, sweeps);
    }

    public TuningLabOptions withStabilitySeeds(int value) {
        return new TuningLabOptions(folds, trainRatio, rows, seed, parallelism, grid, value, testFraction, maxIter, sweeps);
    }

    public TuningLabOptions withTestFraction(double value) {
        return new TuningLabOptions(folds, trainRatio, rows, seed, parallelism, grid, stabilitySeeds, value, maxIter, sweeps);
    }

    public TuningLabOptions withMaxIter(int value) {
        return new TuningLabOptions(folds, trainRatio, rows, seed, parallelism, grid, stabilitySeeds, testFraction, value, sweeps);
    }

    public TuningLabOptions withSweeps(boolean value) {
        return new TuningLabOptions(folds, trainRatio, rows, seed, parallelism, grid, stabilitySeeds, testFraction, maxIter, value);
    }

    /**
     * Options from parameter text ({@link #toParameters()} gives it); parameters the map leaves out
     * keep their defaults.
     *
     * @throws IllegalArgumentException naming the parameter, its value and the rule it broke
     */
    public static TuningLabOptions fromParameters(Map<String, String> parameters) {
        return LabParameters.fromMap(TuningLab.NAME, defaults(), parameters);
    }
}
