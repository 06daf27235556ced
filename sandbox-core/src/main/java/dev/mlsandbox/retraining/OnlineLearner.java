package dev.mlsandbox.retraining;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.optimization.GradientDescent;
import org.apache.spark.mllib.optimization.LogisticGradient;
import org.apache.spark.mllib.optimization.SimpleUpdater;
import org.apache.spark.sql.SparkSession;

import dev.mlsandbox.drift.lab.ChurnStream;
import scala.Tuple2;

/**
 * Online learning as Spark has it. Spark ML's DataFrame estimators have no incremental fit:
 * {@code LogisticRegression.setInitialModel} (public in Scala and Java since Spark 3.3, SPARK-36481;
 * not in PySpark) only sets where L-BFGS starts, and the objective is still the data given, so a
 * warm-started fit on the newest window converges to that window's model and forgets the rest.
 * Spark's online learner is spark.mllib's {@code StreamingLogisticRegressionWithSGD}, which on
 * every micro-batch of a DStream runs mini-batch gradient descent started from the previous
 * weights. This class does exactly that step once per window, with spark.mllib's own
 * {@link GradientDescent#runMiniBatchSGD} (the optimiser the streaming class calls, a Spark job per
 * iteration) on the window's landed labels, without a DStream around it: its memory is the step
 * size and the number of steps. As in spark.mllib, the intercept is a constant feature appended to
 * the input, and inputs are standardised with a scaler fixed on the first model's training data
 * (gradient descent on raw tenure and charges would need a step size per feature).
 *
 * <p>The learner starts from the first batch model's weights, so it begins exactly where the batch
 * strategies begin. Its state is mutable; the models it hands out ({@link #model}) are not.
 */
public final class OnlineLearner {

    private final SparkSession spark;
    private final double stepSize;
    private final int iterations;
    private final double[] mean;
    private final double[] std;
    private final int firstWindow;
    /** Weights on the standardised features, the intercept first. */
    private double[] weights;
    private int lastWindow;
    /** The model of the current weights, built once per update. */
    private TrainedModel current;

    /**
     * @param start      the model to start from (its training windows become the scaler's data)
     * @param history    the windows {@code start} was trained on
     * @param stepSize   gradient descent's step size (spark.mllib divides it by sqrt(iteration))
     * @param iterations gradient steps per window
     */
    public OnlineLearner(SparkSession spark, TrainedModel start, List<StreamWindow> history, double stepSize,
                         int iterations) {
        if (!(stepSize > 0) || !Double.isFinite(stepSize)) {
            throw new IllegalArgumentException("the online step size must be a positive number, got " + stepSize);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("the online learner needs at least 1 iteration per window, got " + iterations);
        }
        this.spark = spark;
        this.stepSize = stepSize;
        this.iterations = iterations;
        int f = LogisticScorer.FEATURES.size();
        this.mean = new double[f];
        this.std = new double[f];
        long n = 0;
        for (StreamWindow w : history) {
            for (int k = 0; k < w.size(); k++) {
                double[] x = LogisticScorer.features(w.observed(), k);
                for (int j = 0; j < f; j++) {
                    mean[j] += x[j];
                    std[j] += x[j] * x[j];
                }
                n++;
            }
        }
        for (int j = 0; j < f; j++) {
            mean[j] /= n;
            std[j] = Math.sqrt(Math.max(std[j] / n - mean[j] * mean[j], 0));
            if (std[j] == 0) {
                std[j] = 1;
            }
        }
        double[] c = start.scorer().coefficients();
        this.weights = new double[f + 1];
        weights[0] = start.scorer().intercept();
        for (int j = 0; j < f; j++) {
            weights[0] += c[j] * mean[j];
            weights[j + 1] = c[j] * std[j];
        }
        this.firstWindow = start.firstWindow();
        this.lastWindow = start.lastWindow();
    }

    /** One online update: {@code iterations} gradient steps on the window's landed labels, from the current weights. */
    public void update(StreamWindow window) {
        List<Tuple2<Object, Vector>> rows = new ArrayList<>(window.size());
        ChurnStream.Window w = window.observed();
        for (int k = 0; k < w.size(); k++) {
            rows.add(new Tuple2<>((double) w.label()[k], Vectors.dense(standardised(LogisticScorer.features(w, k)))));
        }
        JavaRDD<Tuple2<Object, Vector>> data = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, 1);
        // miniBatchFraction 1 (every row), no regularisation, convergence tolerance 0: always the same number of steps.
        Tuple2<Vector, double[]> result = GradientDescent.runMiniBatchSGD(data.rdd(), new LogisticGradient(),
                new SimpleUpdater(), stepSize, iterations, 0.0, 1.0, Vectors.dense(weights), 0.0);
        weights = result._1().toArray();
        lastWindow = window.index();
        current = null;
    }

    /** The newest window whose labels the learner has taken. */
    public int lastWindow() {
        return lastWindow;
    }

    private double[] standardised(double[] x) {
        double[] z = new double[x.length + 1];
        z[0] = 1;
        for (int j = 0; j < x.length; j++) {
            z[j + 1] = (x[j] - mean[j]) / std[j];
        }
        return z;
    }

    /** The current weights as a model: back on the raw features, packaged as a Spark pipeline. */
    public TrainedModel model() {
        if (current != null) {
            return current;
        }
        int f = LogisticScorer.FEATURES.size();
        double[] c = new double[f];
        double b = weights[0];
        for (int j = 0; j < f; j++) {
            c[j] = weights[j + 1] / std[j];
            b -= c[j] * mean[j];
        }
        LogisticScorer scorer = new LogisticScorer(b, c);
        current = new TrainedModel("online-w" + lastWindow, "online", firstWindow, lastWindow, scorer, pipeline(spark, scorer));
        return current;
    }

    /**
     * The weights as a Spark ML PipelineModel with one SQLTransformer stage that computes the
     * logistic score, so the online model is logged, registered and loaded like any Spark model
     * (by Spark and by MLflow's spark flavor alike). Output columns: {@code probability_churn} and
     * {@code prediction}. No Spark job: a pipeline of transformers only fits without reading data.
     */
    public static PipelineModel pipeline(SparkSession spark, LogisticScorer scorer) {
        StringBuilder z = new StringBuilder(literal(scorer.intercept()));
        double[] c = scorer.coefficients();
        String[] terms = {"tenure", "charges", "device_age", "CASE WHEN plan = 'basic' THEN 1.0D ELSE 0.0D END",
            "CASE WHEN plan = 'pro' THEN 1.0D ELSE 0.0D END"};
        for (int j = 0; j < c.length; j++) {
            z.append(" + ").append(literal(c[j])).append(" * ").append(terms[j]);
        }
        String statement = "SELECT *, 1.0D / (1.0D + EXP(-(" + z + "))) AS probability_churn, CASE WHEN " + z
                + " >= 0.0D THEN 1.0D ELSE 0.0D END AS prediction FROM __THIS__";
        SQLTransformer stage = new SQLTransformer().setStatement(statement);
        return new Pipeline().setStages(new PipelineStage[] {stage})
                .fit(spark.createDataFrame(List.<org.apache.spark.sql.Row>of(), ChurnFrames.INPUTS));
    }

    /** A double as a Spark SQL DOUBLE literal that parses back to the same value. */
    private static String literal(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalStateException("the online learner diverged: weight " + v + "; lower --online-step");
        }
        return "(" + Double.toString(v) + "D)";
    }
}
