package dev.mlsandbox.drift;

import java.util.Arrays;

/**
 * Numeric bins fitted once on the reference: the interior edges are the reference quantiles at
 * 1/B, 2/B, ... (B-1)/B with numpy's default linear interpolation, duplicates removed (heavily
 * tied data yields fewer bins). The outer bins are open: values below the first edge or above
 * the last, including values outside the reference range, land in the edge bins.
 * A value equal to an edge goes to the bin on its right ({@code numpy.searchsorted(side='right')}).
 *
 * @param requested the number of bins asked for
 * @param edges     the strictly increasing interior edges; {@code edges.length + 1} bins
 */
public record QuantileBins(int requested, double[] edges) {
    public QuantileBins {
        if (requested < 1) {
            throw new IllegalArgumentException("bins must be at least 1, got " + requested);
        }
        edges = edges.clone();
        for (int k = 1; k < edges.length; k++) {
            if (!(edges[k] > edges[k - 1])) {
                throw new IllegalArgumentException("bin edges must be strictly increasing: " + Arrays.toString(edges));
            }
        }
    }

    /** Fits bins on a sorted reference sample. */
    public static QuantileBins fitSorted(double[] sortedRef, int bins) {
        if (sortedRef.length == 0) {
            throw new IllegalArgumentException("cannot fit bins on an empty reference column");
        }
        double[] raw = new double[bins - 1];
        for (int k = 1; k < bins; k++) {
            raw[k - 1] = quantileSorted(sortedRef, (double) k / bins);
        }
        return new QuantileBins(bins, Arrays.stream(raw).distinct().toArray());
    }

    /** numpy.quantile(x, p) with method='linear' on sorted x, including numpy's lerp rounding. */
    public static double quantileSorted(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double t = h - lo;
        double a = sorted[lo];
        double b = sorted[lo + 1];
        double diff = b - a;
        // numpy._lerp: a + diff*t, but b - diff*(1-t) when t >= 0.5 (keeps monotonicity).
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }

    /** Number of bins. */
    public int size() {
        return edges.length + 1;
    }

    /** The bin of one value. */
    public int binOf(double v) {
        int idx = Arrays.binarySearch(edges, v);
        return idx >= 0 ? idx + 1 : -idx - 1;
    }

    /** Counts per bin of a sorted sample: O(B log n). */
    public long[] countSorted(double[] sorted) {
        long[] counts = new long[size()];
        int prev = 0;
        for (int k = 0; k < edges.length; k++) {
            int below = lowerBound(sorted, edges[k]);
            counts[k] = below - prev;
            prev = below;
        }
        counts[edges.length] = sorted.length - prev;
        return counts;
    }

    @Override
    public double[] edges() {
        return edges.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuantileBins q && q.requested == requested && Arrays.equals(q.edges, edges);
    }

    @Override
    public int hashCode() {
        return 31 * requested + Arrays.hashCode(edges);
    }

    @Override
    public String toString() {
        return "QuantileBins[requested=" + requested + ", edges=" + Arrays.toString(edges) + "]";
    }

    private static int lowerBound(double[] sorted, double key) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
