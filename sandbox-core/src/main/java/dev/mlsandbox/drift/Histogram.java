package dev.mlsandbox.drift;

import java.util.List;

/**
 * Reference and current proportions over the same buckets, for charts and for the binned metrics.
 *
 * @param labels    one label per bucket
 * @param reference reference counts per bucket
 * @param current   current counts per bucket
 */
public record Histogram(List<String> labels, long[] reference, long[] current) {
    public Histogram {
        labels = List.copyOf(labels);
        reference = reference.clone();
        current = current.clone();
    }

    /** Reference proportions. */
    public double[] referenceShare() {
        return Distances.proportions(reference);
    }

    /** Current proportions. */
    public double[] currentShare() {
        return Distances.proportions(current);
    }
}
