package dev.mlsandbox.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class MetricsTest {

    private static List<Metrics.Scored> scored(double[] labels, double[] probabilities) {
        List<Metrics.Scored> rows = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            rows.add(new Metrics.Scored(i, labels[i], probabilities[i], probabilities[i] > 0.5 ? 1 : 0));
        }
        return rows;
    }

    @Test
    void aucIsOneForAPerfectRankingAHalfForTiesAndCountsPairs() {
        assertEquals(1.0, Metrics.auc(scored(new double[]{0, 0, 1, 1}, new double[]{0.1, 0.2, 0.8, 0.9})));
        assertEquals(0.0, Metrics.auc(scored(new double[]{1, 1, 0, 0}, new double[]{0.1, 0.2, 0.8, 0.9})));
        assertEquals(0.5, Metrics.auc(scored(new double[]{0, 1, 0, 1}, new double[]{0.5, 0.5, 0.5, 0.5})));
        // Pairs (pos, neg): (0.4 vs 0.3) win, (0.4 vs 0.6) lose, (0.7 vs both) win: 3 of 4.
        assertEquals(0.75, Metrics.auc(scored(new double[]{0, 1, 0, 1}, new double[]{0.3, 0.4, 0.6, 0.7})));
        assertTrue(Double.isNaN(Metrics.auc(scored(new double[]{1, 1}, new double[]{0.2, 0.3}))));
    }

    @Test
    void logLossMatchesTheDefinitionAndIsClippedAtZeroProbability() {
        double expected = -(Math.log(0.8) + Math.log(0.6)) / 2;
        assertEquals(expected, Metrics.logLoss(scored(new double[]{1, 0}, new double[]{0.8, 0.4})), 1e-12);
        assertEquals(-Math.log(1e-15), Metrics.logLoss(scored(new double[]{1}, new double[]{0.0})), 1e-9);
    }
}
