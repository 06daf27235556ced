package dev.mlsandbox.drift;

import static dev.mlsandbox.drift.DriftTestData.lcg;
import static dev.mlsandbox.drift.DriftTestData.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Expected values come from scipy 1.10.1 (Debian python3-scipy), printed by
 * src/test/python/drift_reference.py; the call is shown above each case.
 */
class KolmogorovSmirnovTest {

    private static KsResult ks(double[] x, double[] y) {
        return KolmogorovSmirnov.testSorted(sorted(x), sorted(y));
    }

    private static void assertRel(double expected, double actual, double rel) {
        assertEquals(expected, actual, Math.abs(expected) * rel, "expected " + expected + " got " + actual);
    }

    @Test
    void smallExactNoTies() {
        // stats.ks_2samp([0.61,0.29,0.06,0.59,-1.73,-0.74,0.51,-0.56],
        //                [0.39,1.64,0.05,-0.06,0.64,-0.82,0.37,1.77,1.09,-1.28]) -> (0.4, 0.39174550939256825)
        KsResult r = ks(new double[] {0.61, 0.29, 0.06, 0.59, -1.73, -0.74, 0.51, -0.56},
                new double[] {0.39, 1.64, 0.05, -0.06, 0.64, -0.82, 0.37, 1.77, 1.09, -1.28});
        assertEquals(0.4, r.statistic(), 1e-9);
        assertRel(0.39174550939256825, r.pValue(), 1e-3);
        assertEquals("exact", r.method());
        assertFalse(r.ties());
    }

    @Test
    void tiesStatisticMatchesScipyAndPValueIsTheExactPermutationOne() {
        double[] x = {1, 2, 2, 3, 3, 3, 4, 5};
        double[] y = {2, 3, 3, 4, 4, 5, 6};
        KsResult r = ks(x, y);
        // stats.ks_2samp(x, y).statistic -> 0.32142857142857145 (scipy p 0.7357 ignores ties)
        assertEquals(0.32142857142857145, r.statistic(), 1e-9);
        // Brute force over all C(15,8)=6435 relabellings of the pooled values:
        // share with ks_2samp(...).statistic >= observed -> 0.4405594405594406 (= 2835/6435)
        assertEquals(0.4405594405594406, r.pValue(), 1e-12);
        assertEquals("exact-ties", r.method());
        assertTrue(r.ties());
    }

    @Test
    void tiesAcrossAndWithinSamples() {
        double[] x = {0, 0, 0, 1, 1, 2, 2, 2, 3};
        double[] y = {1, 2, 2, 3, 3, 3, 3, 4};
        KsResult r = ks(x, y);
        // ks_2samp statistic 0.5138888888888888; brute-force permutation p over C(17,9)=24310: 0.09378856437679967
        assertEquals(0.5138888888888888, r.statistic(), 1e-9);
        assertEquals(0.09378856437679967, r.pValue(), 1e-12);
    }

    @Test
    void exactUnequalSizes() {
        // ks_2samp(lcg(1,300), lcg(2,200,shift=0.1)) -> (0.15, 0.008336939675395796)
        KsResult r = ks(lcg(1, 300), lcg(2, 200, 1.0, 0.1));
        assertEquals(0.15, r.statistic(), 1e-9);
        assertRel(0.008336939675395796, r.pValue(), 1e-3);
    }

    @Test
    void exactEqualSizes() {
        // ks_2samp(lcg(3,500), lcg(4,500,shift=0.07)) -> (0.102, 0.010968966298223139)
        KsResult r = ks(lcg(3, 500), lcg(4, 500, 1.0, 0.07));
        assertEquals(0.102, r.statistic(), 1e-9);
        assertRel(0.010968966298223139, r.pValue(), 1e-3);
    }

    @Test
    void exactTinyPValueKeepsRelativePrecision() {
        // ks_2samp(lcg(5,1000), lcg(6,800,shift=0.3)) -> (0.3505, 5.962214687701486e-49)
        KsResult r = ks(lcg(5, 1000), lcg(6, 800, 1.0, 0.3));
        assertEquals(0.3505, r.statistic(), 1e-9);
        assertRel(5.962214687701486e-49, r.pValue(), 1e-3);
    }

    @Test
    void exactAtScipysLimitOfTenThousand() {
        // max(n,m) <= 10000 is exact in scipy: ks_2samp(lcg(7,10000), lcg(8,10000,shift=0.02))
        // -> (0.0274, 0.0010971745502738898)
        KsResult r = ks(lcg(7, 10000), lcg(8, 10000, 1.0, 0.02));
        assertEquals("exact", r.method());
        assertEquals(0.0274, r.statistic(), 1e-9);
        assertRel(0.0010971745502738898, r.pValue(), 1e-3);
    }

    @Test
    void asymptoticLarge() {
        // ks_2samp(lcg(9,20000), lcg(10,15000,shift=0.02)) -> (0.024583333333333346, 6.227386391080424e-05)
        KsResult r = ks(lcg(9, 20000), lcg(10, 15000, 1.0, 0.02));
        assertEquals("asymptotic", r.method());
        assertEquals(0.024583333333333346, r.statistic(), 1e-9);
        assertRel(6.227386391080424e-05, r.pValue(), 1e-3);
    }

