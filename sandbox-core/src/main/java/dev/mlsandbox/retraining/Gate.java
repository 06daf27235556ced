package dev.mlsandbox.retraining;

import java.util.Locale;

/**
 * The validation gate: champion and challenger are scored on the same held-out rows (the newest
 * labelled window, which the challenger did not train on) and the challenger is promoted only if
 * it beats the champion by at least {@code minImprovement} on {@code metric}. Databricks' MLOps
 * workflow describes the same step: "confirm that it performs at least as well as the current
 * production model" before the Challenger replaces the Champion alias.
 *
 * @param metric         what is compared (log loss by default: it sees calibration, which AUC ignores)
 * @param minImprovement how much better the challenger must be (0 = at least as good)
 */
public record Gate(Quality.Metric metric, double minImprovement) {

    public Gate {
        if (metric == null) {
            throw new IllegalArgumentException("the gate needs a metric (areaUnderROC, accuracy or logLoss)");
        }
        if (!(minImprovement >= 0) || !Double.isFinite(minImprovement)) {
            throw new IllegalArgumentException("the gate's minimum improvement must be >= 0, got " + minImprovement);
        }
    }

    /** A verdict with the two measured values. */
    public record Verdict(boolean passed, double challenger, double champion, String reason) {
    }

    /** Compares the two models' qualities on the held-out rows. */
    public Verdict judge(Quality challenger, Quality champion) {
        double c = challenger.get(metric);
        double m = champion.get(metric);
        boolean passed = !Double.isNaN(c) && (Double.isNaN(m) || metric.improvement(c, m) >= minImprovement);
        String cmp = metric.higherIsBetter() ? (passed ? ">=" : "<") : (passed ? "<=" : ">");
        String reason = String.format(Locale.ROOT, "challenger %s %.4f %s champion %.4f %s %.4f: %s", metric.id(), c, cmp,
                m, metric.higherIsBetter() ? "+" : "-", minImprovement, passed ? "promoted" : "refused, champion stays");
        return new Verdict(passed, c, m, reason);
    }

    public String describe() {
        return "challenger's " + metric.id() + " at least " + minImprovement + " better than the champion's on the newest"
                + " labelled window";
    }
}
