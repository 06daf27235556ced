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
    }

    @Test
    void sparkVectorsArraysStructsAndMapsGetMlflowsCompositeTypes() {
        Dataset<Row> scored = new org.apache.spark.ml.feature.VectorAssembler().setInputCols(new String[]{"prediction"})
                .setOutputCol("probability").transform(SharedSpark.session().sql("SELECT 1.0D AS prediction,"
                        + " array(0.25D, 0.75D) AS scores, named_struct('city', 'Oslo', 'zip', CAST(NULL AS INT)) AS address,"
                        + " map('a', 1.5D, 'b', 2.5D) AS weights"));
        ModelSignature sig = ModelSignature.infer(scored.select("scores", "address", "weights"), scored.select("prediction", "probability"));
        assertEquals("[{\"type\": \"double\", \"name\": \"prediction\", \"required\": true}, "
                + "{\"type\": \"sparkml_vector\", \"name\": \"probability\", \"required\": true}]", sig.outputs().toJson());
        assertEquals(new ArrayType(ColumnType.DOUBLE), sig.inputs().column("scores").orElseThrow().dataType());
        // a struct field that is nullable becomes an optional property; city is a literal, so not nullable
        assertEquals(ObjectType.of(new ObjectType.Property("city", ColumnType.STRING, true),
                new ObjectType.Property("zip", ColumnType.INTEGER, false)), sig.inputs().column("address").orElseThrow().dataType());
        // MLflow infers no map from Spark: an object whose properties are the keys found in the data
        assertEquals(ObjectType.of(new ObjectType.Property("a", ColumnType.DOUBLE, true),
                new ObjectType.Property("b", ColumnType.DOUBLE, true)), sig.inputs().column("weights").orElseThrow().dataType());
        assertEquals(sig, new ModelSignature(Schema.fromJson(sig.inputs().toJson()), Schema.fromJson(sig.outputs().toJson())));
        IllegalStateException scalarOnly = assertThrows(IllegalStateException.class,
                () -> sig.outputs().column("probability").orElseThrow().type());
        assertTrue(scalarOnly.getMessage().contains("SparkML vector"), scalarOnly.getMessage());
        IllegalArgumentException noData = assertThrows(IllegalArgumentException.class, () -> Schema.fromSpark(scored.schema()));
        assertTrue(noData.getMessage().contains("'weights' is a map"), noData.getMessage());
    }
}
