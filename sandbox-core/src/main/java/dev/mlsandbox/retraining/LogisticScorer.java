package dev.mlsandbox.retraining;

import java.util.Arrays;
import java.util.List;

import dev.mlsandbox.drift.lab.ChurnStream;

/**
 * A logistic model as numbers: P(churn) = 1 / (1 + exp(-(intercept + coefficients . x))) over the
 * features {@link #FEATURES}. Every strategy's model, batch or online, ends up as one of these, so
 * each window is scored on the driver with one dot product per row; the Spark models they come
 * from compute the same numbers ({@code RetrainingModelsTest} checks both against Spark's transform).
 *
 * @param intercept    the intercept
 * @param coefficients one per feature, in {@link #FEATURES} order
 */
public record LogisticScorer(double intercept, double[] coefficients) {

    /** The model's features: three numeric columns and the plan as two 0/1 columns ("plus" is the baseline). */
    public static final List<String> FEATURES = List.of("tenure", "charges", "device_age", "plan_basic", "plan_pro");

    public LogisticScorer {
        if (coefficients.length != FEATURES.size()) {
            throw new IllegalArgumentException("expected " + FEATURES.size() + " coefficients " + FEATURES + ", got "
                    + coefficients.length);
        }
        coefficients = coefficients.clone();
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** The feature vector of row {@code k}. */
    public static double[] features(ChurnStream.Window w, int k) {
        return new double[] {w.tenure()[k], w.charges()[k], w.deviceAge()[k], "basic".equals(w.plan()[k]) ? 1 : 0,
            "pro".equals(w.plan()[k]) ? 1 : 0};
    }

    /** P(churn) of every row. */
    public double[] score(ChurnStream.Window w) {
        double[] out = new double[w.size()];
        for (int k = 0; k < out.length; k++) {
            double[] x = features(w, k);
            double z = intercept;
            for (int j = 0; j < x.length; j++) {
                z += coefficients[j] * x[j];
            }
            out[k] = 1 / (1 + Math.exp(-z));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogisticScorer s && s.intercept == intercept && Arrays.equals(s.coefficients, coefficients);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(intercept) + Arrays.hashCode(coefficients);
    }

    @Override
    public String toString() {
        return "LogisticScorer[intercept=" + intercept + ", coefficients=" + Arrays.toString(coefficients) + "]";
    }
}
