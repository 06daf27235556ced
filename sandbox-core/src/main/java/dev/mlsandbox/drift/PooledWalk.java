package dev.mlsandbox.drift;

/**
 * Walks the distinct values of two sorted samples pooled together, in ascending order. After each
 * {@link #next()}, {@link #refAtOrBelow()} and {@link #curAtOrBelow()} count each sample's values
 * at or below {@link #value()}: the two ECDFs at that value, as integers, which is what the KS
 * statistic, its ties-aware p-value and the ECDF chart all read.
 */
final class PooledWalk {
    private final double[] ref;
    private final double[] cur;
    private int i;
    private int j;
    private double value = Double.NaN;
    private int block;
    private boolean inRef;

    /** Both samples sorted ascending and free of NaN; they are read, never copied. */
    PooledWalk(double[] ref, double[] cur) {
        this.ref = ref;
        this.cur = cur;
    }

    /** Steps past the next distinct value and all its copies in both samples; false at the end. */
    boolean next() {
        if (i >= ref.length && j >= cur.length) {
            return false;
        }
        value = i < ref.length && (j >= cur.length || ref[i] <= cur[j]) ? ref[i] : cur[j];
        int start = i + j;
        int refStart = i;
        while (i < ref.length && ref[i] == value) {
            i++;
        }
        inRef = i > refStart;
        while (j < cur.length && cur[j] == value) {
            j++;
        }
        block = i + j - start;
        return true;
    }

    double value() {
        return value;
    }

    int refAtOrBelow() {
        return i;
    }

    int curAtOrBelow() {
        return j;
    }

    /** Whether the value just passed occurs in the reference sample (else only in the current one). */
    boolean inRef() {
        return inRef;
    }

    /** Whether the value just passed occurs more than once in the pooled sample. */
    boolean tied() {
        return block > 1;
    }
}
