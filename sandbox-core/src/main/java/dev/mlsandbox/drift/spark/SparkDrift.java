package dev.mlsandbox.drift.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dev.mlsandbox.drift.CategoricalDrift;
import dev.mlsandbox.drift.CategoryBins;
import dev.mlsandbox.drift.ColumnDrift;
import dev.mlsandbox.drift.DataColumn;
import dev.mlsandbox.drift.DriftTable;
import dev.mlsandbox.drift.DriftBins;
import dev.mlsandbox.drift.DriftEngine;
import dev.mlsandbox.drift.DriftInputException;
import dev.mlsandbox.drift.DriftPreset;
import dev.mlsandbox.drift.DriftResult;
import dev.mlsandbox.drift.Distances;
import dev.mlsandbox.drift.FewValues;
import dev.mlsandbox.drift.Histogram;
import dev.mlsandbox.drift.KolmogorovSmirnov;
import dev.mlsandbox.drift.KsResult;
import dev.mlsandbox.drift.NumericDrift;
import dev.mlsandbox.drift.QuantileBins;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;

/**
 * The drift engine on Spark DataFrames. Same metrics, presets and result as {@link DriftEngine};
 * what changes is how each number is obtained:
 * <ul>
 *   <li>KS D and Wasserstein: exact, from one distributed sort per column ({@link SortedScan}).
 *       When both sides have at most 10,000 values the column is small enough to collect, and the
 *       in-JVM engine computes everything, including the exact (ties-aware) p-value; otherwise the
 *       p-value is scipy's asymptotic one from the exact D.</li>
 *   <li>Bins: {@code approxQuantile} with {@code relativeError} (default 1e-4: each edge's rank is
 *       within 0.01 % of n of the exact quantile's rank). They are not numpy's interpolated
 *       quantiles, so PSI differs slightly from the in-JVM engine unless both use the same saved
 *       bins, in which case the counts, and so every binned metric, are identical.</li>
 *   <li>Bin counts, mean and std: one aggregation pass per side for all numeric columns.</li>
 * </ul>
 */
public final class SparkDrift {
    /** Default relative error of the distributed quantiles. */
    public static final double DEFAULT_RELATIVE_ERROR = 1e-4;

    private final int bins;
    private final DriftPreset preset;
    private final double relativeError;
    private final double psiFloor;

    public SparkDrift(int bins, DriftPreset preset, double relativeError) {
        this.bins = bins;
        this.preset = preset;
        this.relativeError = relativeError;
        this.psiFloor = Distances.DEFAULT_PSI_FLOOR;
    }

    /** Defaults: 10 bins, rigorous preset, relative error 1e-4. */
    public static SparkDrift defaults() {
        return new SparkDrift(DriftEngine.DEFAULT_BINS, DriftPreset.RIGOROUS, DEFAULT_RELATIVE_ERROR);
    }

