package dev.mlsandbox.pipeline;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.classification.RandomForestClassificationModel;
import org.apache.spark.ml.classification.RandomForestClassifier;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.feature.OneHotEncoder;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.StandardScalerModel;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import dev.mlsandbox.lab.Lab;
import dev.mlsandbox.lab.LabContext;
import dev.mlsandbox.lab.Progress;
import dev.mlsandbox.spark.ChurnData;
import dev.mlsandbox.spark.ChurnSpec;
import dev.mlsandbox.tracking.MlflowRun;

/**
 * The Pipeline lab: fits the study guide's pipeline and a feature-engineering variant on the
 * synthetic churn table, reads every stage before and after {@code fit}, and runs the failure
 * modes (no {@code transform} on a Pipeline, {@code handleInvalid}, leakage, save/load).
 *
 * <pre>{@code
 * PipelineLabResult result = sandbox.pipeline().run();               // defaults
 * sandbox.pipeline().run(PipelineLabOptions.defaults().withRows(20_000));
 * }</pre>
 */
public final class PipelineLab implements Lab<PipelineLabResult> {

    public static final String NAME = "pipeline";
    public static final String SUMMARY =
            "Estimator vs Transformer vs PipelineModel on live objects: handleInvalid, leakage, save/load";

    public static final String PLAN_INDEX = "plan_index";
    public static final String REGION_INDEX = "region_index";
    public static final String PLAN_ONEHOT = "plan_onehot";
    public static final String REGION_ONEHOT = "region_onehot";
    public static final String RAW_FEATURES = "raw_features";
    public static final String FEATURES = "features";

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

    /** The study guide's pipeline: StringIndexer -> VectorAssembler -> RandomForestClassifier. */
    public static Pipeline studyGuidePipeline(PipelineLabOptions options) {
        StringIndexer indexer = new StringIndexer().setInputCol(ChurnData.PLAN).setOutputCol(PLAN_INDEX);
        VectorAssembler assembler = new VectorAssembler()
                .setInputCols(new String[]{PLAN_INDEX, ChurnData.TENURE, ChurnData.CHARGES, ChurnData.CALLS})
                .setOutputCol(FEATURES);
        RandomForestClassifier forest = new RandomForestClassifier().setLabelCol(ChurnData.LABEL).setFeaturesCol(FEATURES)
                .setNumTrees(options.numTrees()).setMaxDepth(options.maxDepth()).setSeed(options.seed());
        return new Pipeline().setStages(new PipelineStage[]{indexer, assembler, forest});
    }

    /** StringIndexer -> OneHotEncoder -> VectorAssembler -> StandardScaler -> LogisticRegression. */
    public static Pipeline featureEngineeringPipeline() {
        List<PipelineStage> stages = new ArrayList<>(Arrays.asList(encodingStages()));
        stages.add(new StandardScaler().setInputCol(RAW_FEATURES).setOutputCol(FEATURES));
        stages.add(new LogisticRegression().setLabelCol(ChurnData.LABEL).setFeaturesCol(FEATURES));
        return new Pipeline().setStages(stages.toArray(PipelineStage[]::new));
    }

    /** The first three stages of the feature-engineering variant, up to the raw feature vector. */
    static PipelineStage[] encodingStages() {
        return new PipelineStage[]{
                new StringIndexer().setInputCols(new String[]{ChurnData.PLAN, ChurnData.REGION})
                        .setOutputCols(new String[]{PLAN_INDEX, REGION_INDEX}),
                new OneHotEncoder().setInputCols(new String[]{PLAN_INDEX, REGION_INDEX})
                        .setOutputCols(new String[]{PLAN_ONEHOT, REGION_ONEHOT}),
                new VectorAssembler().setInputCols(new String[]{PLAN_ONEHOT, REGION_ONEHOT, ChurnData.TENURE,
                        ChurnData.CHARGES, ChurnData.CALLS}).setOutputCol(RAW_FEATURES)};
    }

