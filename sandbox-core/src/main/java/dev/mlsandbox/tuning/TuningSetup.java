package dev.mlsandbox.tuning;

import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.feature.OneHotEncoder;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.param.ParamMap;

import dev.mlsandbox.spark.ChurnData;

/**
 * What both validators tune: the same pipeline, evaluator and param maps, in one of two layouts.
 *
 * <p>The pipeline is the churn model: {@code StringIndexer} (plan, region) then
 * {@code OneHotEncoder} then {@code VectorAssembler} (with tenure, charges, support calls) then
 * {@code LogisticRegression}. The evaluator is area under ROC (larger is better), on the exact
 * curve ({@code numBins} 0).
 *
 * <p>The layout decides what a validator refits (see {@link Layout}): the whole pipeline per fold,
 * or only the classifier, on features the encoding stages produced once. The grid's params belong
 * to the classifier, so the same param maps serve both layouts.
 *
 * @param pipeline   the whole pipeline
 * @param classifier the pipeline's last stage; the grid's params belong to it
 * @param evaluator  area under ROC on the {@code churn} label, exact curve
 * @param paramMaps  the grid, built by {@link org.apache.spark.ml.tuning.ParamGridBuilder}
 * @param layout     what the validators are given to fit
 */
public record TuningSetup(Pipeline pipeline, LogisticRegression classifier, BinaryClassificationEvaluator evaluator,
                          ParamMap[] paramMaps, Layout layout) {

    /** The column the encoding stages write and the classifier reads. */
    public static final String FEATURES = "features";

    /**
     * Where the validator sits relative to the pipeline.
     *
     * <p>{@link #PIPELINE_IN_VALIDATOR}: the validator's estimator is the whole pipeline, so the
     * indexer and encoder are refitted on every training fold and never see its validation rows.
     * {@link #VALIDATOR_IN_PIPELINE}: the encoding stages are fitted once on all tuning rows and the
     * validator tunes only the classifier on their output, as a {@code CrossValidator} placed as
     * the pipeline's last stage does. That is cheaper per fit, and safe only when the earlier
     * stages learn nothing a validation fold should not reveal: here they learn the category lists
     * (and their frequency order), no label and no statistic of a numeric column. A StandardScaler
     * or an Imputer before the validator would leak the validation rows' means into every fold.
     */
    public enum Layout {
        PIPELINE_IN_VALIDATOR,
        VALIDATOR_IN_PIPELINE
    }

    public static TuningSetup churn(TuningGrid grid, int maxIter) {
        StringIndexer indexer = new StringIndexer()
                .setInputCols(new String[]{ChurnData.PLAN, ChurnData.REGION})
                .setOutputCols(new String[]{"plan_index", "region_index"});
        OneHotEncoder encoder = new OneHotEncoder()
                .setInputCols(new String[]{"plan_index", "region_index"})
                .setOutputCols(new String[]{"plan_vector", "region_vector"});
        VectorAssembler assembler = new VectorAssembler()
                .setInputCols(new String[]{"plan_vector", "region_vector", ChurnData.TENURE, ChurnData.CHARGES, ChurnData.CALLS})
                .setOutputCol(FEATURES);
        LogisticRegression classifier = new LogisticRegression()
                .setLabelCol(ChurnData.LABEL)
                .setFeaturesCol(FEATURES)
                .setMaxIter(maxIter);
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[]{indexer, encoder, assembler, classifier});
        // numBins 0: the exact ROC curve. Spark's default (1000) down-samples only a curve of 2,000
        // or more distinct scores, so on the lab's data both give the same AUC (to 1e-12), but the default
        // counts the scores first: one more Spark job in every evaluation, about a sixth of its time.
        BinaryClassificationEvaluator evaluator = new BinaryClassificationEvaluator()
                .setLabelCol(ChurnData.LABEL)
                .setMetricName("areaUnderROC")
                .setNumBins(0);
        return new TuningSetup(pipeline, classifier, evaluator, grid.build(classifier), Layout.PIPELINE_IN_VALIDATOR);
    }

    /** The first {@code n} param maps, for the grid-size sweep. */
    public TuningSetup firstMaps(int n) {
        return new TuningSetup(pipeline, classifier, evaluator, java.util.Arrays.copyOf(paramMaps, n), layout);
    }

    /** The same pipeline, grid and evaluator in another layout. */
    public TuningSetup withLayout(Layout other) {
        return new TuningSetup(pipeline, classifier, evaluator, paramMaps, other);
    }

    /** The stages before the classifier, as a pipeline of their own: what {@link Layout#VALIDATOR_IN_PIPELINE} fits once. */
    public Pipeline encoder() {
        PipelineStage[] stages = pipeline.getStages();
        return new Pipeline().setStages(java.util.Arrays.copyOf(stages, stages.length - 1));
    }

    /** The estimator a validator gets in this layout: the whole pipeline, or the classifier alone. */
    public Estimator<?> tuned() {
        return layout == Layout.PIPELINE_IN_VALIDATOR ? pipeline : classifier;
    }
}
