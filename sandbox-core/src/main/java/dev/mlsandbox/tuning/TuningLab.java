package dev.mlsandbox.tuning;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.apache.spark.ml.Model;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.util.SizeEstimator;

import dev.mlsandbox.lab.Lab;
import dev.mlsandbox.lab.LabContext;
import dev.mlsandbox.lab.Progress;
import dev.mlsandbox.spark.ChurnData;
import dev.mlsandbox.spark.ChurnSpec;
import dev.mlsandbox.lab.MlflowRun;

/**
 * Tunes the churn pipeline with CrossValidator and TrainValidationSplit on the same data, grid,
 * evaluator, seed and parallelism, and measures what each did.
 *
 * <p>The validators sit inside the pipeline ({@link TuningSetup.Layout#VALIDATOR_IN_PIPELINE}): the
 * encoding stages are fitted once on the tuning rows and every validator run tunes the
 * LogisticRegression on their cached output. One extra CrossValidator with the whole pipeline as
 * its estimator measures what the other layout costs ({@link LayoutComparison}).
 *
 * <p>Order of work: generate the data and hold out a test share; encode it; fit the classifier
 * once, unmeasured, so JIT and Spark warm-up do not land on whichever validator runs first; tune
 * with every stability seed (the first seed's runs are the headline comparison); the layout
 * comparison; then the sweeps.
 */
public final class TuningLab implements Lab<TuningResult> {

    public static final String NAME = "tuning";

    private final TuningOptions options;

