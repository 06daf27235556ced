package dev.mlsandbox.drift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A numeric column's counts per value, kept when the reference holds at most {@value #MAX}
 * distinct values: Evidently tests such a column as categorical (see {@link DriftPreset#EVIDENTLY}).
 *
 * @param values                the reference's distinct values, ascending
 * @param reference             reference count of each value
 * @param current               current count of each value, then one last entry: current values the
 *                              reference never had
 * @param currentOtherDistinct  how many different values that last entry holds, counted up to
 *                              {@value #MAX} + 1 (more than that is not needed to pick a test)
 */
public record FewValues(double[] values, long[] reference, long[] current, int currentOtherDistinct) {
    /** Evidently's bound ({@code NUMBER_UNIQUE_AS_CATEGORICAL} and {@code n_values <= 5}). */
    public static final int MAX = 5;

    public FewValues {
        values = values.clone();
        reference = reference.clone();
        current = current.clone();
    }

    /**
     * Counts the values of two sorted samples, or returns null when the reference has more than
     * {@value #MAX} distinct values. O(log n) per distinct value: runs are skipped by binary search.
     */
    public static FewValues ofSorted(double[] ref, double[] cur) {
        double[] vals = new double[MAX + 1];
        long[] rc = new long[MAX];
        int k = 0;
        for (int i = 0; i < ref.length; k++) {
            if (k == MAX) {
                return null;
            }
            int end = upperBound(ref, ref[i], i);
            vals[k] = ref[i];
            rc[k] = end - i;
            i = end;
        }
        long[] cc = new long[k + 1];
        long seen = 0;
        for (int v = 0; v < k; v++) {
            cc[v] = upperBound(cur, vals[v], 0) - lowerBound(cur, vals[v]);
            seen += cc[v];
        }
        cc[k] = cur.length - seen;
        int other = 0;
        for (int i = 0; i < cur.length && other <= MAX; ) {
            int end = upperBound(cur, cur[i], i);
            if (!contains(vals, k, cur[i])) {
                other++;
            }
            i = end;
        }
        return new FewValues(Arrays.copyOf(vals, k), Arrays.copyOf(rc, k), cc, other);
    }

    /** Distinct values over both samples, counted up to {@value #MAX} + 1 more than the reference's. */
    public int pooledDistinct() {
        return values.length + currentOtherDistinct;
    }

    /** The counts as a histogram over the reference's values, plus one bucket for the others. */
    public Histogram histogram() {
        List<String> labels = new ArrayList<>();
        for (double v : values) {
            labels.add(label(v));
        }
        labels.add("other");
        return new Histogram(labels, Arrays.copyOf(reference, reference.length + 1), current);
    }

    /** A value as a label: integers without a decimal point. */
    static String label(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    // == makes -0.0 and 0.0 one value, as pandas' nunique does.
    private static boolean contains(double[] vals, int k, double v) {
        for (int j = 0; j < k; j++) {
            if (vals[j] == v) {
                return true;
            }
        }
        return false;
    }

    private static int upperBound(double[] a, double key, int from) {
        int lo = from;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int lowerBound(double[] a, double key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FewValues f && Arrays.equals(f.values, values) && Arrays.equals(f.reference, reference)
                && Arrays.equals(f.current, current) && f.currentOtherDistinct == currentOtherDistinct;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + Arrays.hashCode(current);
    }

    @Override
    public String toString() {
        return "FewValues[values=" + Arrays.toString(values) + ", reference=" + Arrays.toString(reference)
                + ", current=" + Arrays.toString(current) + ", currentOtherDistinct=" + currentOtherDistinct + "]";
    }
}
