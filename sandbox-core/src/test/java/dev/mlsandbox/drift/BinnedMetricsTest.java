package dev.mlsandbox.drift;

import static dev.mlsandbox.drift.DriftTestData.lcg;
import static dev.mlsandbox.drift.DriftTestData.sorted;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * PSI, JS, TV, L-infinity and Wasserstein against numpy/scipy (src/test/python/drift_reference.py):
 * edges = np.unique(np.quantile(ref, np.arange(1, B) / B)); bins via
 * np.searchsorted(edges, v, side='right'); PSI = sum((c' - r') * log(c' / r')) with r', c' =
 * max(share, 1e-4); JS = scipy.spatial.distance.jensenshannon(r, c) (natural log).
 */
class BinnedMetricsTest {

    static NumericDrift drift(double[] ref, double[] cur, int bins) {
        double[] r = sorted(ref);
        double[] c = sorted(cur);
        return NumericDrift.ofSorted("x", r, c, QuantileBins.fitSorted(r, bins), Distances.DEFAULT_PSI_FLOOR);
    }

    @Test
    void psiWithDecileBinsAndAnEmptyBin() {
        NumericDrift d = drift(lcg(21, 1000), lcg(22, 800, 1.0, 0.1), 10);
        assertArrayEquals(new double[] {0.09606348699890077, 0.20964140463620423, 0.30321055222302673,
            0.4028653506189585, 0.4994986623059958, 0.5960020774975419, 0.6991565766278653, 0.7915082861669361,
            0.8911967363208533}, d.bins().edges(), 1e-15);
        assertArrayEquals(new double[] {0.0, 0.125, 0.08625, 0.09625, 0.11125, 0.09875, 0.1, 0.09875, 0.07875,
            0.205}, d.histogram().currentShare(), 1e-15);
        assertEquals(0.7795210102965058, d.psi(), 1e-12);
        assertEquals(0.21362683323614717, d.jensenShannon(), 1e-12);
        assertEquals(0.14125, d.totalVariation(), 1e-12);
        assertEquals(0.10499999999999998, d.lInfinity(), 1e-12);
        double[] rp = d.histogram().referenceShare();
        double[] cp = d.histogram().currentShare();
        // jensenshannon(r, c, base=2) -> 0.25659197651802235
        assertEquals(0.25659197651802235, Distances.jensenShannon(rp, cp, 2), 1e-12);
    }

    @Test
    void manyEmptyCurrentBins() {
        NumericDrift d = drift(lcg(23, 1000), lcg(24, 500, 0.25, 0.6), 10);
        assertEquals(5.714895160581685, d.psi(), 1e-11);
        assertEquals(0.5879438623817643, d.jensenShannon(), 1e-12);
        assertEquals(0.7000000000000001, d.totalVariation(), 1e-12);
        assertEquals(0.348, d.lInfinity(), 1e-12);
    }

    @Test
    void valuesOutsideTheReferenceRangeLandInTheEdgeBins() {
        NumericDrift d = drift(lcg(25, 1000), lcg(26, 400, 2.0, -0.5), 10);
        assertArrayEquals(new double[] {0.2775, 0.0675, 0.035, 0.06, 0.0425, 0.065, 0.05, 0.0625, 0.035, 0.305},
                d.histogram().currentShare(), 1e-15);
        assertEquals(0.6960140174699734, d.psi(), 1e-12);
        assertEquals(0.28912383445493556, d.jensenShannon(), 1e-12);
    }

    @Test
    void psiMovesWithTheBinCount() {
        NumericDrift d = drift(lcg(21, 1000), lcg(22, 800, 1.0, 0.1), 5);
        assertEquals(5, d.bins().size());
        assertEquals(0.06664219367632203, d.psi(), 1e-12);
        assertEquals(0.0909479600853116, d.jensenShannon(), 1e-12);
    }

    @Test
    void tiedReferenceCollapsesDuplicateEdges() {
        NumericDrift d = drift(DriftTestData.floor(lcg(27, 1000, 4.0, 0.0)),
                DriftTestData.floor(lcg(28, 700, 5.0, 0.0)), 10);
        assertArrayEquals(new double[] {0.0, 1.0, 2.0, 3.0}, d.bins().edges(), 0.0);
        assertEquals(0.09872680131967586, d.psi(), 1e-12);
        assertEquals(0.11072304243793131, d.jensenShannon(), 1e-12);
        assertEquals(0.1452857142857143, d.totalVariation(), 1e-12);
    }

