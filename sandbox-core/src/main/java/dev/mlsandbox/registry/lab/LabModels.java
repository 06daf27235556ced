package dev.mlsandbox.registry.lab;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

import dev.mlsandbox.spark.ChurnData;
import dev.mlsandbox.spark.ChurnSpec;

/**
 * The lab's data and its two pipelines. Features match {@code SignatureCases.DECLARED}: plan and
 * region (string), tenure_months (long), support_calls (integer), monthly_charges (float) and
 * total_charges (double), so every signature case has a column of the right type.
 */
final class LabModels {

    static final String LABEL = ChurnData.LABEL;

    private LabModels() {
    }

    /** The churn table with the lab's feature types, plus the label. */
    static Dataset<Row> features(SparkSession spark, int rows, long seed) {
        Dataset<Row> raw = ChurnData.generate(spark, ChurnSpec.rows(rows).withSeed(seed));
        Column tenure = functions.col(ChurnData.TENURE);
        Column charges = functions.col(ChurnData.CHARGES);
        return raw.select(functions.col(ChurnData.PLAN), functions.col(ChurnData.REGION),
                tenure.cast("long").as("tenure_months"), functions.col(ChurnData.CALLS).as("support_calls"),
                charges.cast("float").as("monthly_charges"), tenure.multiply(charges).as("total_charges"),
                functions.col(LABEL));
    }

    /** Both indexers in one model, fitted once and shared by the two pipelines (a fitted stage passes through fit). */
    static StringIndexerModel indexers(Dataset<Row> train) {
        return new StringIndexer().setInputCols(new String[]{"plan", "region"})
                .setOutputCols(new String[]{"plan_idx", "region_idx"}).setHandleInvalid("keep").fit(train);
    }

    /** A weak baseline: plan and region only (region carries no signal in ChurnData). */
    static PipelineModel weak(Dataset<Row> train, StringIndexerModel indexers) {
        return fit(train, indexers, new String[]{"plan_idx", "region_idx"});
    }

    /** The real model: every feature. */
    static PipelineModel strong(Dataset<Row> train, StringIndexerModel indexers) {
        return fit(train, indexers, new String[]{"plan_idx", "region_idx", "tenure_months", "support_calls",
                "monthly_charges", "total_charges"});
    }

    private static PipelineModel fit(Dataset<Row> train, StringIndexerModel indexers, String[] inputs) {
        return new Pipeline().setStages(new PipelineStage[]{indexers,
                new VectorAssembler().setInputCols(inputs).setOutputCol("features"),
                new LogisticRegression().setLabelCol(LABEL).setMaxIter(20).setRegParam(0.01)}).fit(train);
    }
}
