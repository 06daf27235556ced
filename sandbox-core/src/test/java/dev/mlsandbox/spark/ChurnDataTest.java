package dev.mlsandbox.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import dev.mlsandbox.testing.SharedSpark;

class ChurnDataTest {

    @Test
    void smallTablesGetOnePartitionLargeOnesSpreadOverTheCores() {
        assertEquals(1, ChurnData.partitionsFor(1_000, 8));
        assertEquals(1, ChurnData.partitionsFor(ChurnData.ROWS_PER_PARTITION, 8));
        assertEquals(2, ChurnData.partitionsFor(ChurnData.ROWS_PER_PARTITION + 1, 8));
        assertEquals(8, ChurnData.partitionsFor(5_000_000, 8), "capped by the cores");
        assertEquals(1, ChurnData.partitionsFor(0, 0));
    }

    @Test
    void sameSeedSameRowsDifferentSeedDifferentRows() {
        List<Row> a = ChurnData.rows(ChurnSpec.rows(200).withSeed(1));
        List<Row> b = ChurnData.rows(ChurnSpec.rows(200).withSeed(1));
        List<Row> c = ChurnData.rows(ChurnSpec.rows(200).withSeed(2));
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void labelFollowsTheKnownRelation() {
        List<Row> rows = ChurnData.rows(ChurnSpec.rows(20_000));
        // Support calls raise churn (CALLS > 0): compare churn rates of 0 calls vs 3+ calls.
        double none = rate(rows, r -> r.getInt(5) == 0);
        double many = rate(rows, r -> r.getInt(5) >= 3);
        assertTrue(many > none + 0.15, "churn with 3+ calls " + many + " vs none " + none);
        // Tenure lowers churn (TENURE < 0): new customers churn more than loyal ones.
        assertTrue(rate(rows, r -> r.getInt(3) <= 6) > rate(rows, r -> r.getInt(3) >= 36) + 0.1);
        // Every plan and region appears.
        assertEquals(4, rows.stream().map(r -> r.getString(1)).distinct().count());
        assertEquals(4, rows.stream().map(r -> r.getString(2)).distinct().count());
    }

    @Test
    void nullsAndNaNsOnDemand() {
        List<Row> rows = ChurnData.rows(ChurnSpec.rows(10_000).withNulls(0.1).withNaNs(0.05));
        long nulls = rows.stream().filter(r -> r.isNullAt(4)).count();
        long nans = rows.stream().filter(r -> !r.isNullAt(4) && Double.isNaN(r.getDouble(4))).count();
        assertEquals(0.10, nulls / 10_000.0, 0.015);
        assertEquals(0.05, nans / 10_000.0, 0.01);
        assertEquals(0, ChurnData.rows(ChurnSpec.rows(1000)).stream().filter(r -> r.isNullAt(4)).count());
    }

    @Test
    void dataFrameHasTheDocumentedSchemaAndSize() {
        Dataset<Row> df = ChurnData.generate(SharedSpark.session(), ChurnSpec.rows(500));
        assertEquals(500, df.count());
        assertEquals(ChurnData.SCHEMA, df.schema());
    }

    @Test
    void badSpecsAreRefusedWithTheRule() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ChurnSpec.rows(0)).getMessage().contains("rows must be >= 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ChurnSpec.rows(10).withNulls(1.5))
                .getMessage().contains("nullFraction must be in [0, 1]"));
    }

    private static double rate(List<Row> rows, java.util.function.Predicate<Row> filter) {
        return rows.stream().filter(filter).mapToDouble(r -> r.getDouble(6)).average().orElseThrow();
    }
}
