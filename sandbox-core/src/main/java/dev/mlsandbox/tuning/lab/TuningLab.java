package dev.mlsandbox.tuning.lab;

import dev.mlsandbox.tuning.CrossValidation;
import dev.mlsandbox.tuning.InstrumentedTuning;
import dev.mlsandbox.tuning.LayoutComparison;
import dev.mlsandbox.tuning.ParamKey;
import dev.mlsandbox.tuning.Stability;
import dev.mlsandbox.tuning.Sweeps;
import dev.mlsandbox.tuning.TrainValidation;
import dev.mlsandbox.tuning.TuningSetup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.spark.ml.Model;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.util.SizeEstimator;

import dev.mlsandbox.lab.Lab;
import dev.mlsandbox.lab.LabContext;
import dev.mlsandbox.lab.LabDescriptor;
import dev.mlsandbox.lab.MlflowRun;
import dev.mlsandbox.lab.Progress;
import dev.mlsandbox.spark.ChurnData;
import dev.mlsandbox.spark.ChurnSpec;

/**
 * Tunes the churn pipeline with CrossValidator and TrainValidationSplit on the same data, grid,
 * evaluator, seed and parallelism, and measures what each did.
 *
 * <p>The validators sit inside the pipeline ({@link TuningSetup.Layout#VALIDATOR_IN_PIPELINE}): the
 * encoding stages are fitted once on the tuning rows and every validator run tunes the
 * LogisticRegression on their cached output. One extra CrossValidator with the whole pipeline as
 * its estimator, on the grid's first two maps, measures what the other layout costs
 * ({@link LayoutComparison}).
 *
 * <p>Order of work: generate the data and hold out a test share; encode it; fit the classifier
 * once, unmeasured, so JIT and Spark warm-up do not land on whichever validator runs first; tune
 * with every stability seed (the lab's own last: the headline comparison); the layout comparison;
 * then the sweeps.
 */
public final class TuningLab implements Lab<TuningLabResult> {

    public static final String NAME = "tuning";
    /** The catalog entry: {@code bin/sandbox lab tuning}, the tour, {@code sandbox.tuningLab()}. */
    public static final LabDescriptor<TuningLabOptions, TuningLabResult> DESCRIPTOR = LabDescriptor.of(NAME,
                    "CrossValidator vs TrainValidationSplit: fits counted, time, per-fold metrics, selection stability",
                    TuningLabOptions::defaults, TuningLabOptions::fromParameters, TuningLab::new)
            .withCost("The default run fits about 140 models, each a chain of small Spark jobs: about 60 s on two "
                    + "cores. For a quick look: --no-sweeps --stability-seeds 2 (docs/tuning.md, 'What is slow').")
            .withRowsParameter("rows");

    private final TuningLabOptions options;

