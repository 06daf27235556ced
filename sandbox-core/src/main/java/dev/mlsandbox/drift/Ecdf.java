package dev.mlsandbox.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Both samples' empirical CDFs, read at a few hundred points of the pooled sample, and where they
 * are furthest apart: the picture behind the KS statistic. At {@link #dAt()} the vertical gap
 * between the two curves is D itself.
 *
 * <p>The curves are for charts: the points are each sample's quantiles at evenly spaced ranks (so
 * dense where the data is), plus the point of largest difference. F(x) is the share of the sample
 * at or below x, computed exactly at every point: a binary search per point, nothing against the
 * sort the samples already needed.
 *
 * @param x         points, ascending and distinct
 * @param reference F_ref at each point
 * @param current   F_cur at each point
 * @param dAt       where the KS statistic is attained ({@link KsResult#location()}); NaN when empty
 */
public record Ecdf(List<Double> x, List<Double> reference, List<Double> current, double dAt) {

    /** The default number of evenly spaced ranks read from each sample. */
    public static final int DEFAULT_POINTS = 201;

    /** No curves: one of the samples is empty. */
    public static final Ecdf NONE = new Ecdf(List.of(), List.of(), List.of(), Double.NaN);

    public Ecdf {
        x = List.copyOf(x);
        reference = List.copyOf(reference);
        current = List.copyOf(current);
        if (x.size() != reference.size() || x.size() != current.size()) {
            throw new IllegalArgumentException("ECDF needs one value per point in each curve: " + x.size() + " points, "
                    + reference.size() + " reference values, " + current.size() + " current values");
        }
    }

    public boolean isEmpty() {
        return x.isEmpty();
    }

    /** F_ref(dAt) - F_cur(dAt): the signed KS gap (its absolute value is D). */
    public double gapAtD() {
        return referenceAtD() - currentAtD();
    }

    /** F_ref at {@link #dAt()}; NaN when empty. */
    public double referenceAtD() {
        return atD(reference);
    }

    /** F_cur at {@link #dAt()}; NaN when empty. */
    public double currentAtD() {
        return atD(current);
    }

    private double atD(List<Double> curve) {
        int k = x.indexOf(dAt);
        return k < 0 ? Double.NaN : curve.get(k);
    }

    /**
     * Reads both ECDFs from samples sorted ascending, free of NaN, each with at least one value.
     *
     * @param points how many evenly spaced ranks to read from each sample (at least 2)
     * @param dAt    where the KS statistic is attained, added to the points
     */
    public static Ecdf ofSorted(double[] ref, double[] cur, int points, double dAt) {
        if (ref.length == 0 || cur.length == 0) {
            throw new IllegalArgumentException("an ECDF needs at least one value in each sample (reference "
                    + ref.length + ", current " + cur.length + ")");
        }
        if (points < 2) {
            throw new IllegalArgumentException("points must be at least 2, got " + points);
        }
        TreeSet<Double> grid = atRanks(ref, cur, points);
        grid.add(dAt);
        List<Point> counted = new ArrayList<>(grid.size());
        for (double v : grid) {
            counted.add(new Point(v, atOrBelow(ref, v), atOrBelow(cur, v)));
        }
        return ofCounts(counted, ref.length, cur.length, dAt);
    }

    /** A value and how many values of each sample are at or below it. */
    public record Point(double value, long refAtOrBelow, long curAtOrBelow) implements java.io.Serializable {
    }

    /**
     * The same curves from counts, for a producer that walked the sorted values without holding
     * them (the Spark path). Points may come in any order; one must be at {@code dAt}.
     *
     * @param n   reference size
     * @param m   current size
     * @param dAt where the KS statistic is attained
     */
    public static Ecdf ofCounts(List<Point> points, long n, long m, double dAt) {
        java.util.TreeMap<Double, Point> byValue = new java.util.TreeMap<>();
        points.forEach(p -> byValue.put(p.value(), p));
        if (!byValue.containsKey(dAt)) {
            throw new IllegalArgumentException("no point at the KS location " + dAt);
        }
        List<Double> x = new ArrayList<>(byValue.keySet());
        List<Double> f = new ArrayList<>(x.size());
        List<Double> g = new ArrayList<>(x.size());
        for (Point p : byValue.values()) {
            f.add((double) p.refAtOrBelow() / n);
            g.add((double) p.curAtOrBelow() / m);
        }
        return new Ecdf(x, f, g, dAt);
    }

    /**
     * Ranks (0-based, ascending) of {@code points} evenly spaced quantiles of a sample of
     * {@code size}: round(q (size - 1)) for q in [0, 1]. None for an empty sample.
     */
    public static long[] quantileRanks(int points, long size) {
        long[] ranks = new long[size == 0 ? 0 : points];
        for (int k = 0; k < ranks.length; k++) {
            ranks[k] = Math.round((double) k / (points - 1) * (size - 1));
        }
        return ranks;
    }

    /** Each sample's values at its {@link #quantileRanks}. */
    private static TreeSet<Double> atRanks(double[] ref, double[] cur, int points) {
        TreeSet<Double> values = new TreeSet<>();
        for (double[] sample : new double[][]{ref, cur}) {
            for (long rank : quantileRanks(points, sample.length)) {
                values.add(sample[(int) rank]);
            }
        }
        return values;
    }

    /** How many values of the sorted sample are at or below v. */
    private static int atOrBelow(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
