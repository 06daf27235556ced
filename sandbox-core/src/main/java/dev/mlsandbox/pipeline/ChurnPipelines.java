package dev.mlsandbox.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.RandomForestClassifier;
import org.apache.spark.ml.feature.OneHotEncoder;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import dev.mlsandbox.spark.ChurnData;

/**
 * The two pipelines the lesson fits on the churn table, and the column names their stages write:
 * the study guide's (StringIndexer -> VectorAssembler -> RandomForestClassifier) and a
 * feature-engineering variant (StringIndexer -> OneHotEncoder -> VectorAssembler -> StandardScaler
 * -> LogisticRegression). Unfitted: {@code fit} is the caller's, as in Spark.
 */
public final class ChurnPipelines {

    public static final String PLAN_INDEX = "plan_index";
    public static final String REGION_INDEX = "region_index";
    public static final String PLAN_ONEHOT = "plan_onehot";
    public static final String REGION_ONEHOT = "region_onehot";
    public static final String RAW_FEATURES = "raw_features";
    public static final String FEATURES = "features";

    /** LBFGS converges on these nine features in far fewer; the cap bounds the number of Spark jobs. */
    public static final int LR_MAX_ITER = 30;

    private ChurnPipelines() {
    }

    /** The study guide's pipeline: StringIndexer -> VectorAssembler -> RandomForestClassifier. */
    public static Pipeline studyGuide(int numTrees, int maxDepth, long seed) {
        StringIndexer indexer = new StringIndexer().setInputCol(ChurnData.PLAN).setOutputCol(PLAN_INDEX);
        VectorAssembler assembler = new VectorAssembler()
                .setInputCols(new String[]{PLAN_INDEX, ChurnData.TENURE, ChurnData.CHARGES, ChurnData.CALLS})
                .setOutputCol(FEATURES);
        RandomForestClassifier forest = new RandomForestClassifier().setLabelCol(ChurnData.LABEL).setFeaturesCol(FEATURES)
                .setNumTrees(numTrees).setMaxDepth(maxDepth).setSeed(seed);
        return new Pipeline().setStages(new PipelineStage[]{indexer, assembler, forest});
    }

    /** StringIndexer -> OneHotEncoder -> VectorAssembler -> StandardScaler -> LogisticRegression. */
    public static Pipeline featureEngineering() {
        List<PipelineStage> stages = new ArrayList<>(Arrays.asList(encodingStages()));
        stages.add(new StandardScaler().setInputCol(RAW_FEATURES).setOutputCol(FEATURES));
        stages.add(new LogisticRegression().setLabelCol(ChurnData.LABEL).setFeaturesCol(FEATURES).setMaxIter(LR_MAX_ITER));
        return new Pipeline().setStages(stages.toArray(PipelineStage[]::new));
    }

    /** The first three stages of the feature-engineering variant, up to the raw feature vector. */
    public static PipelineStage[] encodingStages() {
        return new PipelineStage[]{
                new StringIndexer().setInputCols(new String[]{ChurnData.PLAN, ChurnData.REGION})
                        .setOutputCols(new String[]{PLAN_INDEX, REGION_INDEX}),
                new OneHotEncoder().setInputCols(new String[]{PLAN_INDEX, REGION_INDEX})
                        .setOutputCols(new String[]{PLAN_ONEHOT, REGION_ONEHOT}),
                new VectorAssembler().setInputCols(new String[]{PLAN_ONEHOT, REGION_ONEHOT, ChurnData.TENURE,
                        ChurnData.CHARGES, ChurnData.CALLS}).setOutputCol(RAW_FEATURES)};
    }

    /** The names of a vector column's slots, from the metadata VectorAssembler writes. */
    public static List<String> featureNames(PipelineModel model, Dataset<Row> input, String column) {
        AttributeGroup group = AttributeGroup.fromStructField(model.transform(input).schema().apply(column));
        if (group.attributes().isEmpty()) {
            throw new IllegalStateException("column " + column + " carries no attribute metadata");
        }
        return Arrays.stream(group.attributes().get())
                .map(a -> a.name().isDefined() ? a.name().get() : "feature " + a.index().get())
                .toList();
    }
}
