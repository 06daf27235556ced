package dev.mlsandbox.registry.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import dev.mlsandbox.spark.ChurnData;
import dev.mlsandbox.spark.ChurnSpec;
import dev.mlsandbox.testing.SharedSpark;

class ModelSignatureTest {

    @Test
    void infersMlflowTypesFromSparkFrames() {
        Dataset<Row> data = ChurnData.generate(SharedSpark.session(), ChurnSpec.rows(10));
        ModelSignature sig = ModelSignature.infer(data.drop(ChurnData.LABEL), data.select(ChurnData.LABEL).withColumnRenamed("churn", "prediction"));
        assertEquals(List.of("customer_id", "plan", "region", "tenure_months", "monthly_charges", "support_calls"), sig.inputs().names());
        assertEquals(ColumnType.LONG, sig.inputs().column("customer_id").orElseThrow().type());
        assertEquals(ColumnType.INTEGER, sig.inputs().column("tenure_months").orElseThrow().type());
        assertEquals(ColumnType.STRING, sig.inputs().column("plan").orElseThrow().type());
        assertEquals(ColumnType.DOUBLE, sig.outputs().column("prediction").orElseThrow().type());
    }

    @Test
    void jsonIsMlflowsColumnSpecAndRoundTrips() {
        Schema s = Schema.of(ColumnSpec.required("x", ColumnType.DOUBLE), ColumnSpec.optional("note", ColumnType.STRING));
        assertEquals("[{\"type\": \"double\", \"name\": \"x\", \"required\": true}, "
                + "{\"type\": \"string\", \"name\": \"note\", \"required\": false}]", s.toJson());
        assertEquals(s, Schema.fromJson(s.toJson()));
        // MLflow before 2.10 wrote no "required": such a column is required.
        assertTrue(Schema.fromJson("[{\"name\": \"a\", \"type\": \"long\"}]").columns().get(0).required());
    }

    @Test
    void badJsonAndUnknownTypesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Schema.fromJson("[{\"name\": \"a\", \"type\": \"int64\"}]"));
        assertTrue(e.getMessage().contains("'int64'") && e.getMessage().contains("integer, long"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Schema.fromJson("{\"a\": 1}"));
        assertThrows(IllegalArgumentException.class, () -> Schema.fromJson("[{\"type\": \"long\"}]"));
    }

    @Test
    void vectorColumnsHaveNoColumnType() {
        Dataset<Row> frame = SharedSpark.session().sql("SELECT array(1.0, 2.0) AS probability");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schema.fromSpark(frame.schema()));
        assertTrue(e.getMessage().contains("probability"), e.getMessage());
    }
}