    /** Logs the run when a tracking URI is configured (params, AUCs, fit times, the report); see LabContext#logged. */
    @Override
    public PipelineLabResult run(LabContext context) {
        return context.logged(NAME, options.seed(), options.asParameters(), run -> {
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
        StepClock steps = new StepClock(progress);
        Dataset<Row> churn = ChurnData.generate(context.spark(), options.churnSpec()).cache();
        Dataset<Row>[] split = churn.randomSplit(new double[]{1.0 - options.testFraction(), options.testFraction()}, options.seed());
        Dataset<Row> train = split[0].cache();
        Dataset<Row> test = split[1].cache();
        try {
            steps.done("data: " + options.rows() + " rows");

            Pipeline studyGuide = studyGuidePipeline(options);
            long start = System.nanoTime();
            PipelineModel studyModel = studyGuide.fit(train);
            double studyFit = seconds(start);
            double studyAuc = auc(studyModel.transform(test));
            PipelineTrace studyTrace = new PipelineTrace("studyGuide", "StringIndexer -> VectorAssembler -> RandomForestClassifier",
                    studyGuide.getClass().getSimpleName(), studyModel.getClass().getSimpleName(), allTransformers(studyModel),
                    Stages.trace(studyGuide, studyModel, train.schema()), train.count(), test.count(), "areaUnderROC",
                    studyAuc, studyFit);
            RandomForestClassificationModel forest = (RandomForestClassificationModel) studyModel.stages()[2];
            List<NamedValue> importances = named(featureNames(studyModel, train, FEATURES), forest.featureImportances());
            List<String> planLabels = List.of(((StringIndexerModel) studyModel.stages()[0]).labelsArray()[0]);
            steps.done("study-guide pipeline fitted");

            Pipeline engineered = featureEngineeringPipeline();
            start = System.nanoTime();
            PipelineModel engineeredModel = engineered.fit(train);
            double engineeredFit = seconds(start);
            double engineeredAuc = auc(engineeredModel.transform(test));
            PipelineTrace engineeredTrace = new PipelineTrace("featureEngineering",
                    "StringIndexer -> OneHotEncoder -> VectorAssembler -> StandardScaler -> LogisticRegression",
                    engineered.getClass().getSimpleName(), engineeredModel.getClass().getSimpleName(),
                    allTransformers(engineeredModel), Stages.trace(engineered, engineeredModel, train.schema()),
                    train.count(), test.count(), "areaUnderROC", engineeredAuc, engineeredFit);
            StandardScalerModel scaler = (StandardScalerModel) engineeredModel.stages()[3];
            List<String> rawNames = featureNames(engineeredModel, train, RAW_FEATURES);
            List<CoefficientCheck> coefficients = coefficients(rawNames, scaler,
                    (LogisticRegressionModel) engineeredModel.stages()[4], (StringIndexerModel) engineeredModel.stages()[0]);
            steps.done("feature-engineering pipeline fitted");

            TransformCheck transformCheck = TransformProbe.run(true);
            steps.done("Pipeline has no transform");

            Dataset<Row> unseenRows = ChurnData.generate(context.spark(),
                    ChurnSpec.rows(options.unseenRows()).withSeed(options.seed() + 1));
            List<UnseenCategoryOutcome> unseen = QuietFailures.during(
                    () -> HandleInvalidProbe.unseenCategory(studyModel, test, unseenRows));
            int baseRows = Math.min(options.rows(), Math.max(200, 2 * options.invalidRows()));
            List<AssemblerOutcome> assembler = QuietFailures.during(() -> HandleInvalidProbe.assembler(
                    churn.filter(col(ChurnData.ID).leq(baseRows)), options.invalidRows()));
            steps.done("handleInvalid: error, skip, keep");

            LeakageOutcome leakage = LeakageProbe.run(churn, options);
            steps.done("leakage: scaler before vs inside the split");

            PersistenceOutcome persistence = PersistenceProbe.run(studyModel, test);
            steps.done("save and load");

            return new PipelineLabResult(options, clock.provenance(options.seed(), options.rows(), options.asParameters()),
                    studyTrace, engineeredTrace, planLabels, forest.getNumTrees(), importances,
                    named(rawNames, scaler.mean()), named(rawNames, scaler.std()), coefficients, transformCheck,
                    unseen, assembler, leakage, persistence, steps.timings(), mlflowRun);
        } finally {
            progress.end();
            train.unpersist();
            test.unpersist();
            churn.unpersist();
        }
    }

    /** Advances the progress bar and remembers how long each step took, for the report. */
    private static final class StepClock {
        private final Progress progress;
        private final List<NamedValue> timings = new ArrayList<>();
        private long mark = System.nanoTime();

        StepClock(Progress progress) {
            this.progress = progress;
        }

        void done(String step) {
            long now = System.nanoTime();
            timings.add(new NamedValue(step, (now - mark) / 1e9));
            mark = now;
            progress.advance(step);
        }

        List<NamedValue> timings() {
            return List.copyOf(timings);
        }
    }

    /** The names of a vector column's slots, from the metadata VectorAssembler writes. */
    static List<String> featureNames(PipelineModel model, Dataset<Row> input, String column) {
        AttributeGroup group = AttributeGroup.fromStructField(model.transform(input).schema().apply(column));
        if (group.attributes().isEmpty()) {
            throw new IllegalStateException("column " + column + " carries no attribute metadata");
        }
        return Arrays.stream(group.attributes().get())
                .map(a -> a.name().isDefined() ? a.name().get() : "feature " + a.index().get())
                .toList();
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
            if (name.startsWith(PLAN_ONEHOT + "_")) {
                truth = ChurnSpec.planEffect(name.substring(PLAN_ONEHOT.length() + 1)) - reference;
            } else if (name.startsWith(REGION_ONEHOT + "_")) {
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
