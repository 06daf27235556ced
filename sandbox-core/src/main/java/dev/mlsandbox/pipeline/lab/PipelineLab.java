package dev.mlsandbox.pipeline.lab;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.classification.RandomForestClassificationModel;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.feature.StandardScalerModel;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import dev.mlsandbox.pipeline.AssemblerOutcome;
import dev.mlsandbox.pipeline.ChurnPipelines;
import dev.mlsandbox.pipeline.CoefficientCheck;
import dev.mlsandbox.pipeline.HandleInvalidProbe;
import dev.mlsandbox.pipeline.LeakageOutcome;
import dev.mlsandbox.pipeline.LeakageProbe;
import dev.mlsandbox.pipeline.NamedValue;
import dev.mlsandbox.pipeline.PersistenceOutcome;
import dev.mlsandbox.pipeline.PersistenceProbe;
import dev.mlsandbox.pipeline.PipelineTrace;
import dev.mlsandbox.pipeline.QuietFailures;
import dev.mlsandbox.pipeline.Stages;
import dev.mlsandbox.pipeline.TransformCheck;
import dev.mlsandbox.pipeline.TransformProbe;
import dev.mlsandbox.pipeline.UnseenCategoryOutcome;
import dev.mlsandbox.lab.Lab;
import dev.mlsandbox.lab.LabContext;
import dev.mlsandbox.lab.LabDescriptor;
import dev.mlsandbox.lab.Progress;
import dev.mlsandbox.lab.Tasks;
import dev.mlsandbox.spark.ChurnData;
import dev.mlsandbox.spark.ChurnSpec;
import dev.mlsandbox.lab.MlflowRun;

/**
 * The Pipeline lab: fits the study guide's pipeline and a feature-engineering variant on the
 * synthetic churn table, reads every stage before and after {@code fit}, and runs the failure
 * modes (no {@code transform} on a Pipeline, {@code handleInvalid}, leakage, save/load).
 *
 * <pre>{@code
 * PipelineLabResult result = sandbox.pipelineLab().run();               // defaults
 * sandbox.pipelineLab().run(PipelineLabOptions.defaults().withRows(20_000));
 * }</pre>
 */
public final class PipelineLab implements Lab<PipelineLabResult> {

    public static final String NAME = "pipeline";
    public static final String SUMMARY =
            "Estimator vs Transformer vs PipelineModel on live objects: handleInvalid, leakage, save/load";
    /** The catalog entry: {@code bin/sandbox lab pipeline}, the tour, {@code sandbox.pipelineLab()}. */
    public static final LabDescriptor<PipelineLabOptions, PipelineLabResult> DESCRIPTOR = LabDescriptor.of(NAME, SUMMARY,
                    PipelineLabOptions::defaults, PipelineLabOptions::fromParameters, PipelineLab::new)
            .withCost("The default run fits two pipelines on 5,000 rows and runs four probes (about 110 small Spark "
                    + "jobs): about 12 s on two cores.")
            .withRowsParameter("rows");

    private static final int STEPS = 7;

    private final PipelineLabOptions options;

