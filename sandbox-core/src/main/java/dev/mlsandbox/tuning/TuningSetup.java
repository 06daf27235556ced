package dev.mlsandbox.tuning;

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
 * What both validators tune: the same pipeline, evaluator and param maps.
 *
 * <p>The pipeline is the churn model: {@code StringIndexer} (plan, region) then
 * {@code OneHotEncoder} then {@code VectorAssembler} (with tenure, charges, support calls) then
 * {@code LogisticRegression}. The whole pipeline is the estimator, so the indexers are fitted
 * inside each fold and never see the validation rows. The evaluator is area under ROC (larger is
 * better).
 *
 * @param pipeline   the estimator both validators tune
 * @param classifier the pipeline's last stage; the grid's params belong to it
 * @param evaluator  area under ROC on the {@code churn} label
 * @param paramMaps  the grid, built by {@link org.apache.spark.ml.tuning.ParamGridBuilder}
 */
public record TuningSetup(Pipeline pipeline, LogisticRegression classifier, BinaryClassificationEvaluator evaluator,
                          ParamMap[] paramMaps) {

    public static TuningSetup churn(TuningGrid grid, int maxIter) {
        StringIndexer indexer = new StringIndexer()
                .setInputCols(new String[]{ChurnData.PLAN, ChurnData.REGION})
                .setOutputCols(new String[]{"plan_index", "region_index"});
        OneHotEncoder encoder = new OneHotEncoder()
                .setInputCols(new String[]{"plan_index", "region_index"})
                .setOutputCols(new String[]{"plan_vector", "region_vector"});
        VectorAssembler assembler = new VectorAssembler()
                .setInputCols(new String[]{"plan_vector", "region_vector", ChurnData.TENURE, ChurnData.CHARGES, ChurnData.CALLS})
                .setOutputCol("features");
        LogisticRegression classifier = new LogisticRegression()
                .setLabelCol(ChurnData.LABEL)
                .setFeaturesCol("features")
                .setMaxIter(maxIter);
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[]{indexer, encoder, assembler, classifier});
        BinaryClassificationEvaluator evaluator = new BinaryClassificationEvaluator()
                .setLabelCol(ChurnData.LABEL)
                .setMetricName("areaUnderROC");
        return new TuningSetup(pipeline, classifier, evaluator, grid.build(classifier));
    }

    /** The first {@code n} param maps, for the grid-size sweep. */
    public TuningSetup firstMaps(int n) {
        return new TuningSetup(pipeline, classifier, evaluator, java.util.Arrays.copyOf(paramMaps, n));
    }
}