    public TuningLab(TuningOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public TuningLab() {
        this(TuningOptions.defaults());
    }

    @Override
    public String name() {
        return NAME;
    }

    public TuningOptions options() {
        return options;
    }

    /** Logs the run when a tracking URI is configured (per-fold metrics per param map, the report); see LabContext#logged. */
    @Override
    public TuningResult run(LabContext context) {
        return context.logged(NAME, options.seed(), options.describe(), run -> {
            TuningResult result = run(context, run.mlflowRun().orElse(null));
            TuningTracking.log(run, result);
            return result;
        });
    }

    private TuningResult run(LabContext context, MlflowRun mlflowRun) {
        LabContext.Clock clock = context.startClock();
        Progress progress = context.progress();
        progress.begin("tuning: CrossValidator vs TrainValidationSplit", plannedRuns());

        TuningSetup wholePipeline = TuningSetup.churn(options.grid(), options.maxIter());
        TuningSetup setup = wholePipeline.withLayout(TuningSetup.Layout.VALIDATOR_IN_PIPELINE);
        Split split = split(context, options.rows(), setup);
        warmUp(split.train(), setup);

        // The headline seed (options.seed) runs last: by then the JVM and Spark are warm, so its
        // timings compare the validators rather than the JIT. Stability lists the seeds in order.
        List<Stability.SeedRun> seedRuns = new ArrayList<>();
        CrossValidation headlineCv = null;
        TrainValidation headlineTvs = null;
        for (int i = 1; i <= options.stabilitySeeds(); i++) {
            long seed = options.seed() + (i % options.stabilitySeeds());
            CrossValidation cv = InstrumentedTuning.crossValidate(split.train(), setup, options.folds(), seed,
                    options.parallelism(), false);
            progress.advance("CrossValidator seed " + seed);
            TrainValidation tvs = InstrumentedTuning.trainValidate(split.train(), setup, options.trainRatio(), seed,
                    options.parallelism());
            progress.advance("TrainValidationSplit seed " + seed);
            seedRuns.add(new Stability.SeedRun(seed, cv.best(), testScore(cv.model().bestModel(), split, setup),
                    cv.seconds(), tvs.best(), testScore(tvs.model().bestModel(), split, setup), tvs.seconds(),
                    cv.paramMaps().stream().collect(java.util.stream.Collectors.toMap(
                            CrossValidation.FoldScores::params, CrossValidation.FoldScores::mean)),
                    tvs.paramMaps().stream().collect(java.util.stream.Collectors.toMap(
                            TrainValidation.SplitScore::params, TrainValidation.SplitScore::metric))));
            if (seed == options.seed()) {
                headlineCv = cv;
                headlineTvs = tvs;
            }
        }
        seedRuns.sort(java.util.Comparator.comparingLong(Stability.SeedRun::seed));
        Stability stability = new Stability(seedRuns);
        CrossValidation whole = InstrumentedTuning.crossValidate(split.rawTrain(), wholePipeline, options.folds(),
                options.seed(), options.parallelism(), false);
        progress.advance("CrossValidator with the whole pipeline inside");
        LayoutComparison layouts = new LayoutComparison(whole, headlineCv, encodeSeconds(split, setup));
        Sweeps sweeps = options.sweeps() ? sweeps(context, split, setup, headlineCv, headlineTvs, progress) : null;
        progress.end();
        split.unpersist();
        return new TuningResult(options, split.trainRows(), split.testRows(), headlineCv, headlineTvs,
                seedRuns.get(0).cvTestScore(), seedRuns.get(0).tvsTestScore(), stability, layouts, sweeps,
                clock.provenance(options.seed(), options.rows(), options.describe()), mlflowRun);
    }

    /** Validator runs the progress bar counts. */
    private long plannedRuns() {
        long runs = 2L * options.stabilitySeeds() + 1;
        if (options.sweeps()) {
            runs += 2L * smallerSizes(options.rows()).size() + 2L * (gridSizes(options.grid().size()).size() - 1) + 2;
        }
        return runs;
    }

    /**
     * The tuning rows and the held-out rows, raw and encoded: the encoding stages fitted once on the
     * tuning rows; their output (features and label only) cached.
     */
    private record Split(Dataset<Row> rawTrain, Dataset<Row> rawTest, Dataset<Row> train, Dataset<Row> test,
                         int trainRows, int testRows) {
        void unpersist() {
            List.of(rawTrain, rawTest, train, test).forEach(Dataset::unpersist);
        }
    }

    /** The churn table for {@code rows}, split into tuning rows and held-out test rows with the lab's seed, then encoded. */
    private Split split(LabContext context, int rows, TuningSetup setup) {
        Dataset<Row> all = ChurnData.generate(context.spark(), ChurnSpec.rows(rows).withSeed(options.seed()));
        Dataset<Row>[] parts = all.randomSplit(new double[]{1.0 - options.testFraction(), options.testFraction()}, options.seed());
        Dataset<Row> rawTrain = parts[0].cache();
        Dataset<Row> rawTest = parts[1].cache();
        PipelineModel encoder = setup.encoder().fit(rawTrain);
        Dataset<Row> train = encoded(encoder, rawTrain);
        Dataset<Row> test = encoded(encoder, rawTest);
        return new Split(rawTrain, rawTest, train, test, (int) train.count(), (int) test.count());
    }

    /** Fitting the encoding stages and caching their output once more, warm: the one-off cost of the validator-in-pipeline layout. */
    private static double encodeSeconds(Split split, TuningSetup setup) {
        long start = System.nanoTime();
        Dataset<Row> again = encoded(setup.encoder().fit(split.rawTrain()), split.rawTrain());
        again.count();
        double seconds = (System.nanoTime() - start) / 1e9;
        again.unpersist();
        return seconds;
    }

    private static Dataset<Row> encoded(PipelineModel encoder, Dataset<Row> rows) {
        return encoder.transform(rows).select(TuningSetup.FEATURES, ChurnData.LABEL).cache();
    }

    private static void warmUp(Dataset<Row> train, TuningSetup setup) {
        org.apache.spark.ml.Transformer model = setup.tuned().fit(train, setup.paramMaps()[0]);
        setup.evaluator().evaluate(model.transform(train));
    }

    private static double testScore(Model<?> bestModel, Split split, TuningSetup setup) {
        return setup.evaluator().evaluate(bestModel.transform(split.test()));
    }

    /**
     * The sweeps, kept cheap for the tour: the grid sweep reuses the headline runs for the full
     * grid; the data-size sweep uses the one-map grid, so its full-size point is the grid sweep's
     * one-map run; parallelism and collectSubModels are compared on the half grid against the grid
     * sweep's run of the same maps and seed, so each needs one extra half-grid run.
     */
    private Sweeps sweeps(LabContext context, Split full, TuningSetup setup, CrossValidation cv, TrainValidation tvs,
                          Progress progress) {
        long seed = options.seed();
        int p = options.parallelism();
        int g = setup.paramMaps().length;
        java.util.Map<Integer, CrossValidation> cvByGrid = new java.util.HashMap<>(java.util.Map.of(g, cv));
        java.util.Map<Integer, TrainValidation> tvsByGrid = new java.util.HashMap<>(java.util.Map.of(g, tvs));
        List<Sweeps.Point> gridSize = new ArrayList<>();
        for (int n : gridSizes(g)) {
            if (n != g) {
                TuningSetup smaller = setup.firstMaps(n);
                cvByGrid.put(n, InstrumentedTuning.crossValidate(full.train(), smaller, options.folds(), seed, p, false));
                progress.advance("grid size " + n + ": CrossValidator");
                tvsByGrid.put(n, InstrumentedTuning.trainValidate(full.train(), smaller, options.trainRatio(), seed, p));
                progress.advance("grid size " + n + ": TrainValidationSplit");
            }
            gridSize.add(point(cvByGrid.get(n), full.trainRows()));
            gridSize.add(point(tvsByGrid.get(n), full.trainRows()));
        }

        List<Sweeps.Point> dataSize = new ArrayList<>();
        TuningSetup oneMap = setup.firstMaps(1);
        for (int rows : smallerSizes(options.rows())) {
            Split smaller = split(context, rows, setup);
            dataSize.add(point(InstrumentedTuning.crossValidate(smaller.train(), oneMap, options.folds(), seed, p, false),
                    smaller.trainRows()));
            progress.advance("data size " + rows + ": CrossValidator");
            dataSize.add(point(InstrumentedTuning.trainValidate(smaller.train(), oneMap, options.trainRatio(), seed, p),
                    smaller.trainRows()));
            progress.advance("data size " + rows + ": TrainValidationSplit");
            smaller.unpersist();
        }
        dataSize.add(point(cvByGrid.get(1), full.trainRows()));
        dataSize.add(point(tvsByGrid.get(1), full.trainRows()));

        // Parallelism runs the param maps of one fold side by side: two maps are enough to show it.
        int half = gridSizes(g).get(gridSizes(g).size() > 2 ? 1 : 0);
        int pairGrid = half >= 2 ? half : g;
        int other = p == 1 ? 2 : 1;
        CrossValidation otherCv = InstrumentedTuning.crossValidate(full.train(), setup.firstMaps(pairGrid), options.folds(),
                seed, other, false);
        progress.advance("CrossValidator with parallelism " + other);
        List<Sweeps.Point> parallelism = new ArrayList<>(List.of(point(cvByGrid.get(pairGrid), full.trainRows()),
                point(otherCv, full.trainRows())));
        parallelism.sort(java.util.Comparator.comparingInt(Sweeps.Point::parallelism));

        CrossValidation plain = cvByGrid.get(half);
        CrossValidation collected = InstrumentedTuning.crossValidate(full.train(), setup.firstMaps(half), options.folds(),
                seed, p, true);
        progress.advance("CrossValidator with collectSubModels");
        int kept = java.util.Arrays.stream(collected.model().subModels()).mapToInt(a -> a.length).sum();
        long[] bytes = retainedBytes(plain.model(), collected.model());
        Sweeps.SubModels subModels = new Sweeps.SubModels(half, kept, plain.seconds(), collected.seconds(),
                bytes[0], bytes[1]);
        return new Sweeps(dataSize, gridSize, parallelism, subModels);
    }

    /**
     * SizeEstimator of both models, taken while the state they share holds still. Each estimate
     * walks everything a model reaches, the Spark session included (through the training
     * summaries), and Spark's listener thread keeps changing the session's job and stage records for
     * a moment after every fit: the difference is only the sub-models' cost when the model without
     * them measures the same before and after. Retried a few times for that. SizeEstimator also
     * samples large arrays and extrapolates, so objects the sub-models reach first can shrink the
     * session's share of the larger walk: on a session with a long history (a test JVM) the
     * difference can even come out negative, which the takeaway reports as not measurable.
     */
    private static long[] retainedBytes(Object without, Object with) {
        long withBytes = 0;
        long withoutBytes = 0;
        for (int attempt = 0; attempt < 5; attempt++) {
            withoutBytes = SizeEstimator.estimate(without);
            withBytes = SizeEstimator.estimate(with);
            if (SizeEstimator.estimate(without) == withoutBytes) {
                break;
            }
        }
        return new long[]{withoutBytes, withBytes};
    }

    /** A quarter and half of the rows (at least {@link TuningOptions#MIN_ROWS}, distinct, below {@code rows}). */
    static List<Integer> smallerSizes(int rows) {
        Set<Integer> sizes = new LinkedHashSet<>();
        for (int n : new int[]{rows / 4, rows / 2}) {
            int size = Math.max(TuningOptions.MIN_ROWS, n);
            if (size < rows) {
                sizes.add(size);
            }
        }
        return List.copyOf(sizes);
    }

    /** 1, about half, and all of the grid (distinct, ascending). */
    static List<Integer> gridSizes(int size) {
        Set<Integer> sizes = new LinkedHashSet<>(List.of(1, Math.max(1, size / 2), size));
        return List.copyOf(sizes);
    }

    private static Sweeps.Point point(CrossValidation run, int rows) {
        return new Sweeps.Point(Sweeps.CROSS_VALIDATOR, rows, run.paramMaps().size(), run.parallelism(), run.fits(),
                run.expectedFits(), run.seconds());
    }

    private static Sweeps.Point point(TrainValidation run, int rows) {
        return new Sweeps.Point(Sweeps.TRAIN_VALIDATION_SPLIT, rows, run.paramMaps().size(), run.parallelism(),
                run.fits(), run.expectedFits(), run.seconds());
    }
}
