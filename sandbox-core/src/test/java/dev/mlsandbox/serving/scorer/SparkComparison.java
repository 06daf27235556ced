package dev.mlsandbox.serving.scorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

import dev.mlsandbox.spark.ChurnData;

/**
 * Scores the same rows with Spark's {@code PipelineModel.transform} and with a scorer and compares
 * every added column: predictions and indices equal, vectors in the same dense or sparse form,
 * numbers within {@link #TOLERANCE} (Spark's BLAS may sum in another order).
 */
final class SparkComparison {

    static final double TOLERANCE = 1e-12;

    /** Largest absolute difference seen per column, and the number of rows compared. */
    record Outcome(int rows, Map<String, Double> maxDifference) {
    }

    private SparkComparison() {
    }

    static Outcome compare(PipelineModel model, Scorer scorer, List<Object[]> rows) {
        ScoredRows actual = scorer.score(ScoringData.input(rows));
        List<String> columns = actual.columns();
        if (!scorer.outputColumns().isEmpty()) {
            assertEquals(scorer.outputColumns(), columns);
        }
        List<Column> select = new ArrayList<>();
        select.add(functions.col(ChurnData.ID));
        columns.forEach(c -> select.add(functions.col(c)));
        List<Row> expected = model.transform(ScoringData.frame(rows)).select(select.toArray(Column[]::new)).collectAsList();
        assertEquals(expected.size(), actual.size(), "rows kept by Spark vs the scorer");
        Map<String, Double> worst = new LinkedHashMap<>();
        columns.forEach(c -> worst.put(c, 0.0));
        int[] source = actual.sourceRows();
        for (int r = 0; r < expected.size(); r++) {
            Row e = expected.get(r);
            assertEquals(e.getLong(0), rows.get(source[r])[0], "row " + r + " is a different input row");
            for (int c = 0; c < columns.size(); c++) {
                String column = columns.get(c);
                Object want = ScoringData.cell(e.get(c + 1));
                Object got = actual.rows().get(r)[c];
                double d = difference(want, got, column, e.getLong(0));
                worst.merge(column, d, Math::max);
            }
        }
        return new Outcome(expected.size(), worst);
    }

    private static double difference(Object want, Object got, String column, long id) {
        String where = "column " + column + ", customer " + id + ": Spark " + want + ", scorer " + got;
        if (want == null || got == null) {
            assertEquals(want, got, where);
            return 0.0;
        }
        if (want instanceof VectorValue w) {
            if (!(got instanceof VectorValue g)) {
                fail(where);
                return 0.0;
            }
            assertEquals(w.isDense(), g.isDense(), "dense/sparse form differs: " + where);
            assertEquals(w.size(), g.size(), where);
            if (!w.isDense()) {
                assertTrue(java.util.Arrays.equals(w.indices(), g.indices()), where);
            }
            double max = 0.0;
            for (int k = 0; k < w.numActives(); k++) {
                max = Math.max(max, close(w.valueAt(k), g.valueAt(k), where));
            }
            return max;
        }
        assertEquals(want.getClass(), got.getClass(), where);
        if (want instanceof Double w) {
            // Class predictions, indices and buckets are whole numbers and must be equal; regression
            // predictions (GBT's weighted sum) may differ in the last bit from Spark's BLAS.
            if (w == Math.rint(w)) {
                assertEquals(w, (Double) got, where);
                return 0.0;
            }
            return close(w, (Double) got, where);
        }
        assertEquals(want, got, where);
        return 0.0;
    }

    private static double close(double want, double got, String where) {
        if (Double.isNaN(want) || Double.isNaN(got)) {
            assertEquals(Double.isNaN(want), Double.isNaN(got), where);
            return 0.0;
        }
        double d = Math.abs(want - got);
        assertTrue(d <= TOLERANCE, "differs by " + d + ": " + where);
        return d;
    }
}
