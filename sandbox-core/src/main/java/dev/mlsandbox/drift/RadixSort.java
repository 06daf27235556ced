package dev.mlsandbox.drift;

import java.util.Arrays;

/**
 * A least-significant-digit radix sort for doubles: each value's bits are mapped to a 64-bit key
 * whose unsigned order is the doubles' order (flip the sign bit of a positive value, every bit of a
 * negative one), then the keys are distributed by 11-bit digits, six stable passes at most; a
 * digit that every key shares is skipped (the high digits of data with one sign and a narrow range
 * of exponents). O(n) instead of O(n log n): on JDK 17 about three times faster than
 * {@link Arrays#sort(double[])} on a million values (docs/benchmarks.md). The order is exactly the
 * JDK's: -0.0 before 0.0; NaN is never passed (drift columns hold none).
 */
public final class RadixSort {
    /** Below this, {@link Arrays#sort(double[])} is faster than six counting passes. */
    static final int MIN_LENGTH = 4096;
    private static final int BITS = 11;
    private static final int RADIX = 1 << BITS;
    private static final int PASSES = (64 + BITS - 1) / BITS;

    private RadixSort() {
    }

    /** A sorted copy; the input is left as it is. */
    public static double[] sortedCopy(double[] values) {
        int n = values.length;
        if (n < MIN_LENGTH) {
            double[] c = values.clone();
            Arrays.sort(c);
            return c;
        }
        long[] keys = new long[n];
        int[][] counts = new int[PASSES][RADIX];
        for (int i = 0; i < n; i++) {
            long bits = Double.doubleToRawLongBits(values[i]);
            long key = bits ^ (bits >> 63 | Long.MIN_VALUE);
            keys[i] = key;
            for (int d = 0; d < PASSES; d++) {
                counts[d][(int) (key >>> (d * BITS)) & (RADIX - 1)]++;
            }
        }
        long[] other = new long[n];
        for (int d = 0; d < PASSES; d++) {
            int shift = d * BITS;
            int[] count = counts[d];
            if (count[(int) (keys[0] >>> shift) & (RADIX - 1)] == n) {
                continue; // every key has this digit: the pass would not move anything
            }
            int sum = 0;
            for (int b = 0; b < RADIX; b++) {
                int c = count[b];
                count[b] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                long key = keys[i];
                other[count[(int) (key >>> shift) & (RADIX - 1)]++] = key;
            }
            long[] t = keys;
            keys = other;
            other = t;
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            long key = keys[i];
            out[i] = Double.longBitsToDouble(key ^ (~key >> 63 | Long.MIN_VALUE));
        }
        return out;
    }
}
