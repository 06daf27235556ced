package dev.mlsandbox.tuning;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.sql.Dataset;

/**
 * What one tuning run did, recorded as it happened: every {@code fit}, and every metric with the
 * split and the param map it belongs to. Shared by a {@link CountingEstimator}, all of its copies
 * and a {@link RecordingEvaluator}; safe to call from Spark's tuning threads ({@code parallelism > 1}).
 *
 * <p>How a metric finds its param map: Spark's validators run {@code est.fit(train, paramMap)} and
 * then {@code eval.evaluate(model.transform(validation, paramMap))} inside one task, on one thread.
 * The estimator notes on its thread which training split and param map it just fitted; the
 * evaluator reads that note. A split is numbered by the order its training data set first
 * appears, which is the fold order: Spark finishes every param map of a fold before the next fold.
 * If a future Spark evaluated on another thread, {@link #evaluated} fails loudly instead of
 * pairing a metric with the wrong map.
 */
public final class FitRecorder {

    /** One measured metric: the split (fold) index, the param map's content, the value. */
    public record Observation(int split, ParamKey params, double metric) {
    }

    private record LastFit(int split, ParamKey params) {
    }

    private final AtomicInteger fits = new AtomicInteger();
    private final AtomicInteger fullDataFits = new AtomicInteger();
    private final Map<Object, Integer> splits = new IdentityHashMap<>();
    private final List<Observation> observations = new ArrayList<>();
    private final ThreadLocal<LastFit> lastFit = new ThreadLocal<>();
    private volatile Object fullData;

    /** The data set handed to the validator's {@code fit}: a fit on it is the final refit. */
    public void fullData(Dataset<?> dataset) {
        this.fullData = dataset;
    }

    void fitted(Dataset<?> trainingData, ParamKey params) {
        fits.incrementAndGet();
        if (trainingData == fullData) {
            fullDataFits.incrementAndGet();
            lastFit.remove();
            return;
        }
        int split;
        synchronized (splits) {
            split = splits.computeIfAbsent(trainingData, d -> splits.size());
        }
        lastFit.set(new LastFit(split, params));
    }

    void evaluated(double metric) {
        LastFit fit = lastFit.get();
        if (fit == null) {
            throw new IllegalStateException("a metric was evaluated on a thread that fitted no model first; "
                    + "this Spark version pairs fits and evaluations differently, so per-fold metrics cannot be "
                    + "attributed. Run the validator without the lab's instrumentation.");
        }
        lastFit.remove();
        synchronized (observations) {
            observations.add(new Observation(fit.split(), fit.params(), metric));
        }
    }

    /** Every real {@code fit} call so far, over all copies of the estimator. */
    public int fits() {
        return fits.get();
    }

    /** Fits on the whole data set handed to the validator: the refit of the best param map. */
    public int refits() {
        return fullDataFits.get();
    }

    /** Number of distinct training splits seen (k for CrossValidator, 1 for TrainValidationSplit). */
    public int splits() {
        synchronized (splits) {
            return splits.size();
        }
    }

    public List<Observation> observations() {
        synchronized (observations) {
            return List.copyOf(observations);
        }
    }
}