    /**
     * Compares two DataFrames.
     *
     * @param columns     columns to compare; empty means all reference columns
     * @param categorical columns to treat as categorical (others: numeric if their type is numeric)
     * @param saved       bins to reuse, or null to fit them on the reference
     */
    public DriftResult compare(Dataset<Row> reference, Dataset<Row> current, List<String> columns,
                               List<String> categorical, DriftBins saved, String referenceName, String currentName) {
        long start = System.nanoTime();
        List<String> names = columns.isEmpty()
                ? DriftInputException.requireSameColumns("columns", Arrays.asList(reference.columns()),
                        Arrays.asList(current.columns()))
                : columns;
        List<String> numeric = new ArrayList<>();
        for (String name : names) {
            StructField rf = field(reference, name, "reference", referenceName);
            StructField cf = field(current, name, "current", currentName);
            boolean rn = rf.dataType() instanceof NumericType;
            boolean cn = cf.dataType() instanceof NumericType;
            if (!categorical.contains(name) && rn != cn) {
                throw new DriftInputException("column '" + name + "' is " + rf.dataType().simpleString()
                        + " in the reference but " + cf.dataType().simpleString() + " in the current data; "
                        + "fix the schema or pass --categorical " + name);
            }
            if (!categorical.contains(name) && rn) {
                numeric.add(name);
            }
        }
        long refRows = reference.count();
        long curRows = current.count();
        if (refRows <= KolmogorovSmirnov.EXACT_MAX_N && curRows <= KolmogorovSmirnov.EXACT_MAX_N) {
            // Small enough to collect: the in-JVM engine then computes every number exactly
            // (numpy-style bins, ties-aware exact p-values), so both paths agree to the last digit.
            DriftResult r = DriftEngine.builder().bins(bins).preset(preset).psiFloor(psiFloor).build()
                    .compare(collect(reference, names, numeric, referenceName),
                            collect(current, names, numeric, currentName, integral(current, numeric)), saved);
            return new DriftResult(referenceName, currentName, refRows, curRows, r.columns(), r.verdict(), r.bins(),
                    preset, bins, 0.0, (System.nanoTime() - start) / 1e9);
        }
        Map<String, QuantileBins> fitted = fitNumeric(reference, numeric, saved);
        Map<String, long[]> refCounts = binCounts(reference, fitted);
        Map<String, long[]> curCounts = binCounts(current, fitted);
        List<String> integral = integral(current, numeric);
        List<ColumnDrift> out = new ArrayList<>();
        for (String name : names) {
            if (numeric.contains(name)) {
                long[] cc = curCounts.get(name);
                // Integer-typed as pandas would read it: an integral type and no nulls.
                boolean whole = integral.contains(name) && cc[cc.length - 1] == curRows;
                out.add(numericColumn(reference, current, name, fitted.get(name), refCounts.get(name), cc, whole));
            } else {
                out.add(categoricalColumn(reference, current, name, saved));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        DriftBins used = DriftBins.of(out);
        return new DriftResult(referenceName, currentName, refRows, curRows, out, preset.decide(out), used, preset,
                bins, 0.0, seconds);
    }

    /** Numeric columns whose type in the frame is an integral one (byte, short, int, long). */
    private static List<String> integral(Dataset<Row> df, List<String> numeric) {
        List<String> out = new ArrayList<>();
        for (StructField f : df.schema().fields()) {
            if (numeric.contains(f.name()) && List.of(DataTypes.ByteType, DataTypes.ShortType, DataTypes.IntegerType,
                    DataTypes.LongType).contains(f.dataType())) {
                out.add(f.name());
            }
        }
        return out;
    }

    /**
     * Counts per value when the reference has at most {@link FewValues#MAX} distinct values (a few
     * small jobs: distinct values with a limit, then one aggregation per side), else null.
     */
    private static FewValues fewValues(Dataset<Row> r, Dataset<Row> c) {
        List<Row> distinct = r.distinct().limit(FewValues.MAX + 1).collectAsList();
        if (distinct.size() > FewValues.MAX) {
            return null;
        }
        double[] vals = distinct.stream().mapToDouble(row -> row.getDouble(0)).sorted().toArray();
        Object[] boxed = Arrays.stream(vals).boxed().toArray();
        List<Column> counts = new ArrayList<>();
        for (double v : vals) {
            counts.add(org.apache.spark.sql.functions.sum(when(col("v").equalTo(lit(v)), 1L).otherwise(0L)));
        }
        counts.add(org.apache.spark.sql.functions.sum(when(col("v").isin(boxed), 0L).otherwise(1L)));
        Row rr = r.agg(counts.get(0), counts.subList(1, counts.size()).toArray(Column[]::new)).first();
        Row cr = c.agg(counts.get(0), counts.subList(1, counts.size()).toArray(Column[]::new)).first();
        long[] rc = new long[vals.length];
        long[] cc = new long[vals.length + 1];
        for (int k = 0; k <= vals.length; k++) {
            cc[k] = cr.isNullAt(k) ? 0 : cr.getLong(k);
            if (k < vals.length) {
                rc[k] = rr.isNullAt(k) ? 0 : rr.getLong(k);
            }
        }
        int other = cc[vals.length] == 0 ? 0 : (int) c.where(col("v").isin(boxed).unary_$bang()).distinct()
                .limit(FewValues.MAX + 1).count();
        return new FewValues(vals, rc, cc, other);
    }

    private NumericDrift numericColumn(Dataset<Row> reference, Dataset<Row> current, String name, QuantileBins b,
                                       long[] rc, long[] cc, boolean integral) {
        Dataset<Row> r = values(reference, name);
        Dataset<Row> c = values(current, name);
        long n = rc[rc.length - 1];
        long m = cc[cc.length - 1];
        if (n == 0 || m == 0) {
            throw new DriftInputException("column '" + name + "' has no non-missing values in the "
                    + (n == 0 ? "reference" : "current data"));
        }
        if (n <= KolmogorovSmirnov.EXACT_MAX_N && m <= KolmogorovSmirnov.EXACT_MAX_N) {
            // Few non-missing values: collect this column and test it exactly, on the same bins.
            double[] rs = collectSorted(r);
            double[] cs = collectSorted(c);
            return NumericDrift.ofSorted(name, rs, cs, b, psiFloor, integral);
        }
        Dataset<Row> pooled = r.withColumn("ref", lit(true)).unionByName(c.withColumn("ref", lit(false)));
        SortedScan.Result scan = SortedScan.run(pooled);
        double d = scan.statistic();
        KsResult ks = new KsResult(d, d == 0 ? 1.0 : KolmogorovSmirnov.asymptoticP(d, n, m), "asymptotic",
                (int) Math.min(Integer.MAX_VALUE, n), (int) Math.min(Integer.MAX_VALUE, m), false, scan.location(),
                scan.sign());
        long[] rBins = Arrays.copyOf(rc, rc.length - 3);
        long[] cBins = Arrays.copyOf(cc, cc.length - 3);
        double refMean = Double.longBitsToDouble(rc[rc.length - 3]);
        double refStd = Double.longBitsToDouble(rc[rc.length - 2]);
        double curMean = Double.longBitsToDouble(cc[cc.length - 3]);
        double[] rp = Distances.proportions(rBins);
        double[] cp = Distances.proportions(cBins);
        return new NumericDrift(name, n, m, ks, Distances.psi(rp, cp, psiFloor), b, scan.wasserstein(),
                scan.wasserstein() / Math.max(refStd, 1e-3), Distances.jensenShannon(rp, cp, Math.E),
                Distances.totalVariation(rp, cp), Distances.lInfinity(rp, cp), refMean, refStd, curMean,
                new Histogram(NumericDrift.labels(b), rBins, cBins), scan.ecdf(), fewValues(r, c), integral);
    }

    private CategoricalDrift categoricalColumn(Dataset<Row> reference, Dataset<Row> current, String name,
                                               DriftBins saved) {
        Map<String, Long> rc = categoryCounts(reference, name);
        Map<String, Long> cc = categoryCounts(current, name);
        CategoryBins b;
        if (saved != null && saved.categorical(name).isPresent()) {
            b = saved.categorical(name).get();
        } else {
            List<String> cats = new ArrayList<>(rc.keySet());
            cats.sort((x, y) -> rc.get(y).equals(rc.get(x)) ? x.compareTo(y) : Long.compare(rc.get(y), rc.get(x)));
            b = new CategoryBins(cats);
        }
        Map<String, Long> unseen = new LinkedHashMap<>(cc);
        unseen.keySet().removeAll(b.categories());
        return CategoricalDrift.ofCounts(name, b, bucket(b, rc), bucket(b, cc), unseen, psiFloor);
    }

    private static long[] bucket(CategoryBins b, Map<String, Long> counts) {
        long[] out = new long[b.size()];
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int k = 0; k < b.categories().size(); k++) {
            index.put(b.categories().get(k), k);
        }
        counts.forEach((k, v) -> out[index.getOrDefault(k, b.categories().size())] += v);
        return out;
    }

    private static Map<String, Long> categoryCounts(Dataset<Row> df, String name) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Row row : df.select(col(name).cast(DataTypes.StringType).as("k")).where(col("k").isNotNull())
                .groupBy("k").count().collectAsList()) {
            out.put(row.getString(0), row.getLong(1));
        }
        return out;
    }

    private Map<String, QuantileBins> fitNumeric(Dataset<Row> reference, List<String> numeric, DriftBins saved) {
        Map<String, QuantileBins> out = new LinkedHashMap<>();
        List<String> toFit = new ArrayList<>();
        for (String name : numeric) {
            if (saved != null && saved.numeric(name).isPresent()) {
                out.put(name, saved.numeric(name).get());
            } else {
                toFit.add(name);
            }
        }
        if (!toFit.isEmpty()) {
            double[] probs = new double[bins - 1];
            for (int k = 1; k < bins; k++) {
                probs[k - 1] = (double) k / bins;
            }
            Dataset<Row> df = reference.select(toFit.stream().map(n -> col(n).cast(DataTypes.DoubleType).as(n))
                    .toArray(Column[]::new));
            double[][] q = df.stat().approxQuantile(toFit.toArray(String[]::new), probs, relativeError);
            for (int k = 0; k < toFit.size(); k++) {
                if (q[k].length == 0) {
                    throw new DriftInputException("column '" + toFit.get(k) + "' has no non-missing values in the "
                            + "reference");
                }
                out.put(toFit.get(k), new QuantileBins(bins, Arrays.stream(q[k]).distinct().sorted().toArray()));
            }
        }
        return out;
    }

    /**
     * One aggregation pass: per column, the count per bin, then mean, std (population) and the
     * non-missing count, packed as a long[] (mean and std as raw double bits).
     */
    private static Map<String, long[]> binCounts(Dataset<Row> df, Map<String, QuantileBins> bins) {
        Map<String, long[]> out = new LinkedHashMap<>();
        if (bins.isEmpty()) {
            return out;
        }
        List<Column> aggs = new ArrayList<>();
        bins.forEach((name, b) -> {
            Column v = col(name).cast(DataTypes.DoubleType);
            Column valid = v.isNotNull().and(v.isNaN().unary_$bang());
            Column bin = lit(0);
            for (double e : b.edges()) {
                bin = bin.plus(when(v.geq(lit(e)), 1).otherwise(0));
            }
            for (int k = 0; k < b.size(); k++) {
                aggs.add(org.apache.spark.sql.functions.sum(when(valid.and(bin.equalTo(k)), 1L).otherwise(0L)));
            }
            aggs.add(org.apache.spark.sql.functions.avg(when(valid, v)));
            aggs.add(org.apache.spark.sql.functions.stddev_pop(when(valid, v)));
            aggs.add(org.apache.spark.sql.functions.sum(when(valid, 1L).otherwise(0L)));
        });
        Row row = df.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new)).first();
        int k = 0;
        for (Map.Entry<String, QuantileBins> e : bins.entrySet()) {
            int size = e.getValue().size();
            long[] packed = new long[size + 3];
            for (int b = 0; b < size; b++) {
                packed[b] = row.isNullAt(k) ? 0 : row.getLong(k);
                k++;
            }
            packed[size] = Double.doubleToLongBits(row.isNullAt(k) ? Double.NaN : row.getDouble(k));
            packed[size + 1] = Double.doubleToLongBits(row.isNullAt(k + 1) ? Double.NaN : row.getDouble(k + 1));
            packed[size + 2] = row.isNullAt(k + 2) ? 0 : row.getLong(k + 2);
            k += 3;
            out.put(e.getKey(), packed);
        }
        return out;
    }

    private static Dataset<Row> values(Dataset<Row> df, String name) {
        Column v = col(name).cast(DataTypes.DoubleType);
        return df.select(v.as("v")).where(col("v").isNotNull().and(col("v").isNaN().unary_$bang()));
    }

    private static double[] collectSorted(Dataset<Row> values) {
        List<Row> rows = values.collectAsList();
        double[] out = new double[rows.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = rows.get(k).getDouble(0);
        }
        Arrays.sort(out);
        return out;
    }

    /** Collects the named columns into an in-memory table (one job); nulls and NaN count as missing. */
    private static DriftTable collect(Dataset<Row> df, List<String> names, List<String> numeric, String source) {
        return collect(df, names, numeric, source, List.of());
    }

    /** As above; {@code integral} columns without missing values become integer-typed columns. */
    private static DriftTable collect(Dataset<Row> df, List<String> names, List<String> numeric, String source,
                                      List<String> integral) {
        Column[] cols = names.stream().map(n -> numeric.contains(n) ? col(n).cast(DataTypes.DoubleType).as(n)
                : col(n).cast(DataTypes.StringType).as(n)).toArray(Column[]::new);
        List<Row> rows = df.select(cols).collectAsList();
        List<DataColumn> out = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            if (numeric.contains(names.get(c))) {
                double[] v = new double[rows.size()];
                int k = 0;
                for (Row row : rows) {
                    if (!row.isNullAt(c) && !Double.isNaN(row.getDouble(c))) {
                        v[k++] = row.getDouble(c);
                    }
                }
                out.add(new DataColumn.Numeric(names.get(c), Arrays.copyOf(v, k), rows.size() - k,
                        integral.contains(names.get(c)) && k == rows.size()));
            } else {
                List<String> v = new ArrayList<>();
                for (Row row : rows) {
                    if (!row.isNullAt(c)) {
                        v.add(row.getString(c));
                    }
                }
                out.add(new DataColumn.Categorical(names.get(c), v.toArray(String[]::new), rows.size() - v.size()));
            }
        }
        return new DriftTable(source, rows.size(), out);
    }

    private static StructField field(Dataset<Row> df, String name, String role, String source) {
        for (StructField f : df.schema().fields()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new DriftInputException("column '" + name + "' is not in the " + role + " data (" + source + "); its "
                + "columns: " + Arrays.toString(df.columns()));
    }
}
