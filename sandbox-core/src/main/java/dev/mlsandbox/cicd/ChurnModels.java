package dev.mlsandbox.cicd;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import dev.mlsandbox.spark.ChurnData;
import dev.mlsandbox.spark.ChurnSpec;

/**
 * The churn rows the training job trains and gates on, and its two feature sets: {@code all}
 * (the real model) and {@code plan_region} (plan and region only; region carries no signal in
 * {@link ChurnData}, so this is the worse model a gate should refuse).
 */
public final class ChurnModels {

    /** The label column. */
    public static final String LABEL = ChurnData.LABEL;
    /** The feature sets a training task may use. */
    public static final List<String> FEATURE_SETS = List.of("all", "plan_region");

    private ChurnModels() {
    }

    /** Seeded churn rows without the id: the model's inputs plus the label. */
    public static Dataset<Row> rows(SparkSession spark, int rows, long seed) {
        return ChurnData.generate(spark, ChurnSpec.rows(rows).withSeed(seed)).drop(ChurnData.ID);
    }

    /** Fits the pipeline (indexers, assembler, logistic regression) on {@code train}. */
    public static PipelineModel fit(Dataset<Row> train, String featureSet) {
        String[] numeric = switch (featureSet.toLowerCase(Locale.ROOT)) {
            case "all" -> new String[]{ChurnData.TENURE, ChurnData.CHARGES, ChurnData.CALLS};
            case "plan_region" -> new String[0];
            default -> throw new IllegalArgumentException("features '" + featureSet + "' is not a feature set: use one of "
                    + FEATURE_SETS);
        };
        String[] inputs = new String[2 + numeric.length];
        inputs[0] = "plan_idx";
        inputs[1] = "region_idx";
        System.arraycopy(numeric, 0, inputs, 2, numeric.length);
        return new Pipeline().setStages(new PipelineStage[]{
                new StringIndexer().setInputCols(new String[]{ChurnData.PLAN, ChurnData.REGION})
                        .setOutputCols(new String[]{"plan_idx", "region_idx"}).setHandleInvalid("keep"),
                new VectorAssembler().setInputCols(inputs).setOutputCol("features"),
                new LogisticRegression().setLabelCol(LABEL).setMaxIter(20).setRegParam(0.01)}).fit(train);
    }

    /** The input columns (everything but the label), in order. */
    public static String[] inputs(Dataset<Row> rows) {
        return Arrays.stream(rows.columns()).filter(c -> !c.equals(LABEL)).toArray(String[]::new);
    }
}
