package dev.mlsandbox.bench;

import java.util.List;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.RandomForestClassifier;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import dev.mlsandbox.spark.ChurnData;
import dev.mlsandbox.spark.ChurnSpec;

/**
 * The baseline: a plain Spark program doing the Pipeline lab's core work with no sandbox code
 * (session, the same rows, StringIndexer -> VectorAssembler -> RandomForestClassifier, fit,
 * transform, AUC). Only the rows come from {@link ChurnData#rows}, so both sides fit the same data.
 *
 * <p>It sets the two session options any careful local program sets and the sandbox sets too (UI
 * off, 4 shuffle partitions instead of 200), so the ratio measures the sandbox, not a config.
 * Also a main, for the separate-JVM comparison in {@code bench/pipeline-e2e}.
 */
public final class BarePipeline {

    private BarePipeline() {
    }

    /** Runs the core work on a fresh session, stops it, and returns the test AUC. */
    public static double run(int rows, long seed, int numTrees, int maxDepth) {
        SparkSession spark = SparkSession.builder().master("local[*]").appName("bare-pipeline")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
        try {
            List<Row> data = ChurnData.rows(ChurnSpec.rows(rows).withSeed(seed));
            Dataset<Row> churn = spark.createDataFrame(data, ChurnData.SCHEMA).cache();
            Dataset<Row>[] split = churn.randomSplit(new double[]{0.8, 0.2}, seed);
            Pipeline pipeline = new Pipeline().setStages(new PipelineStage[]{
                    new StringIndexer().setInputCol("plan").setOutputCol("plan_index"),
                    new VectorAssembler().setInputCols(new String[]{"plan_index", "tenure_months", "monthly_charges",
                            "support_calls"}).setOutputCol("features"),
                    new RandomForestClassifier().setLabelCol("churn").setFeaturesCol("features")
                            .setNumTrees(numTrees).setMaxDepth(maxDepth).setSeed(seed)});
            PipelineModel model = pipeline.fit(split[0]);
            return new BinaryClassificationEvaluator().setLabelCol("churn").evaluate(model.transform(split[1]));
        } finally {
            spark.stop();
        }
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        double auc = run(rows, 42, 20, 5);
        System.out.println("bare pipeline: " + rows + " rows, test areaUnderROC " + auc);
    }
}