    @Test
    void asymptoticFarTail() {
        // ks_2samp(lcg(11,30000), lcg(12,30000,scale=1.1)) -> (0.08979999999999999, 1.052914675489957e-105)
        KsResult r = ks(lcg(11, 30000), lcg(12, 30000, 1.1, 0.0));
        assertEquals(0.08979999999999999, r.statistic(), 1e-9);
        assertRel(1.052914675489957e-105, r.pValue(), 1e-3);
    }

    @Test
    void asymptoticVeryUnequalSizes() {
        // ks_2samp(lcg(13,12000), lcg(14,30,shift=0.5)) -> (0.6188333333333333, 1.3365621700024714e-11)
        KsResult r = ks(lcg(13, 12000), lcg(14, 30, 1.0, 0.5));
        assertEquals(0.6188333333333333, r.statistic(), 1e-9);
        assertRel(1.3365621700024714e-11, r.pValue(), 1e-3);
    }

    @Test
    void identicalSamplesGiveZeroAndOne() {
        double[] x = lcg(1, 50);
        KsResult r = ks(x, x);
        assertEquals(0.0, r.statistic());
        assertEquals(1.0, r.pValue());
    }

    @Test
    void noTiesRecursionAgreesWithTheFullGridOne() {
        // Two independent code paths of this class: the banded recursion and the full-grid one
        // (which with every point checked is the same distribution) must agree.
        for (long dInt : new long[] {40, 77, 150, 300}) {
            double banded = KolmogorovSmirnov.exactP(20, 15, dInt);
            double[] a = sorted(lcg(31, 20));
            double[] b = sorted(lcg(32, 15));
            double full = KolmogorovSmirnov.exactTiesP(a, b, dInt);
            assertEquals(banded, full, 1e-12 * Math.max(1e-300, banded) + 1e-300);
        }
    }

    @Test
    void locationAndSignAsScipy() {
        // scipy 1.17.1 ks_2samp(x, y) -> (statistic_location, statistic_sign); drift_reference.py prints them.
        double[] small = {0.61, 0.29, 0.06, 0.59, -1.73, -0.74, 0.51, -0.56};
        double[] smallY = {0.39, 1.64, 0.05, -0.06, 0.64, -0.82, 0.37, 1.77, 1.09, -1.28};
        assertLocation(0.61, 1, ks(small, smallY));
        // swapped: 0.61 is now a value of the current sample, and the sign flips
        assertLocation(0.61, -1, ks(smallY, small));
        assertLocation(3.0, 1, ks(new double[] {1, 2, 2, 3, 3, 3, 4, 5}, new double[] {2, 3, 3, 4, 4, 5, 6}));
        assertLocation(2.0, 1, ks(new double[] {0, 0, 0, 1, 1, 2, 2, 2, 3}, new double[] {1, 2, 2, 3, 3, 3, 3, 4}));
        // equal gaps at 1 and 3 (both reference values): the first wins; a tie between the largest
        // and the smallest difference goes to the largest
        assertLocation(1.0, 1, ks(new double[] {1, 2, 3, 4}, new double[] {1.5, 3.5}));
        assertLocation(4.0, 1, ks(new double[] {2, 4}, new double[] {1, 3, 5, 6}));
        assertLocation(1.0, 1, ks(new double[] {1, 2, 3}, new double[] {3, 2, 1}));
        assertLocation(0.6266391400247813, -1, ks(lcg(31, 400), lcg(32, 300, 1.0, -0.2)));
        assertLocation(3.0, 1, ks(DriftTestData.floor(lcg(27, 1000, 4.0, 0.0)), DriftTestData.floor(lcg(28, 700, 5.0, 0.0))));
        assertLocation(0.6840055529028177, 1, ks(lcg(1, 300), lcg(2, 200, 1.0, 0.1)));
        assertLocation(0.15626125829294324, 1, ks(lcg(3, 500), lcg(4, 500, 1.0, 0.07)));
        assertLocation(0.8681638455018401, 1, ks(lcg(5, 1000), lcg(6, 800, 1.0, 0.3)));
        assertLocation(0.5692749219015241, 1, ks(lcg(7, 10000), lcg(8, 10000, 1.0, 0.02)));
        assertLocation(0.14412785787135363, 1, ks(lcg(9, 20000), lcg(10, 15000, 1.0, 0.02)));
        assertLocation(0.9999785614199936, 1, ks(lcg(11, 30000), lcg(12, 30000, 1.1, 0.0)));
        assertLocation(0.7812643288634717, 1, ks(lcg(13, 12000), lcg(14, 30, 1.0, 0.5)));
    }

    private static void assertLocation(double location, int sign, KsResult r) {
        assertEquals(location, r.location(), 0.0, "location");
        assertEquals(sign, r.sign(), "sign");
    }
}
