package dev.mlsandbox.drift.lab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A logistic regression trained with Spark ML on the reference window. Windows are scored in the
 * JVM from its coefficients (one dot product per row), which is exactly what
 * {@code LogisticRegressionModel.transform} computes; {@link #sparkAgreement} checks that on a window.
 * The two metrics ({@link #auc}, {@link #accuracy}) are public for the labs that score windows the same way.
 */
public final class ChurnModel {
    private final LogisticRegressionModel model;
    private final double[] coef;
    private final double intercept;

    private ChurnModel(LogisticRegressionModel model) {
        this.model = model;
        this.coef = model.coefficients().toArray();
        this.intercept = model.intercept();
    }

    static ChurnModel train(SparkSession spark, ChurnStream.Window w) {
        LogisticRegressionModel m = new LogisticRegression().setMaxIter(50).setRegParam(0.0)
                .fit(frame(spark, w));
        return new ChurnModel(m);
    }

    double[] coefficients() {
        return coef.clone();
    }

    /** P(churn) per row. */
    double[] score(ChurnStream.Window w) {
        double[] out = new double[w.size()];
        for (int k = 0; k < out.length; k++) {
            double[] x = features(w, k);
            double z = intercept;
            for (int j = 0; j < x.length; j++) {
                z += coef[j] * x[j];
            }
            out[k] = 1 / (1 + Math.exp(-z));
        }
        return out;
    }

    /** Largest |P_spark - P_jvm| over a window: the JVM scoring is Spark's model, not an imitation. */
    double sparkAgreement(SparkSession spark, ChurnStream.Window w) {
        double[] ours = score(w);
        List<Row> rows = model.transform(frame(spark, w)).select("probability").collectAsList();
        double worst = 0;
        for (int k = 0; k < rows.size(); k++) {
            worst = Math.max(worst, Math.abs(((Vector) rows.get(k).get(0)).apply(1) - ours[k]));
        }
        return worst;
    }

    private static double[] features(ChurnStream.Window w, int k) {
        return new double[] {w.tenure()[k], w.charges()[k], w.deviceAge()[k], "basic".equals(w.plan()[k]) ? 1 : 0,
            "pro".equals(w.plan()[k]) ? 1 : 0};
    }

    private static Dataset<Row> frame(SparkSession spark, ChurnStream.Window w) {
        StructType schema = new StructType().add("features", SQLDataTypes.VectorType())
                .add("label", DataTypes.DoubleType);
        List<Row> rows = new ArrayList<>(w.size());
        for (int k = 0; k < w.size(); k++) {
            rows.add(RowFactory.create(Vectors.dense(features(w, k)), (double) w.label()[k]));
        }
        return spark.createDataFrame(rows, schema).coalesce(1);
    }

    /** Area under the ROC curve by the rank-sum formula (ties get average ranks). */
    public static double auc(double[] score, int[] label) {
        int n = score.length;
        Integer[] idx = new Integer[n];
        for (int k = 0; k < n; k++) {
            idx[k] = k;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(score[a], score[b]));
        double rankSumPos = 0;
        long pos = 0;
        int k = 0;
        while (k < n) {
            int j = k;
            while (j + 1 < n && score[idx[j + 1]] == score[idx[k]]) {
                j++;
            }
            double avgRank = (k + j) / 2.0 + 1;
            for (int t = k; t <= j; t++) {
                if (label[idx[t]] == 1) {
                    rankSumPos += avgRank;
                    pos++;
                }
            }
            k = j + 1;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    public static double accuracy(double[] score, int[] label) {
        int ok = 0;
        for (int k = 0; k < score.length; k++) {
            ok += (score[k] >= 0.5 ? 1 : 0) == label[k] ? 1 : 0;
        }
        return (double) ok / score.length;
    }
}
