package dev.mlsandbox.pipeline;

import static org.apache.spark.sql.functions.col;

import java.util.List;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.StandardScalerModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import dev.mlsandbox.spark.ChurnData;

/**
 * StandardScaler fitted on every row before the split (the leak) vs inside the pipeline.
 *
 * <p>The split is by time (customer id): the later customers are the test rows, and their charges
 * rose by {@code priceShift}, as after a price change. Fitting the scaler on all rows lets those
 * test rows move its mean and std. Only the scaler differs between the two runs: the indexing,
 * encoding and assembling stages are fitted on the training rows in both, and the same
 * LogisticRegression follows. Its L2 penalty with {@code standardization=false} (a common choice
 * after a StandardScaler) is what lets the scaler's std reach the model: without a penalty, a
 * linear model absorbs any rescaling into its coefficients and the leak changes nothing measurable.
 */
public final class LeakageProbe {

    private LeakageProbe() {
    }

    /**
     * The leaky and the correct scaler on {@code churn} ({@code rows} rows, ids 1..rows), split by
     * time at {@code 1 - testFraction}; the test rows' charges raised by {@code priceShift}.
     */
    public static LeakageOutcome run(Dataset<Row> churn, long rows, double testFraction, double priceShift, double regParam) {
        long cutoff = Math.round(rows * (1.0 - testFraction));
        Dataset<Row> train = churn.filter(col(ChurnData.ID).leq(cutoff)).cache();
        Dataset<Row> test = churn.filter(col(ChurnData.ID).gt(cutoff))
                .withColumn(ChurnData.CHARGES, col(ChurnData.CHARGES).plus(priceShift)).cache();
        try {
            PipelineModel featurize = new Pipeline().setStages(ChurnPipelines.encodingStages()).fit(train);
            Dataset<Row> trainFeatures = featurize.transform(train);
            Dataset<Row> testFeatures = featurize.transform(test);

            // Inside: the scaler is a stage, so fit sees only the training rows.
            PipelineModel inside = new Pipeline().setStages(new PipelineStage[]{scaler(), model(regParam)}).fit(trainFeatures);
            StandardScalerModel insideScaler = (StandardScalerModel) inside.stages()[0];
            Dataset<Row> insideScored = inside.transform(testFeatures);

            // Leaky: the scaler is fitted on all rows first, then the model on the scaled training rows.
            StandardScalerModel leakyScaler = scaler().fit(trainFeatures.unionByName(testFeatures));
            LogisticRegressionModel leakyModel = model(regParam).fit(leakyScaler.transform(trainFeatures));
            Dataset<Row> leakyScored = leakyModel.transform(leakyScaler.transform(testFeatures));

            int charges = chargesIndex(featurize, train);
            List<Metrics.Scored> a = collect(insideScored);
            List<Metrics.Scored> b = collect(leakyScored);
            long changed = 0;
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                changed += a.get(i).prediction() == b.get(i).prediction() ? 0 : 1;
            }
            // Customer ids run 1..rows, so the time-ordered split sizes are exact without counting.
            LeakageOutcome outcome = new LeakageOutcome(cutoff, rows - cutoff, priceShift, regParam,
                    insideScaler.mean().apply(charges), leakyScaler.mean().apply(charges),
                    insideScaler.std().apply(charges), leakyScaler.std().apply(charges),
                    Metrics.auc(a), Metrics.auc(b), Metrics.logLoss(a), Metrics.logLoss(b), changed);
            return outcome;
        } finally {
            train.unpersist();
            test.unpersist();
        }
    }

    private static StandardScaler scaler() {
        return new StandardScaler().setInputCol(ChurnPipelines.RAW_FEATURES).setOutputCol(ChurnPipelines.FEATURES);
    }

    private static LogisticRegression model(double regParam) {
        return new LogisticRegression().setLabelCol(ChurnData.LABEL).setFeaturesCol(ChurnPipelines.FEATURES)
                .setRegParam(regParam).setStandardization(false).setMaxIter(ChurnPipelines.LR_MAX_ITER);
    }

    /** Position of monthly_charges in the assembled vector: after the one-hot blocks. */
    private static int chargesIndex(PipelineModel featurize, Dataset<Row> train) {
        List<String> names = ChurnPipelines.featureNames(featurize, train, ChurnPipelines.RAW_FEATURES);
        int index = names.indexOf(ChurnData.CHARGES);
        if (index < 0) {
            throw new IllegalStateException("monthly_charges not among the assembled features " + names);
        }
        return index;
    }

    /** The scored test rows, by customer id: one job instead of one per metric. */
    static List<Metrics.Scored> collect(Dataset<Row> scored) {
        return scored.select(ChurnData.ID, ChurnData.LABEL, "probability", "prediction").collectAsList().stream()
                .map(r -> new Metrics.Scored(r.getLong(0), r.getDouble(1), ((Vector) r.get(2)).apply(1), r.getDouble(3)))
                .sorted(java.util.Comparator.comparingLong(Metrics.Scored::id))
                .toList();
    }
}
