package dev.mlsandbox.serving.endpoint;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Picks the served entity for each request by the route percentages, repeatably: the n-th request
 * an endpoint's config receives draws a uniform number from (seed, n) alone (SplitMix64's
 * finalizer over {@code seed + n * golden ratio}), so the same seed and the same request order
 * give the same assignment, and concurrent requests never share a generator. Thread-safe.
 */
public final class TrafficSplit {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final String[] names;
    private final int[] upper;
    private final long seed;
    private final AtomicLong next = new AtomicLong();

    public TrafficSplit(List<TrafficRoute> routes, long seed) {
        this.names = new String[routes.size()];
        this.upper = new int[routes.size()];
        int sum = 0;
        for (int i = 0; i < names.length; i++) {
            names[i] = routes.get(i).servedEntityName();
            sum += routes.get(i).trafficPercentage();
            upper[i] = sum;
        }
        this.seed = seed;
    }

    /** The served entity name for the next request. */
    public String next() {
        return pick(next.getAndIncrement());
    }

    /** The served entity name for request number {@code n} (0-based). */
    public String pick(long n) {
        int u = (int) Long.remainderUnsigned(mix(seed + n * GOLDEN), 100);
        for (int i = 0; i < upper.length; i++) {
            if (u < upper[i]) {
                return names[i];
            }
        }
        return names[names.length - 1];
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
