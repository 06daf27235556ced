package dev.mlsandbox.retraining;

import dev.mlsandbox.drift.lab.ChurnModel;

/**
 * A model's quality on one window: what Spark's evaluators report (areaUnderROC, accuracy at the
 * 0.5 threshold, logLoss with eps 1e-15), computed on the driver from the scores.
 *
 * @param auc      area under the ROC curve: ranking only, blind to a change in the churn rate
 * @param accuracy share of rows classified right at the 0.5 threshold
 * @param logLoss  mean negative log-likelihood: ranking and calibration
 */
public record Quality(double auc, double accuracy, double logLoss) {

    private static final double EPS = 1e-15;

    public static Quality of(double[] score, int[] label) {
        if (score.length != label.length) {
            throw new IllegalArgumentException(score.length + " scores but " + label.length + " labels");
        }
        return new Quality(ChurnModel.auc(score, label), ChurnModel.accuracy(score, label), logLoss(score, label));
    }

    public static double logLoss(double[] score, int[] label) {
        double sum = 0;
        for (int k = 0; k < score.length; k++) {
            double p = label[k] == 1 ? score[k] : 1 - score[k];
            sum -= Math.log(Math.max(p, EPS));
        }
        return sum / score.length;
    }

    /** One of the three, by the metric's name. */
    public double get(Metric metric) {
        return switch (metric) {
            case AUC -> auc;
            case ACCURACY -> accuracy;
            case LOG_LOSS -> logLoss;
        };
    }

    /** The three metrics, with Spark's evaluator names and which way is better. */
    public enum Metric {
        AUC("areaUnderROC", true),
        ACCURACY("accuracy", true),
        LOG_LOSS("logLoss", false);

        private final String id;
        private final boolean higherIsBetter;

        Metric(String id, boolean higherIsBetter) {
            this.id = id;
            this.higherIsBetter = higherIsBetter;
        }

        public String id() {
            return id;
        }

        public boolean higherIsBetter() {
            return higherIsBetter;
        }

        /** How much better {@code a} is than {@code b} (negative when worse). */
        public double improvement(double a, double b) {
            return higherIsBetter ? a - b : b - a;
        }

        public static Metric byName(String name) {
            for (Metric m : values()) {
                if (m.id.equalsIgnoreCase(name) || m.name().equalsIgnoreCase(name)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown metric '" + name + "'; use areaUnderROC, accuracy or logLoss");
        }
    }
}