    @Test
    void wassersteinRawAndNormalised() {
        // stats.wasserstein_distance(lcg(1,300), lcg(2,200,shift=0.1)) -> 0.10381104587887724; np.std -> 0.2784957546802687
        NumericDrift d = drift(lcg(1, 300), lcg(2, 200, 1.0, 0.1), 10);
        assertEquals(0.10381104587887724, d.wasserstein(), 1e-12);
        assertEquals(0.2784957546802687, d.referenceStd(), 1e-12);
        assertEquals(0.10381104587887724 / 0.2784957546802687, d.wassersteinNormalized(), 1e-12);
        // with ties: wasserstein_distance([1,2,2,3,3,3,4,5],[2,3,3,4,4,5,6]) -> 0.9821428571428572
        assertEquals(0.9821428571428572, NumericDrift.wassersteinSorted(new double[] {1, 2, 2, 3, 3, 3, 4, 5},
                new double[] {2, 3, 3, 4, 4, 5, 6}), 1e-12);
        // wasserstein_distance(lcg(20000 ...)) large: lcg(9,20000) vs lcg(10,15000,shift=0.02) -> 0.016874128326028602
        assertEquals(0.016874128326028602, NumericDrift.wassersteinSorted(sorted(lcg(9, 20000)),
                sorted(lcg(10, 15000, 1.0, 0.02))), 1e-12);
    }

    @Test
    void categoricalChiSquareAndDistances() {
        // stats.chisquare([45,35,20], [50,30,20]/100*100) -> (1.3333333333333335, 0.5134171190325921)
        ChiSquareResult a = ChiSquare.test(new long[] {50, 30, 20}, new long[] {45, 35, 20});
        assertEquals(1.3333333333333335, a.statistic(), 1e-12);
        assertEquals(0.5134171190325921, a.pValue(), 0.5134171190325921 * 1e-9);
        assertEquals(2, a.dof());
        // stats.chisquare([30,25,35], [50,30,20]/100*90) -> (21.203703703703706, 2.4869911669305937e-05)
        String[] ref = repeat(new String[] {"a", "b", "c"}, new int[] {50, 30, 20});
        String[] cur = repeat(new String[] {"c", "a", "b"}, new int[] {35, 30, 25});
        CategoricalDrift d = CategoricalDrift.of("plan", ref, cur, new CategoryBins(java.util.List.of("a", "b", "c")),
                Distances.DEFAULT_PSI_FLOOR);
        assertEquals(21.203703703703706, d.chiSquare().statistic(), 1e-11);
        assertEquals(2.4869911669305937e-05, d.pValue(), 2.4869911669305937e-05 * 1e-6);
        assertEquals(0.15498812658253688, d.jensenShannon(), 1e-12);
        assertEquals(0.18888888888888888, d.totalVariation(), 1e-12);
        assertEquals(0.18888888888888888, d.lInfinity(), 1e-12);
        assertEquals(0.1948943984997773, d.psi(), 1e-12);
        assertEquals(0, d.unseenCount());
    }

    @Test
    void unseenCategoryGetsItsOwnBucket() {
        String[] ref = repeat(new String[] {"a", "b", "c"}, new int[] {50, 30, 20});
        String[] cur = repeat(new String[] {"a", "b", "c", "d"}, new int[] {40, 30, 20, 10});
        CategoricalDrift d = CategoricalDrift.of("plan", ref, cur, new CategoryBins(java.util.List.of("a", "b", "c")),
                Distances.DEFAULT_PSI_FLOOR);
        assertEquals(10, d.unseenCount());
        // reference share 0 floored to 1e-4: psi -> 0.7123991075017365, js -> 0.19349646201204068
        assertEquals(0.7123991075017365, d.psi(), 1e-12);
        assertEquals(0.19349646201204068, d.jensenShannon(), 1e-12);
        assertEquals(0.09999999999999999, d.totalVariation(), 1e-12);
        // stats.chisquare([40,30,20,10], [50,30,20,0]) -> (inf, 0.0)
        assertEquals(Double.POSITIVE_INFINITY, d.chiSquare().statistic());
        assertEquals(0.0, d.pValue());
    }

    static String[] repeat(String[] values, int[] counts) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int k = 0; k < values.length; k++) {
            for (int c = 0; c < counts[k]; c++) {
                out.add(values[k]);
            }
        }
        return out.toArray(String[]::new);
    }
}
