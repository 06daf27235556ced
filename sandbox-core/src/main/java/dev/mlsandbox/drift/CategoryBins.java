package dev.mlsandbox.drift;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Categorical bins fitted on the reference: one bucket per reference category (in the order
 * given) plus a final bucket, {@value #UNSEEN}, for every category the reference did not have.
 *
 * @param categories the reference categories
 */
public record CategoryBins(List<String> categories) {
    /** Name of the bucket that collects categories unseen in the reference. */
    public static final String UNSEEN = "__unseen__";

    public CategoryBins {
        categories = List.copyOf(categories);
    }

    /** Buckets: the categories, then the unseen bucket. */
    public int size() {
        return categories.size() + 1;
    }

    /** Counts per bucket; the last entry counts unseen categories. */
    public long[] count(String[] values) {
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < categories.size(); k++) {
            index.put(categories.get(k), k);
        }
        long[] counts = new long[size()];
        for (String v : values) {
            counts[index.getOrDefault(v, categories.size())]++;
        }
        return counts;
    }

    /** Label of bucket k. */
    public String label(int k) {
        return k < categories.size() ? categories.get(k) : UNSEEN;
    }
}
