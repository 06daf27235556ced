package dev.mlsandbox.pipeline;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Area under the ROC curve and log loss of a few thousand collected predictions, computed on the
 * driver. They equal what Spark's BinaryClassificationEvaluator (areaUnderROC, when no binning is
 * needed) and MulticlassClassificationEvaluator (logLoss, eps 1e-15) report, without the several
 * Spark jobs each evaluator call costs.
 */
final class Metrics {

    private static final double EPS = 1e-15;

    private Metrics() {
    }

    /** One scored row: the 0/1 label and the predicted probability of class 1. */
    record Scored(long id, double label, double probability, double prediction) {
    }

    /** Mann-Whitney form of the ROC area: tied scores count one half. */
    static double auc(List<Scored> rows) {
        Scored[] sorted = rows.toArray(Scored[]::new);
        Arrays.sort(sorted, Comparator.comparingDouble(Scored::probability));
        double positiveRankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j + 1 < sorted.length && sorted[j + 1].probability() == sorted[i].probability()) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1.0;
            for (int k = i; k <= j; k++) {
                if (sorted[k].label() == 1.0) {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = sorted.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    static double logLoss(List<Scored> rows) {
        return rows.stream().mapToDouble(r -> -Math.log(Math.max(r.label() == 1.0 ? r.probability() : 1.0 - r.probability(), EPS)))
                .average().orElse(Double.NaN);
    }
}
