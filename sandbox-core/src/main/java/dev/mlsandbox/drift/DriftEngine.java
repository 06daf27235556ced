package dev.mlsandbox.drift;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import dev.mlsandbox.lab.Tasks;

/**
 * Compares a reference and a current table column by column: the Java entry point of the drift
 * engine. Work is split into one sort per column and side ({@link RadixSort}), run on
 * {@code threads} threads, then a linear pass per column; sorting is most of the cost (see
 * docs/benchmarks.md).
 *
 * <pre>{@code
 * DriftEngine engine = DriftEngine.builder().preset(DriftPreset.RIGOROUS).bins(10).build();
 * DriftResult r = engine.compare(reference, current);      // fits bins on the reference
 * r.bins().save(Path.of("bins.json"));                      // reuse them for every later window
 * DriftResult next = engine.compare(reference, window2, DriftBins.load(Path.of("bins.json")));
 * }</pre>
 */
public final class DriftEngine {
    /** Default number of quantile bins (the common decile choice). */
    public static final int DEFAULT_BINS = 10;

    private final int bins;
    private final double psiFloor;
    private final DriftPreset preset;
    private final int threads;

    private DriftEngine(Builder b) {
        this.bins = b.bins;
        this.psiFloor = b.psiFloor;
        this.preset = b.preset;
        this.threads = b.threads;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An engine with every default: rigorous preset, 10 bins, floor 1e-4, all cores. */
    public static DriftEngine defaults() {
        return builder().build();
    }

    public DriftPreset preset() {
        return preset;
    }

    public int bins() {
        return bins;
    }

    public double psiFloor() {
        return psiFloor;
    }

    /** Metrics of one numeric column from plain arrays (copied and sorted; inputs untouched). */
    public NumericDrift numeric(String name, double[] reference, double[] current) {
        double[] r = sortedCopy(reference);
        double[] c = sortedCopy(current);
        return NumericDrift.ofSorted(name, r, c, QuantileBins.fitSorted(r, bins), psiFloor);
    }

    /** Metrics of one categorical column from plain arrays, bins fitted on the reference. */
    public CategoricalDrift categorical(String name, String[] reference, String[] current) {
        return CategoricalDrift.of(name, reference, current, fitCategories(reference), psiFloor);
    }

    /** Fits bins on every column of the reference. */
    public DriftBins fit(DriftTable reference) {
        Map<String, QuantileBins> num = new LinkedHashMap<>();
        Map<String, CategoryBins> cat = new LinkedHashMap<>();
        for (DataColumn c : reference.columns()) {
            if (c instanceof DataColumn.Numeric n) {
                num.put(c.name(), QuantileBins.fitSorted(sortedCopy(n.values()), bins));
            } else if (c instanceof DataColumn.Categorical k) {
                cat.put(c.name(), fitCategories(k.values()));
            }
        }
        return new DriftBins(num, cat);
    }

    /** Compares all reference columns, fitting bins on the reference. */
    public DriftResult compare(DriftTable reference, DriftTable current) {
        return compare(reference, current, null);
    }

    /**
     * Compares all reference columns using saved bins (columns the bins do not cover are fitted).
     *
     * @throws DriftInputException if a column is missing on one side or typed differently
     */
    public DriftResult compare(DriftTable reference, DriftTable current, DriftBins saved) {
        long start = System.nanoTime();
        List<DataColumn[]> pairs = pair(reference, current);
        ExecutorService pool = Tasks.daemonPool(Math.min(threads, 2 * pairs.size()), "drift-engine");
        try {
            // Phase 1: every sort is its own task, so both cores stay busy even with one column.
            Map<String, Future<double[]>> sorts = new LinkedHashMap<>();
            for (DataColumn[] p : pairs) {
                if (p[0] instanceof DataColumn.Numeric r && p[1] instanceof DataColumn.Numeric c) {
                    sorts.put("r:" + r.name(), pool.submit(() -> sortedCopy(r.values())));
                    sorts.put("c:" + c.name(), pool.submit(() -> sortedCopy(c.values())));
                }
            }
            // Phase 2: one linear pass per column.
            List<Future<ColumnDrift>> results = new ArrayList<>();
            for (DataColumn[] p : pairs) {
                String name = p[0].name();
                if (p[1] instanceof DataColumn.Numeric cur) {
                    results.add(pool.submit(() -> {
                        double[] r = Tasks.await(sorts.get("r:" + name), "drift computation");
                        double[] c = Tasks.await(sorts.get("c:" + name), "drift computation");
                        QuantileBins b = saved != null && saved.numeric(name).isPresent()
                                ? saved.numeric(name).get() : QuantileBins.fitSorted(r, bins);
                        return NumericDrift.ofSorted(name, r, c, b, psiFloor, cur.integral());
                    }));
                } else {
                    String[] r = ((DataColumn.Categorical) p[0]).values();
                    String[] c = ((DataColumn.Categorical) p[1]).values();
                    results.add(pool.submit(() -> {
                        CategoryBins b = saved != null && saved.categorical(name).isPresent()
                                ? saved.categorical(name).get() : fitCategories(r);
                        return CategoricalDrift.of(name, r, c, b, psiFloor);
                    }));
                }
            }
            List<ColumnDrift> columns = new ArrayList<>();
            for (Future<ColumnDrift> f : results) {
                columns.add(Tasks.await(f, "drift computation"));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new DriftResult(reference.source(), current.source(), reference.rows(), current.rows(), columns,
                    preset.decide(columns), DriftBins.of(columns), preset, bins, 0.0, seconds);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reference categories, most frequent first (ties by name), so saved bins read naturally. */
    static CategoryBins fitCategories(String[] reference) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String v : reference) {
            counts.merge(v, 1L, Long::sum);
        }
        List<String> cats = new ArrayList<>(counts.keySet());
        cats.sort((a, b) -> counts.get(b).equals(counts.get(a)) ? a.compareTo(b) : Long.compare(counts.get(b), counts.get(a)));
        return new CategoryBins(cats);
    }

    private static List<DataColumn[]> pair(DriftTable reference, DriftTable current) {
        List<DataColumn[]> pairs = new ArrayList<>();
        for (DataColumn r : reference.columns()) {
            DataColumn c = current.column(r.name()).orElseThrow(() -> new DriftInputException("column '" + r.name()
                    + "' is in the reference (" + reference.source() + ") but not in the current data ("
                    + current.source() + "); current has " + current.names()));
            if (!r.type().equals(c.type())) {
                throw new DriftInputException("column '" + r.name() + "' is " + r.type() + " in the reference but "
                        + c.type() + " in the current data; declare its type explicitly");
            }
            if (r.size() == 0 || c.size() == 0) {
                throw new DriftInputException("column '" + r.name() + "' has no non-missing values in the "
                        + (r.size() == 0 ? "reference (" + reference.source() : "current data (" + current.source())
                        + "); drop the column or fix the data");
            }
            pairs.add(new DataColumn[] {r, c});
        }
        if (pairs.isEmpty()) {
            throw new DriftInputException("no columns to compare in " + reference.source());
        }
        return pairs;
    }

    private static double[] sortedCopy(double[] values) {
        return RadixSort.sortedCopy(values);
    }

    /** Settings with documented defaults. */
    public static final class Builder {
        private int bins = DEFAULT_BINS;
        private double psiFloor = Distances.DEFAULT_PSI_FLOOR;
        private DriftPreset preset = DriftPreset.RIGOROUS;
        private int threads = Runtime.getRuntime().availableProcessors();

        /** Quantile bins for PSI, JS, TV and L-infinity (default 10). */
        public Builder bins(int value) {
            if (value < 2) {
                throw new DriftInputException("--bins must be at least 2, got " + value);
            }
            this.bins = value;
            return this;
        }

        /** Floor for empty bins in PSI (default 1e-4). */
        public Builder psiFloor(double value) {
            this.psiFloor = value;
            return this;
        }

        /** The test layer (default {@link DriftPreset#RIGOROUS}). */
        public Builder preset(DriftPreset value) {
            this.preset = value;
            return this;
        }

        /** Worker threads (default: available processors). */
        public Builder threads(int value) {
            this.threads = Math.max(1, value);
            return this;
        }

        public DriftEngine build() {
            return new DriftEngine(this);
        }
    }
}
