package dev.mlsandbox.drift;

import java.io.Serializable;

/**
 * Where the ECDF difference F_ref - F_cur is largest (direction 1) or smallest (-1), chosen as
 * scipy's {@code ks_2samp} chooses {@code statistic_location}: numpy's argmax of the float
 * differences {@code i/n - j/m} over {@code concatenate([ref, cur])}. Among equal differences the
 * smallest value of the reference wins, then the smallest value found only in the current sample.
 * Exact integer gaps decide first; the float only breaks ties between equal exact gaps, so values
 * whose differences round apart in the last bit resolve as numpy's do.
 *
 * <p>Offer the end of every tie block in ascending order of value. Partitions of a distributed
 * sort each fill one, in partition order, then {@link #mergeLater} them into the first.
 */
public final class GapExtreme implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int REF = 0;
    private static final int CUR_ONLY = 1;

    private final int direction;
    private final long[] exact = {Long.MIN_VALUE, Long.MIN_VALUE};
    private final double[] gap = {Double.NaN, Double.NaN};
    private final double[] at = {Double.NaN, Double.NaN};
    private final long[] refAt = new long[2];
    private final long[] curAt = new long[2];

    /** @param direction 1 for the largest difference, -1 for the smallest */
    public GapExtreme(int direction) {
        if (direction != 1 && direction != -1) {
            throw new IllegalArgumentException("direction must be 1 or -1, got " + direction);
        }
        this.direction = direction;
    }

    /**
     * A tie block ends at {@code value}: {@code i} reference and {@code j} current values are at or
     * below it, of {@code n} and {@code m}.
     *
     * @param inRef whether the value occurs in the reference sample
     */
    public void offer(double value, boolean inRef, long i, long j, long n, long m) {
        int part = inRef ? REF : CUR_ONLY;
        long e = direction * (i * m - j * n);
        if (e < exact[part]) {
            return;
        }
        double g = (double) i / n - (double) j / m;
        if (e > exact[part] || direction * g > direction * gap[part]) {
            exact[part] = e;
            gap[part] = g;
            at[part] = value;
            refAt[part] = i;
            curAt[part] = j;
        }
    }

    /** Takes in what a later stretch of the sorted values found (its values all above this one's). */
    public void mergeLater(GapExtreme later) {
        for (int part = REF; part <= CUR_ONLY; part++) {
            if (later.exact[part] > exact[part]
                    || (later.exact[part] == exact[part] && direction * later.gap[part] > direction * gap[part])) {
                exact[part] = later.exact[part];
                gap[part] = later.gap[part];
                at[part] = later.at[part];
                refAt[part] = later.refAt[part];
                curAt[part] = later.curAt[part];
            }
        }
    }

    private int winner() {
        if (exact[CUR_ONLY] == Long.MIN_VALUE) {
            return REF;
        }
        if (exact[REF] == Long.MIN_VALUE) {
            return CUR_ONLY;
        }
        boolean refWins = exact[REF] > exact[CUR_ONLY]
                || (exact[REF] == exact[CUR_ONLY] && direction * gap[REF] >= direction * gap[CUR_ONLY]);
        return refWins ? REF : CUR_ONLY;
    }

    /** F_ref - F_cur (as floats) at the chosen value; NaN when nothing was offered. */
    public double gap() {
        return gap[winner()];
    }

    /** The chosen value; NaN when nothing was offered. */
    public double at() {
        return at[winner()];
    }

    /** Reference values at or below {@link #at()}. */
    public long refAtOrBelow() {
        return refAt[winner()];
    }

    /** Current values at or below {@link #at()}. */
    public long curAtOrBelow() {
        return curAt[winner()];
    }

    /** 1 for the largest difference, -1 for the smallest: the KS sign when this one is chosen. */
    public int direction() {
        return direction;
    }

    /**
     * scipy's two-sided choice between the largest and the smallest difference: the smallest (sign
     * -1) only when its size is strictly larger.
     */
    public static GapExtreme chosen(GapExtreme highest, GapExtreme lowest) {
        return Math.min(Math.max(-lowest.gap(), 0.0), 1.0) > highest.gap() ? lowest : highest;
    }
}
