package dev.mlsandbox.drift;

import static dev.mlsandbox.drift.DriftTestData.lcg;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsandbox.drift.spark.SparkDrift;
import dev.mlsandbox.drift.spark.SparkTables;
import dev.mlsandbox.testing.SharedSpark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark path against the exact in-JVM path on the same data. */
class SparkDriftTest {

    private static final String[] PLANS = {"basic", "plus", "pro", "team"};

    /** x continuous, t with many ties (3 decimals), plan categorical (with an unseen one on the current side). */
    static DriftTable table(long seed, int rows, double shift, int planOffset) {
        double[] x = lcg(seed, rows, 1.0, shift);
        double[] t = lcg(seed + 100, rows, 1.0, shift);
        String[] plan = new String[rows];
        double[] u = lcg(seed + 200, rows);
        for (int k = 0; k < rows; k++) {
            t[k] = Math.floor(t[k] * 1000) / 1000;
            plan[k] = u[k] < 0.97 ? PLANS[(int) (u[k] * 4 + planOffset) % 4] : (planOffset > 0 ? "enterprise" : "basic");
        }
        return DriftTable.builder().numeric("x", x).numeric("t", t).categorical("plan", plan).build();
    }

    static Dataset<Row> frame(SparkSession spark, DriftTable t, int partitions) {
        StructType schema = new StructType().add("x", DataTypes.DoubleType).add("t", DataTypes.DoubleType)
                .add("plan", DataTypes.StringType);
        double[] x = ((DataColumn.Numeric) t.column("x").orElseThrow()).values();
        double[] tt = ((DataColumn.Numeric) t.column("t").orElseThrow()).values();
        String[] p = ((DataColumn.Categorical) t.column("plan").orElseThrow()).values();
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < x.length; k++) {
            rows.add(RowFactory.create(x[k], tt[k], p[k]));
        }
        return spark.createDataFrame(rows, schema).repartition(partitions);
    }

    @Test
    void distributedPathAgreesWithTheExactPath() {
        SparkSession spark = SharedSpark.session();
        // Above 10,000 values per side, so KS and Wasserstein go through the distributed sort.
        DriftTable ref = table(51, 12_000, 0.0, 0);
        DriftTable cur = table(52, 11_000, 0.03, 1);
        // One Spark run with bins fitted by approxQuantile; the exact engine then uses those same bins.
        DriftResult onSpark = SparkDrift.defaults().compare(frame(spark, ref, 4), frame(spark, cur, 3), List.of(),
                List.of(), null, "ref", "cur");
        DriftResult local = DriftEngine.defaults().compare(ref, cur, onSpark.bins());
        DriftResult numpyBins = DriftEngine.defaults().compare(ref, cur);
        for (String name : List.of("x", "t")) {
            NumericDrift a = (NumericDrift) local.column(name);
            NumericDrift b = (NumericDrift) onSpark.column(name);
            assertEquals("asymptotic", b.ks().method(), name);
            assertEquals(a.ks().statistic(), b.ks().statistic(), 1e-15, name);
            // Where D occurs, by scipy's rule, from partitions merged in order: the same value.
            assertEquals(a.ks().location(), b.ks().location(), 0.0, name);
            assertEquals(a.ks().sign(), b.ks().sign(), name);
            // The ECDF chart's points: each sample's quantiles and D's location, counted by the walk.
            assertEquals(a.ecdf(), b.ecdf(), name);
            assertEquals(a.ks().pValue(), b.ks().pValue(), a.ks().pValue() * 1e-12, name);
            assertEquals(a.wasserstein(), b.wasserstein(), 1e-12, name);
            assertEquals(a.referenceStd(), b.referenceStd(), 1e-12, name);
            // Same bins: identical counts, so identical binned metrics.
            assertArrayEquals(a.histogram().reference(), b.histogram().reference(), name);
            assertArrayEquals(a.histogram().current(), b.histogram().current(), name);
            assertEquals(a.psi(), b.psi(), 1e-12, name);
            assertEquals(a.jensenShannon(), b.jensenShannon(), 1e-12, name);
            // approxQuantile edges vs numpy-style interpolated edges: close, not identical.
            NumericDrift n = (NumericDrift) numpyBins.column(name);
            assertEquals(n.bins().size(), b.bins().size(), name);
            for (int k = 0; k < n.bins().edges().length; k++) {
                assertEquals(n.bins().edges()[k], b.bins().edges()[k], 0.002, name + " edge " + k);
            }
            assertEquals(n.psi(), b.psi(), 0.01, name);
        }
        CategoricalDrift a = (CategoricalDrift) local.column("plan");
        CategoricalDrift b = (CategoricalDrift) onSpark.column("plan");
        assertEquals(a.chiSquare(), b.chiSquare());
        assertEquals(a.unseen(), b.unseen());
        assertTrue(a.unseenCount() > 0);
        assertEquals(local.verdict(), onSpark.verdict());
    }

    @Test
    void smallColumnsAreCollectedAndTestedExactly(@TempDir Path dir) {
        SparkSession spark = SharedSpark.session();
        DriftTable ref = table(61, 300, 0.0, 0);
        DriftTable cur = table(62, 250, 0.1, 0);
        DriftResult local = DriftEngine.defaults().compare(ref, cur);
        // Through Parquet, as the CLI reads it.
        frame(spark, ref, 2).write().parquet(dir.resolve("ref.parquet").toString());
        frame(spark, cur, 2).write().parquet(dir.resolve("cur.parquet").toString());
        Dataset<Row> r = SparkTables.read(spark, dir.resolve("ref.parquet"), "reference");
        Dataset<Row> c = SparkTables.read(spark, dir.resolve("cur.parquet"), "current");
        // No saved bins: the collected path fits numpy-style bins itself, so everything is identical.
        DriftResult onSpark = SparkDrift.defaults().compare(r, c, List.of(), List.of(), null, "r", "c");
        for (ColumnDrift a : local.columns()) {
            ColumnDrift b = onSpark.column(a.name());
            assertEquals(a.pValue(), b.pValue(), 0.0, a.name());
            assertEquals(a.psi(), b.psi(), 0.0, a.name());
            assertEquals(a.jensenShannon(), b.jensenShannon(), 0.0, a.name());
        }
        assertEquals("exact-ties", ((NumericDrift) onSpark.column("t")).ks().method());
        assertEquals(local.verdict(), onSpark.verdict());
        assertThrows(DriftInputException.class, () -> SparkDrift.defaults().compare(r, c, List.of("nope"), List.of(),
                null, "r", "c"));
        assertThrows(DriftInputException.class, () -> SparkTables.read(spark, dir.resolve("missing.parquet"), "current"));
        // "All columns" with a column only the current data has: refused, naming it, as the CSV path does.
        Dataset<Row> wider = c.withColumn("gained", org.apache.spark.sql.functions.lit(1.0));
        DriftInputException differ = assertThrows(DriftInputException.class,
                () -> SparkDrift.defaults().compare(r, wider, List.of(), List.of(), null, "r", "c"));
        assertTrue(differ.getMessage().contains("only in current [gained]"), differ.getMessage());
        // Named columns still work with the extra one present.
        assertEquals(1, SparkDrift.defaults().compare(r, wider, List.of("t"), List.of(), null, "r", "c").columns().size());
    }

    @Test
    void fewValuesAndIntegerTypingAgreeOnTheDistributedPath() {
        SparkSession spark = SharedSpark.session();
        // Above 10,000 rows: counted by Spark. n is a long column (integer-typed) whose current side
        // gains a fifth value; f is a double column with three values.
        StructType schema = new StructType().add("n", DataTypes.LongType).add("f", DataTypes.DoubleType);
        DriftTable[] local = new DriftTable[2];
        List<Dataset<Row>> frames = new ArrayList<>();
        int[] rows = {12_000, 11_000};
        for (int side = 0; side < 2; side++) {
            double[] u = lcg(71 + side, rows[side]);
            double[] n = new double[u.length];
            double[] f = new double[u.length];
            List<Row> data = new ArrayList<>();
            for (int k = 0; k < u.length; k++) {
                n[k] = Math.floor(u[k] * (4 + side));
                f[k] = Math.floor(Math.pow(u[k], 1 + side * 0.3) * 3) / 2;
                data.add(RowFactory.create((long) n[k], f[k]));
            }
            local[side] = new DriftTable("memory", u.length, List.of(new DataColumn.Numeric("n", n, 0, side == 1),
                    new DataColumn.Numeric("f", f, 0, false)));
            frames.add(spark.createDataFrame(data, schema).repartition(3));
        }
        SparkDrift onSpark = new SparkDrift(10, DriftPreset.EVIDENTLY, SparkDrift.DEFAULT_RELATIVE_ERROR);
        DriftResult s = onSpark.compare(frames.get(0), frames.get(1), List.of(), List.of(), null, "r", "c");
        DriftResult j = DriftEngine.builder().preset(DriftPreset.EVIDENTLY).build().compare(local[0], local[1], s.bins());
        for (String name : List.of("n", "f")) {
            assertEquals(((NumericDrift) j.column(name)).fewValues(), ((NumericDrift) s.column(name)).fewValues(), name);
            assertEquals(((NumericDrift) j.column(name)).integral(), ((NumericDrift) s.column(name)).integral(), name);
        }
        assertTrue(((NumericDrift) s.column("n")).integral());
        assertEquals(1, ((NumericDrift) s.column("n")).fewValues().currentOtherDistinct());
        assertEquals("jensenShannon", s.verdict().columns().get(0).test());
        assertEquals(j.verdict(), s.verdict());
    }
}
