package dev.mlsandbox.drift;

import java.util.HashMap;
import java.util.LinkedHashMap;
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
        return countAll(values).buckets();
    }

    /**
     * Counts per bucket and, for the last (unseen) bucket, per unseen category.
     *
     * @param buckets counts per bucket, the unseen bucket last
     * @param unseen  counts per category the reference did not have
     */
    public record Counts(long[] buckets, Map<String, Long> unseen) {
    }

    /** Counts the values into the buckets, remembering which unseen categories filled the last one. */
    public Counts countAll(String[] values) {
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < categories.size(); k++) {
            index.put(categories.get(k), k);
        }
        long[] counts = new long[size()];
        Map<String, Long> unseen = new LinkedHashMap<>();
        for (String v : values) {
            Integer k = index.get(v);
            if (k == null) {
                unseen.merge(v, 1L, Long::sum);
                counts[categories.size()]++;
            } else {
                counts[k]++;
            }
        }
        return new Counts(counts, unseen);
    }

    /** Label of bucket k. */
    public String label(int k) {
        return k < categories.size() ? categories.get(k) : UNSEEN;
    }
}