    public PipelineLab(PipelineLabOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public PipelineLab() {
        this(PipelineLabOptions.defaults());
    }

    @Override
    public String name() {
        return NAME;
    }

    public PipelineLabOptions options() {
        return options;
    }

    /** The study guide's pipeline with these options' forest: StringIndexer -> VectorAssembler -> RandomForestClassifier. */
    public static Pipeline studyGuidePipeline(PipelineLabOptions options) {
        return ChurnPipelines.studyGuide(options.numTrees(), options.maxDepth(), options.seed());
    }

    /** Logs the run when a tracking URI is configured (params, AUCs, fit times, the report); see LabContext#logged. */
    @Override
    public PipelineLabResult run(LabContext context) {
        return context.logged(NAME, options, run -> {
            PipelineLabResult result = run(context, run.mlflowRun().orElse(null));
            run.metrics(Map.of("studyGuide.areaUnderROC", result.studyGuide().metricValue(),
                    "featureEngineering.areaUnderROC", result.featureEngineering().metricValue(),
                    "studyGuide.fitSeconds", result.studyGuide().fitSeconds(),
                    "featureEngineering.fitSeconds", result.featureEngineering().fitSeconds()), 0);
            return result;
        });
    }

    private PipelineLabResult run(LabContext context, MlflowRun mlflowRun) {
        LabContext.Clock clock = context.startClock();
        Progress progress = context.progress();
        progress.begin("pipeline lab", STEPS);
        Steps steps = new Steps(progress);
        ExecutorService pool = options.concurrentProbes() ? Tasks.daemonPool(3, "pipeline-lab-probe") : null;
        // javac needs no Spark: it compiles while Spark works.
        Future<TransformCheck> transformCheck = submit(pool, () -> steps.timed("Pipeline has no transform (reflection, javac)",
                () -> TransformProbe.run(true)));
        Dataset<Row> churn = ChurnData.generate(context.spark(), options.churnSpec()).cache();
        Dataset<Row>[] split = churn.randomSplit(new double[]{1.0 - options.testFraction(), options.testFraction()}, options.seed());
        Dataset<Row> train = split[0].cache();
        Dataset<Row> test = split[1].cache();
        try {
            long trainRows = train.count();
            long testRows = test.count();
            steps.done("data: " + options.rows() + " rows, " + trainRows + " train, " + testRows + " test", clock.elapsedSeconds());

            Pipeline studyGuide = studyGuidePipeline(options);
            long fitStart = System.nanoTime();
            PipelineModel studyModel = studyGuide.fit(train);
            // Timed here, not read back from the steps: the javac probe may finish on another thread meanwhile.
            double studyFit = seconds(fitStart);
            steps.done("study-guide pipeline fitted", studyFit);
            double studyAuc = auc(studyModel.transform(test));
            PipelineTrace studyTrace = new PipelineTrace("studyGuide", "StringIndexer -> VectorAssembler -> RandomForestClassifier",
                    studyGuide.getClass().getSimpleName(), studyModel.getClass().getSimpleName(), allTransformers(studyModel),
                    Stages.trace(studyGuide, studyModel, train.schema()), trainRows, testRows, "areaUnderROC",
                    studyAuc, studyFit);
            RandomForestClassificationModel forest = (RandomForestClassificationModel) studyModel.stages()[2];
            List<NamedValue> importances = named(ChurnPipelines.featureNames(studyModel, train, ChurnPipelines.FEATURES), forest.featureImportances());
            List<String> planLabels = List.of(((StringIndexerModel) studyModel.stages()[0]).labelsArray()[0]);

            // The rest only reads the fitted model and the cached data: independent Spark jobs, run
            // side by side so the small jobs' scheduling latencies overlap.
            Future<Engineered> engineered = submit(pool, () -> steps.timed("feature-engineering pipeline fitted",
                    () -> engineered(train, test, trainRows, testRows)));
            Future<LeakageOutcome> leakage = submit(pool, () -> steps.timed("leakage: scaler before vs inside the split",
                    () -> LeakageProbe.run(churn, options.rows(), options.testFraction(), options.priceShift(),
                            options.regParam())));
            Future<PersistenceOutcome> persistence = submit(pool, () -> steps.timed("save and load",
                    () -> PersistenceProbe.run(studyModel, test)));

            long start = System.nanoTime();
            Dataset<Row> unseenRows = ChurnData.generate(context.spark(),
                    ChurnSpec.rows(options.unseenRows()).withSeed(options.seed() + 1));
            List<UnseenCategoryOutcome> unseen = QuietFailures.during(() -> HandleInvalidProbe.unseenCategory(
                    studyModel, test, testRows, unseenRows, options.unseenRows()));
            int baseRows = Math.min(options.rows(), Math.max(200, 2 * options.invalidRows()));
            List<AssemblerOutcome> assembler = QuietFailures.during(() -> HandleInvalidProbe.assembler(
                    churn.filter(col(ChurnData.ID).leq(baseRows)), baseRows, options.invalidRows()));
            steps.done("handleInvalid: error, skip, keep", seconds(start));

            Engineered fe = Tasks.await(engineered, "pipeline lab");
            LeakageOutcome leak = Tasks.await(leakage, "pipeline lab");
            PersistenceOutcome saved = Tasks.await(persistence, "pipeline lab");
            TransformCheck check = Tasks.await(transformCheck, "pipeline lab");
            return new PipelineLabResult(options, clock.provenance(options, options.rows()),
                    studyTrace, fe.trace(), planLabels, forest.getNumTrees(), importances,
                    named(fe.rawNames(), fe.scaler().mean()), named(fe.rawNames(), fe.scaler().std()), fe.coefficients(),
                    check, unseen, assembler, leak, saved, steps.timings(), mlflowRun);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
            progress.end();
            train.unpersist();
            test.unpersist();
            churn.unpersist();
        }
    }

    /** The fitted feature-engineering variant and what it learned. */
    private record Engineered(PipelineTrace trace, List<String> rawNames, StandardScalerModel scaler,
                              List<CoefficientCheck> coefficients) {
    }

    private static Engineered engineered(Dataset<Row> train, Dataset<Row> test, long trainRows, long testRows) {
        Pipeline engineered = ChurnPipelines.featureEngineering();
        long start = System.nanoTime();
        PipelineModel model = engineered.fit(train);
        double fitSeconds = seconds(start);
        PipelineTrace trace = new PipelineTrace("featureEngineering",
                "StringIndexer -> OneHotEncoder -> VectorAssembler -> StandardScaler -> LogisticRegression",
                engineered.getClass().getSimpleName(), model.getClass().getSimpleName(), allTransformers(model),
                Stages.trace(engineered, model, train.schema()), trainRows, testRows, "areaUnderROC",
                auc(model.transform(test)), fitSeconds);
        StandardScalerModel scaler = (StandardScalerModel) model.stages()[3];
        List<String> rawNames = ChurnPipelines.featureNames(model, train, ChurnPipelines.RAW_FEATURES);
        return new Engineered(trace, rawNames, scaler, coefficients(rawNames, scaler,
                (LogisticRegressionModel) model.stages()[4], (StringIndexerModel) model.stages()[0]));
    }

    /** Runs on the pool, or right here when the probes run one after the other. */
    private static <T> Future<T> submit(ExecutorService pool, Callable<T> task) {
        if (pool != null) {
            return pool.submit(task);
        }
        FutureTask<T> now = new FutureTask<>(task);
        now.run();
        return now;
    }

    /** Advances the progress bar and remembers how long each step took; safe from several threads. */
    private static final class Steps {
        private final Progress progress;
        private final List<NamedValue> timings = new ArrayList<>();

        Steps(Progress progress) {
            this.progress = progress;
        }

        <T> T timed(String step, Supplier<T> work) {
            long start = System.nanoTime();
            T value = work.get();
            done(step, seconds(start));
            return value;
        }

        synchronized void done(String step, double seconds) {
            timings.add(new NamedValue(step, seconds));
            progress.advance(step);
        }

        synchronized List<NamedValue> timings() {
            return List.copyOf(timings);
        }
    }

    private static boolean allTransformers(PipelineModel model) {
        return Arrays.stream(model.stages()).allMatch(s -> s instanceof org.apache.spark.ml.Transformer);
    }

    /** LR coefficients per raw unit next to the generator's truth (ChurnSpec). */
    private static List<CoefficientCheck> coefficients(List<String> names, StandardScalerModel scaler,
                                                       LogisticRegressionModel model, StringIndexerModel indexer) {
        String[] planLabels = indexer.labelsArray()[0];
        double reference = ChurnSpec.planEffect(planLabels[planLabels.length - 1]);
        List<CoefficientCheck> checks = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            double onScaled = model.coefficients().apply(i);
            double std = scaler.std().apply(i);
            double perUnit = std == 0 ? 0 : onScaled / std;
            double truth;
            if (name.startsWith(ChurnPipelines.PLAN_ONEHOT + "_")) {
                truth = ChurnSpec.planEffect(name.substring(ChurnPipelines.PLAN_ONEHOT.length() + 1)) - reference;
            } else if (name.startsWith(ChurnPipelines.REGION_ONEHOT + "_")) {
                truth = 0.0;
            } else {
                truth = switch (name) {
                    case ChurnData.TENURE -> ChurnSpec.TENURE;
                    case ChurnData.CHARGES -> ChurnSpec.CHARGES;
                    case ChurnData.CALLS -> ChurnSpec.CALLS;
                    default -> Double.NaN;
                };
            }
            checks.add(new CoefficientCheck(name, onScaled, perUnit, truth));
        }
        return checks;
    }

    private static List<NamedValue> named(List<String> names, Vector values) {
        List<NamedValue> list = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            list.add(new NamedValue(i < names.size() ? names.get(i) : "feature " + i, values.apply(i)));
        }
        return list;
    }

    private static double auc(Dataset<Row> scored) {
        return new BinaryClassificationEvaluator().setLabelCol(ChurnData.LABEL).setMetricName("areaUnderROC").evaluate(scored);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
