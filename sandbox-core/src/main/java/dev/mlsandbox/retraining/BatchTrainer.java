package dev.mlsandbox.retraining;

import java.util.List;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.SparkSession;

/**
 * Retraining from scratch: a Spark ML pipeline (plan to two 0/1 columns with a SQLTransformer, a
 * VectorAssembler, an unregularised LogisticRegression) fitted on the landed labels of a run of
 * windows. Every batch strategy uses this same estimator; they differ only in when they call it.
 */
public final class BatchTrainer {

    private final SparkSession spark;
    private final int maxIter;

    /** @param maxIter LogisticRegression's maxIter (L-BFGS stops earlier when it converges) */
    public BatchTrainer(SparkSession spark, int maxIter) {
        this.spark = spark;
        this.maxIter = maxIter;
    }

    /** The pipeline, unfitted. */
    public Pipeline pipeline() {
        return new Pipeline().setStages(new PipelineStage[] {
            new SQLTransformer().setStatement("SELECT *, " + ChurnFrames.PLAN_COLUMNS + " FROM __THIS__"),
            new VectorAssembler().setInputCols(LogisticScorer.FEATURES.toArray(String[]::new)).setOutputCol("features"),
            new LogisticRegression().setLabelCol(ChurnFrames.LABEL).setMaxIter(maxIter).setRegParam(0.0)});
    }

    /** Fits the pipeline on the windows' landed labels (one Spark ML fit). */
    public TrainedModel fit(List<StreamWindow> windows) {
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("nothing to train on: no labelled window");
        }
        PipelineModel model = pipeline().fit(ChurnFrames.labelled(spark, windows));
        LogisticRegressionModel lr = (LogisticRegressionModel) model.stages()[2];
        int first = windows.get(0).index();
        int last = windows.get(windows.size() - 1).index();
        return new TrainedModel("batch-w" + first + "-w" + last, "batch", first, last,
                new LogisticScorer(lr.intercept(), lr.coefficients().toArray()), model);
    }
}