    public TuningLab(TuningLabOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public TuningLab() {
        this(TuningLabOptions.defaults());
    }

    @Override
    public String name() {
        return NAME;
    }

    public TuningLabOptions options() {
        return options;
    }

    /** Logs the run when a tracking URI is configured (per-fold metrics per param map, the report); see LabContext#logged. */
    @Override
    public TuningLabResult run(LabContext context) {
        return context.logged(NAME, options, run -> {
            TuningLabResult result = run(context, run.mlflowRun().orElse(null));
            TuningTracking.log(run, result);
            return result;
        });
    }

    private TuningLabResult run(LabContext context, MlflowRun mlflowRun) {
        LabContext.Clock clock = context.startClock();
        Progress progress = context.progress();
        progress.begin("tuning: CrossValidator vs TrainValidationSplit", plannedRuns());

        TuningSetup wholePipeline = TuningSetup.churn(options.grid(), options.maxIter());
        TuningSetup setup = wholePipeline.withLayout(TuningSetup.Layout.VALIDATOR_IN_PIPELINE);
        Split split = split(context, options.rows(), setup);
        warmUp(split.train(), setup);

        List<Tuned> seeds = tuneWithEverySeed(split, setup, progress);
        Tuned headline = seeds.stream().filter(t -> t.run().seed() == options.seed()).findFirst().orElseThrow();
        Stability stability = new Stability(seeds.stream().map(Tuned::run).toList());
        Map<Integer, CrossValidation> cvByGrid = new HashMap<>(Map.of(setup.paramMaps().length, headline.cv()));
        int layoutMaps = layoutMaps(setup.paramMaps().length);
        CrossValidation inside = cvOnFirstMaps(cvByGrid, layoutMaps, split, setup, progress);
        CrossValidation whole = InstrumentedTuning.crossValidate(split.rawTrain(), wholePipeline.firstMaps(layoutMaps),
                options.folds(), options.seed(), options.parallelism(), false);
        progress.advance("CrossValidator with the whole pipeline inside");
        LayoutComparison layouts = new LayoutComparison(whole, inside, encodeSeconds(split, setup));
        Sweeps sweeps = options.sweeps() ? sweeps(context, split, setup, cvByGrid, headline.tvs(), progress) : null;
        progress.end();
        split.unpersist();
        return new TuningLabResult(options, split.trainRows(), split.testRows(), headline.cv(), headline.tvs(),
                headline.run().cvTestScore(), headline.run().tvsTestScore(), stability, layouts, sweeps,
                clock.provenance(options, options.rows()), mlflowRun);
    }

    /**
     * Both validators with every stability seed, in seed order except the lab's own, which runs
     * last: by then the JVM and Spark are warm, so its timings (the headline comparison) compare the
     * validators rather than the JIT. Run side by side, the seeds finished hardly sooner (tried on two
     * cores, which one seed at a time already keeps busy) and each seed's wall time then included
     * the other's.
     */
    private List<Tuned> tuneWithEverySeed(Split split, TuningSetup setup, Progress progress) {
        List<Tuned> runs = new ArrayList<>();
        Map<ParamKey, Double> testScores = new HashMap<>();
        for (int i = 1; i <= options.stabilitySeeds(); i++) {
            runs.add(tune(options.seed() + (i % options.stabilitySeeds()), split, setup, testScores, progress));
        }
        runs.sort(Comparator.comparingLong(t -> t.run().seed()));
        return runs;
    }

    /** One seed's validator runs (models included) and what stability keeps of them. */
    private record Tuned(CrossValidation cv, TrainValidation tvs, Stability.SeedRun run) {
    }

    /**
     * Both validators with one seed, and their chosen models scored on the held-out rows. Each
     * validator ends by refitting the chosen map on all tuning rows, and that fit does not depend on
     * the seed or the validator (LogisticRegression is deterministic on the same rows), so a map's
     * held-out score is computed once, the first time a validator chooses it.
     */
    private Tuned tune(long seed, Split split, TuningSetup setup, Map<ParamKey, Double> testScores, Progress progress) {
        CrossValidation cv = InstrumentedTuning.crossValidate(split.train(), setup, options.folds(), seed,
                options.parallelism(), false);
        progress.advance("CrossValidator seed " + seed);
        TrainValidation tvs = InstrumentedTuning.trainValidate(split.train(), setup, options.trainRatio(), seed,
                options.parallelism());
        progress.advance("TrainValidationSplit seed " + seed);
        double cvTest = testScores.computeIfAbsent(cv.best(), k -> testScore(cv.model().bestModel(), split, setup));
        double tvsTest = testScores.computeIfAbsent(tvs.best(), k -> testScore(tvs.model().bestModel(), split, setup));
        return new Tuned(cv, tvs, Stability.SeedRun.of(seed, cv, cvTest, tvs, tvsTest));
    }

    /**
     * The in-pipeline CrossValidator on the grid's first {@code n} maps with the lab's seed: run once,
     * shared by the layout comparison and the sweeps.
     */
    private CrossValidation cvOnFirstMaps(Map<Integer, CrossValidation> cvByGrid, int n, Split split, TuningSetup setup,
                                          Progress progress) {
        CrossValidation known = cvByGrid.get(n);
        if (known != null) {
            return known;
        }
        CrossValidation cv = InstrumentedTuning.crossValidate(split.train(), setup.firstMaps(n), options.folds(),
                options.seed(), options.parallelism(), false);
        progress.advance("grid size " + n + ": CrossValidator");
        cvByGrid.put(n, cv);
        return cv;
    }

    /**
     * Param maps the layout comparison tunes: the grid's first two (all of a smaller grid). Two keep
     * the comparison of choices meaningful; the whole pipeline refitted in every fold costs the same
     * per fit however many maps there are, so more would only repeat the measurement.
     */
    static int layoutMaps(int gridSize) {
        return Math.min(2, gridSize);
    }

    /** Validator runs the progress bar counts. */
    private long plannedRuns() {
        int g = options.grid().size();
        Set<Integer> cvGrids = new HashSet<>(Set.of(layoutMaps(g)));
        long runs = 2L * options.stabilitySeeds() + 1;
        if (options.sweeps()) {
            cvGrids.addAll(gridSizes(g));
            runs += 2L * smallerSizes(options.rows()).size() + (gridSizes(g).size() - 1) + 2;
        }
        cvGrids.remove(g);
        return runs + cvGrids.size();
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
     * grid and the layout comparison's run for two maps; the data-size sweep uses the one-map grid,
     * so its full-size point is the grid sweep's one-map run; parallelism and collectSubModels are
     * compared on the half grid against the grid sweep's run of the same maps and seed, so each
     * needs one extra half-grid run.
     */
    private Sweeps sweeps(LabContext context, Split full, TuningSetup setup, Map<Integer, CrossValidation> cvByGrid,
                          TrainValidation tvs, Progress progress) {
        long seed = options.seed();
        int p = options.parallelism();
        int g = setup.paramMaps().length;
        Map<Integer, TrainValidation> tvsByGrid = new HashMap<>(Map.of(g, tvs));
        List<Sweeps.Point> gridSize = new ArrayList<>();
        for (int n : gridSizes(g)) {
            CrossValidation cv = cvOnFirstMaps(cvByGrid, n, full, setup, progress);
            if (!tvsByGrid.containsKey(n)) {
                tvsByGrid.put(n, InstrumentedTuning.trainValidate(full.train(), setup.firstMaps(n), options.trainRatio(),
                        seed, p));
                progress.advance("grid size " + n + ": TrainValidationSplit");
            }
            gridSize.add(point(cv, full.trainRows()));
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
        parallelism.sort(Comparator.comparingInt(Sweeps.Point::parallelism));

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

    /** A quarter and half of the rows (at least {@link TuningLabOptions#MIN_ROWS}, distinct, below {@code rows}). */
    static List<Integer> smallerSizes(int rows) {
        Set<Integer> sizes = new LinkedHashSet<>();
        for (int n : new int[]{rows / 4, rows / 2}) {
            int size = Math.max(TuningLabOptions.MIN_ROWS, n);
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
