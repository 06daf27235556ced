package dev.mlsandbox.drift;

import static dev.mlsandbox.drift.DriftTestData.floor;
import static dev.mlsandbox.drift.DriftTestData.lcg;
import static dev.mlsandbox.drift.DriftTestData.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mlsandbox.report.LineChart;

class EcdfTest {

    @Test
    void theGapAtDIsTheKsStatistic() {
        double[][][] pairs = {
                {sorted(lcg(1, 700)), sorted(lcg(2, 500, 1.0, 0.15))},
                // integer values: many ties, the gap is taken after each tied block
                {sorted(floor(lcg(3, 900, 20.0, 0.0))), sorted(floor(lcg(4, 400, 20.0, 2.0)))},
                {sorted(lcg(5, 3)), sorted(lcg(6, 1))}};
        for (double[][] p : pairs) {
            KsResult ks = KolmogorovSmirnov.testSorted(p[0], p[1]);
            Ecdf e = Ecdf.ofSorted(p[0], p[1], Ecdf.DEFAULT_POINTS, ks.location());
            assertEquals(ks.statistic(), Math.abs(e.gapAtD()), 1e-15);
            assertTrue(e.x().contains(e.dAt()));
        }
    }

    @Test
    void everyPointIsTheShareAtOrBelowIt() {
        double[] ref = sorted(floor(lcg(7, 1000, 50.0, 0.0)));
        double[] cur = sorted(lcg(8, 600, 50.0, 5.0));
        Ecdf e = Ecdf.ofSorted(ref, cur, 25, KolmogorovSmirnov.testSorted(ref, cur).location());
        for (int k = 0; k < e.x().size(); k++) {
            double x = e.x().get(k);
            assertEquals(Arrays.stream(ref).filter(v -> v <= x).count() / (double) ref.length, e.reference().get(k), 0.0);
            assertEquals(Arrays.stream(cur).filter(v -> v <= x).count() / (double) cur.length, e.current().get(k), 0.0);
            if (k > 0) {
                assertTrue(x > e.x().get(k - 1), "points ascend and are distinct");
            }
        }
        // Both samples' extremes are read, so each curve reaches 1 and starts at its first value.
        assertTrue(e.x().containsAll(List.of(ref[0], ref[ref.length - 1], cur[0], cur[cur.length - 1])));
        assertEquals(1.0, e.reference().get(e.x().size() - 1));
        assertEquals(1.0, e.current().get(e.x().size() - 1));
        assertTrue(e.x().size() <= 2 * 25 + 1);
        assertEquals(e.x().size(), e.reference().size());
    }

    @Test
    void refusesEmptySamplesAndTooFewPoints() {
        double[] some = {1.0, 2.0};
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Ecdf.ofSorted(new double[0], some, 10, 1.0))
                .getMessage().contains("reference 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Ecdf.ofSorted(some, some, 1, 1.0))
                .getMessage().contains("at least 2"));
    }

    @Test
    void theReportDrawsBothCurvesAndDWhereItOccurs() {
        double[] ref = sorted(lcg(9, 400));
        double[] cur = sorted(lcg(10, 300, 1.0, 0.2));
        NumericDrift n = NumericDrift.ofSorted("x", ref, cur, QuantileBins.fitSorted(ref, 10), 1e-4);
        LineChart chart = DriftResult.ecdfChart(n);
        assertEquals(List.of("reference", "current", "D"), chart.series().stream().map(LineChart.XYSeries::name).toList());
        assertTrue(chart.series().get(0).step() && chart.series().get(1).step());
        LineChart.XYSeries d = chart.series().get(2);
        assertEquals(List.of(n.ecdf().dAt(), n.ecdf().dAt()), d.x());
        assertEquals(n.ks().statistic(), Math.abs(d.y().get(0) - d.y().get(1)), 1e-15);
        assertTrue(chart.title().contains("KS D = "), chart.title());
    }
}
