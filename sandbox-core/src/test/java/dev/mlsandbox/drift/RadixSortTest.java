package dev.mlsandbox.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The radix sort against the JDK's sort, bit for bit. */
class RadixSortTest {

    static void assertSortsLikeTheJdk(double[] values) {
        double[] expected = values.clone();
        Arrays.sort(expected);
        double[] copy = values.clone();
        double[] actual = RadixSort.sortedCopy(values);
        assertArrayEquals(copy, values, 0.0); // input untouched
        for (int k = 0; k < expected.length; k++) {
            if (Double.doubleToRawLongBits(expected[k]) != Double.doubleToRawLongBits(actual[k])) {
                throw new AssertionError("index " + k + ": " + expected[k] + " vs " + actual[k]);
            }
        }
    }

    @Test
    void sortsLikeTheJdkOnEveryKindOfColumn() {
        Random rnd = new Random(11);
        int n = 50_000;
        double[][] cases = new double[9][n];
        for (int k = 0; k < n; k++) {
            double g = rnd.nextGaussian();
            cases[0][k] = g;                                  // both signs
            cases[1][k] = Math.exp(g);                        // positive, many exponents
            cases[2][k] = Math.rint(g * 100) / 100;           // heavy ties
            cases[3][k] = rnd.nextDouble();                   // one exponent range: high digits skipped
            cases[4][k] = -rnd.nextDouble() - 1;              // all negative
            cases[5][k] = k % 3 == 0 ? -0.0 : k % 3 == 1 ? 0.0 : g; // both zeros: -0.0 first, as the JDK
            cases[6][k] = g * Double.MIN_VALUE * 1e3;         // subnormals
            cases[7][k] = k % 2 == 0 ? Double.MAX_VALUE * Math.signum(g) : -Double.MIN_VALUE;
            cases[8][k] = 42.0;                               // one value: every pass skipped
        }
        for (double[] c : cases) {
            assertSortsLikeTheJdk(c);
        }
        assertSortsLikeTheJdk(new double[0]);
        assertSortsLikeTheJdk(new double[] {3, -1, 2});
        assertSortsLikeTheJdk(Arrays.copyOf(cases[0], RadixSort.MIN_LENGTH)); // the smallest radix-sorted size
    }
}
