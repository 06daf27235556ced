package dev.mlsandbox.drift;

import static dev.mlsandbox.drift.DriftTestData.lcg;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The evidently preset tests a numeric column with few values the way Evidently does
 * ({@code get_default_stattest}, {@code _get_column_type}); expected values from Evidently's own
 * functions on the same data, in src/test/python/drift_reference.py.
 */
class FewValuesTest {

    static double[] map(double[] x, DoubleUnaryOperator f) {
        return Arrays.stream(x).map(f).toArray();
    }

    static ColumnVerdict evidently(double[] ref, double[] cur, boolean integral) {
        DriftTable r = new DriftTable("memory", ref.length, List.of(new DataColumn.Numeric("n", ref, 0, integral)));
        DriftTable c = new DriftTable("memory", cur.length, List.of(new DataColumn.Numeric("n", cur, 0, integral)));
        return DriftEngine.builder().preset(DriftPreset.EVIDENTLY).build().compare(r, c).verdict().columns().get(0);
    }

    @Test
    void countsPerValueComeFromTheSortedSamplesAndStopAboveFive() {
        double[] ref = DriftTestData.sorted(new double[] {3, 1, 1, 2, -0.0, 0.0, 2});
        double[] cur = DriftTestData.sorted(new double[] {0.0, 1, 7, 8, 8, 3, 3, 3});
        FewValues f = FewValues.ofSorted(ref, cur);
        assertArrayEquals(new double[] {-0.0, 1, 2, 3}, f.values()); // -0.0 and 0.0: one value, as pandas counts
        assertArrayEquals(new long[] {2, 2, 2, 1}, f.reference());
        assertArrayEquals(new long[] {1, 1, 0, 3, 3}, f.current()); // last: 7, 8, 8
        assertEquals(2, f.currentOtherDistinct());
        assertEquals(6, f.pooledDistinct());
        assertEquals(List.of("0", "1", "2", "3", "other"), f.histogram().labels());
        assertNull(FewValues.ofSorted(new double[] {1, 2, 3, 4, 5, 6}, cur));
        double[] many = DriftTestData.sorted(lcg(5, 1000));
        assertEquals(FewValues.MAX + 1, FewValues.ofSorted(new double[] {0.5}, many).currentOtherDistinct());
    }

    @Test
    void threeValuesOnASmallReferenceGetChiSquare() {
        // few_small_chi: nunique 3, chisquare p 0.0005008894079061866
        ColumnVerdict v = evidently(map(lcg(31, 600), u -> Math.floor(u * 3) + 0.5),
                map(lcg(32, 400), u -> Math.floor(Math.pow(u, 1.3) * 3) + 0.5), false);
        assertEquals("chiSquare", v.test());
        assertEquals(0.0005008894079061866, v.value(), 0.0005008894079061866 * 1e-9);
        assertTrue(v.drifted());
        assertTrue(v.reason().startsWith("numeric with 3 distinct values in both samples (<= 5), tested as categorical"),
                v.reason());
    }

    @Test
    void aBinaryNumericColumnOnASmallReferenceGetsTheZTest() {
        // few_small_binary: z p 0.0046530444926029535
        ColumnVerdict v = evidently(map(lcg(33, 300), u -> u < 0.3 ? 1 : 0), map(lcg(34, 200), u -> u < 0.45 ? 1 : 0),
                false);
        assertEquals("zTest", v.test());
        assertEquals(0.0046530444926029535, v.value(), 0.0046530444926029535 * 1e-9);
    }

    @Test
    void fewValuesOnALargeReferenceGetJensenShannonOverTheValues() {
        // few_large_js: js 0.05666080620852989
        ColumnVerdict v = evidently(map(lcg(35, 2000), u -> Math.floor(u * 4)),
                map(lcg(36, 1500), u -> Math.floor(Math.pow(u, 1.2) * 4)), false);
        assertEquals("jensenShannon", v.test());
        assertEquals(0.05666080620852989, v.value(), 1e-12);
    }

    @Test
    void anIntegerColumnWithFiveReferenceValuesIsCategoricalEvenWhenTheCurrentDataAddsValues() {
        // integral_small: nunique 7; chisquare p (int64 -> categorical) 0.0; ks p (float64) 7.349911005207103e-24
        double[] ref = map(lcg(37, 800), u -> Math.floor(u * 5));
        double[] cur = map(lcg(38, 600), u -> Math.floor(u * 7));
        ColumnVerdict asInt = evidently(ref, cur, true);
        assertEquals("chiSquare", asInt.test());
        assertEquals(0.0, asInt.value());
        assertTrue(asInt.reason().startsWith("integer column with 5 distinct reference values (<= 5), typed categorical"));
        ColumnVerdict asFloat = evidently(ref, cur, false);
        assertEquals("ks", asFloat.test());
        // Heavy ties: the sandbox's exact p-value is conditional on them (docs/drift.md), scipy's is not.
        assertTrue(asFloat.value() < 1e-20, "p " + asFloat.value());
        // integral_large: js (int64) 0.3292889364940478 (one key per current value: the same JS as our one
        // 'other' bucket), wasserstein/std (float64) 0.6991217619252048
        double[] refL = map(lcg(39, 3000), u -> Math.floor(u * 5));
        double[] curL = map(lcg(40, 2000), u -> Math.floor(u * 7));
        ColumnVerdict largeInt = evidently(refL, curL, true);
        assertEquals("jensenShannon", largeInt.test());
        assertEquals(0.3292889364940478, largeInt.value(), 1e-12);
        ColumnVerdict largeFloat = evidently(refL, curL, false);
        assertEquals("wassersteinNormalized", largeFloat.test());
        assertEquals(0.6991217619252048, largeFloat.value(), 1e-12);
    }

    @Test
    void sixReferenceValuesStayNumeric() {
        ColumnVerdict v = evidently(map(lcg(41, 500), u -> Math.floor(u * 6)), map(lcg(42, 500), u -> Math.floor(u * 6)),
                true);
        assertEquals("ks", v.test());
    }

    @Test
    void otherPresetsKeepTheirNumericTests() {
        DriftTable r = DriftTable.builder().numeric("n", map(lcg(31, 600), u -> Math.floor(u * 3))).build();
        DriftTable c = DriftTable.builder().numeric("n", map(lcg(32, 400), u -> Math.floor(u * 3))).build();
        assertEquals("ks", DriftEngine.defaults().compare(r, c).verdict().columns().get(0).test());
        assertEquals("psi", DriftEngine.builder().preset(DriftPreset.LAKEHOUSE).build().compare(r, c).verdict().columns()
                .get(0).test());
    }
}
