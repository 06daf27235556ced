package dev.mlsandbox.registry.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mlsandbox.testing.SharedSpark;

/** Enforcement of the forms beyond named scalar columns, as MLflow's pyfunc enforces them. */
class EnforcementFormsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static Map<String, FieldType> cols(Object... nameType) {
        Map<String, FieldType> m = new LinkedHashMap<>();
        for (int i = 0; i < nameType.length; i += 2) {
            m.put((String) nameType[i], (FieldType) nameType[i + 1]);
        }
        return m;
    }

    static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    @Test
    void unnamedColumnsAreMatchedByPosition() {
        Schema s = Schema.of(ColumnSpec.unnamed(ColumnType.DOUBLE), ColumnSpec.unnamed(ColumnType.LONG));
        EnforcementResult ok = SchemaEnforcement.checkFields(s, cols("a", ColumnType.INTEGER, "b", ColumnType.LONG,
                "c", ColumnType.STRING));
        assertTrue(ok.accepted(), ok.message());
        assertEquals(List.of("a", "b"), ok.columns());
        assertEquals(Map.of("a", ColumnType.DOUBLE), ok.widened());
        EnforcementResult few = SchemaEnforcement.checkFields(s, cols("a", ColumnType.DOUBLE));
        assertFalse(few.accepted());
        assertTrue(few.message().startsWith("Model inference is missing inputs. The model signature declares 2 inputs "
                + " but the provided value only has 1 inputs."), few.message());
        EnforcementResult typed = SchemaEnforcement.checkFields(s, cols("a", ColumnType.STRING, "b", ColumnType.LONG));
        assertTrue(typed.message().startsWith("Incompatible input types for column a. Can not safely convert string"
                + " to double."), typed.message());
    }

    @Test
    void aFrameAgainstTensors() {
        Schema unnamed = Schema.ofTensors(TensorSpec.of(null, "float64", -1, 3));
        assertTrue(SchemaEnforcement.checkFields(unnamed, cols("a", ColumnType.DOUBLE, "b", ColumnType.DOUBLE,
                "c", ColumnType.INTEGER)).accepted());
        EnforcementResult ints = SchemaEnforcement.checkFields(unnamed, cols("a", ColumnType.LONG, "b", ColumnType.LONG,
                "c", ColumnType.LONG));
        assertTrue(ints.message().startsWith("dtype of input int64 does not match expected dtype float64"), ints.message());
        EnforcementResult two = SchemaEnforcement.checkFields(unnamed, cols("a", ColumnType.DOUBLE, "b", ColumnType.DOUBLE));
        assertTrue(two.message().contains("(-1, number_of_dataframe_columns)") && two.message().contains("(-1, 3)"),
                two.message());
        Schema image = Schema.ofTensors(TensorSpec.of(null, "float32", -1, 28, 28));
        EnforcementResult scalars = SchemaEnforcement.checkFields(image, cols("pixel", ColumnType.DOUBLE));
        assertTrue(scalars.message().contains("requires the shape to be (-1,) or (-1, 1)"), scalars.message());
        Schema named = Schema.ofTensors(TensorSpec.of("x", "float32", -1), TensorSpec.of("mask", "bool", -1, 1));
        EnforcementResult cast = SchemaEnforcement.checkFields(named, cols("x", ColumnType.DOUBLE, "mask", ColumnType.BOOLEAN,
                "id", ColumnType.LONG));
        assertTrue(cast.accepted(), cast.message());
        assertEquals(List.of("x", "mask"), cast.columns());
        assertEquals(1, cast.warnings().size());
        assertTrue(SchemaEnforcement.checkFields(named, cols("x", ColumnType.DOUBLE)).message()
                .startsWith("Model is missing inputs ['mask']"));
        assertFalse(SchemaEnforcement.checkFields(named, cols("x", ColumnType.STRING, "mask", ColumnType.BOOLEAN)).accepted());
        EnforcementResult lists = SchemaEnforcement.checkFields(Schema.ofTensors(TensorSpec.of("img", "float32", -1, 4)),
                cols("img", new ArrayType(ColumnType.DOUBLE)));
        assertTrue(lists.accepted() && !lists.fullyEnforced(), lists.message());
        assertTrue(lists.message().contains("Registered, not enforced"), lists.message());
    }

    @Test
    void aTensorByDtypeAndShapeWithMinusOneAsAWildcard() {
        TensorSpec spec = TensorSpec.of(null, "float32", -1, 28, 28);
        assertTrue(SchemaEnforcement.checkTensor(spec, "float32", List.of(64L, 28L, 28L)).accepted());
        assertTrue(SchemaEnforcement.checkTensor(spec, "float32", List.of(1L, 28L, 28L)).accepted());
        EnforcementResult size = SchemaEnforcement.checkTensor(spec, "float32", List.of(64L, 28L, 27L));
        assertTrue(size.message().startsWith("Shape of input (64, 28, 27) does not match expected shape (-1, 28, 28)."),
                size.message());
        assertTrue(SchemaEnforcement.checkTensor(spec, "float32", List.of(64L, 784L)).message().contains("ranks differ"));
        assertTrue(SchemaEnforcement.checkTensor(spec, "float64", List.of(64L, 28L, 28L)).message()
                .startsWith("dtype of input float64 does not match expected dtype float32"));
        TensorSpec ragged = TensorSpec.of(null, "float64", -1, -1);
        assertTrue(SchemaEnforcement.checkTensor(ragged, "object", List.of(3L)).accepted());
        assertTrue(SchemaEnforcement.checkTensor(TensorSpec.of(null, "object", -1), "int64", List.of(3L, 2L)).accepted());
    }

    @Test
    void paramsTakeDefaultsAndAreTypeChecked() throws Exception {
        ParamSchema schema = ParamSchema.fromJson("[{\"name\": \"temperature\", \"default\": 0.5, \"shape\": null, \"type\":"
                + " \"double\"}, {\"name\": \"max_tokens\", \"default\": 64, \"shape\": null, \"type\": \"long\"},"
                + " {\"name\": \"stop\", \"default\": [\"END\"], \"shape\": [-1], \"type\": \"string\"}]");
        SchemaEnforcement.ParamsResult defaults = SchemaEnforcement.params(schema, null);
        assertEquals(json("{\"temperature\": 0.5, \"max_tokens\": 64, \"stop\": [\"END\"]}"), JSON.valueToTree(defaults.values()));
        SchemaEnforcement.ParamsResult given = SchemaEnforcement.params(schema, json("{\"temperature\": 1, \"top_k\": 5}"));
        assertEquals(1.0, given.values().get("temperature").doubleValue());
        assertTrue(given.values().get("temperature").isDouble());
        assertEquals(List.of("Unrecognized params ['top_k'] are ignored for inference. Supported params are:"
                + " {'temperature', 'max_tokens', 'stop'}. To enable them, please add corresponding schema in ModelSignature."),
                given.warnings());
        SchemaViolation bad = assertThrows(SchemaViolation.class,
                () -> SchemaEnforcement.params(schema, json("{\"temperature\": \"hot\", \"max_tokens\": 1.5, \"stop\": \"x\"}")));
        assertTrue(bad.getMessage().startsWith("Invalid parameters found: {('temperature', \"Failed to validate type and shape"
                + " for 'temperature': double (default: 0.5), error: Can not safely convert `<class 'str'>` to"
                + " `DataType.double` for value `hot`\")"), bad.getMessage());
        assertTrue(bad.getMessage().contains("('max_tokens'") && bad.getMessage().contains("Value must be a 1D array with"
                + " shape (-1,) for param 'stop'"), bad.getMessage());
        assertThrows(SchemaViolation.class, () -> SchemaEnforcement.params(schema, json("[1]")));
        SchemaEnforcement.ParamsResult none = SchemaEnforcement.params(null, json("{\"k\": 1}"));
        assertTrue(none.values().isEmpty());
        assertTrue(none.warnings().get(0).endsWith("Ignoring provided params: ['k']"), none.warnings().toString());
    }

    @Test
    void valuesOfCompositeColumnsAsMlflowsEnforceType() throws Exception {
        assertEquals(json("[0.2, 0.8]"), JsonValues.enforce(json("[0.2, 0.8]"), new SparkMLVectorType(), true));
        // MLflow: a one-value int64 Series is not safely cast to float64 unless it is 0 or 1
        assertEquals(json("[0.0, 1.0]"), JsonValues.enforce(json("[0, 1]"), new SparkMLVectorType(), true));
        SchemaViolation ints = assertThrows(SchemaViolation.class,
                () -> JsonValues.enforce(json("[2, 3]"), new SparkMLVectorType(), true));
        assertEquals("Failed to enforce schema of data `2` with dtype `double`", ints.getMessage());
        ObjectType message = ObjectType.of(new ObjectType.Property("content", ColumnType.STRING, true),
                new ObjectType.Property("role", ColumnType.STRING, true));
        assertTrue(JsonValues.enforce(json("[{\"role\": \"user\", \"content\": \"hi\"}]"), new ArrayType(message), true)
                .isArray());
        assertEquals("Missing required properties: {'content'}", assertThrows(SchemaViolation.class,
                () -> JsonValues.enforce(json("{\"role\": \"user\"}"), message, true)).getMessage());
        assertEquals("Invalid properties not defined in the schema found: {'name'}", assertThrows(SchemaViolation.class,
                () -> JsonValues.enforce(json("{\"role\": \"u\", \"content\": \"c\", \"name\": \"n\"}"), message, true))
                .getMessage());
        assertEquals("Expected data to be a dict, got list", assertThrows(SchemaViolation.class,
                () -> JsonValues.enforce(json("[1.0]"), new MapType(ColumnType.DOUBLE), true)).getMessage());
        assertTrue(JsonValues.enforce(json("null"), new MapType(ColumnType.DOUBLE), false).isNull());
        assertEquals(json("{\"a\": [1]}"), JsonValues.enforce(json("{\"a\": [1]}"), new AnyType(), true));
    }

    @Test
    void compositeColumnsOfSparkFrames() {
        Dataset<Row> scored = new VectorAssembler().setInputCols(new String[]{"x", "y"}).setOutputCol("probability")
                .transform(SharedSpark.session().sql("SELECT 0.2D AS x, 0.8D AS y, 1.0D AS prediction,"
                        + " array(1.5D) AS scores, map('a', 1.0D) AS weights"));
        Schema outputs = Schema.fromJson("[{\"type\": \"double\", \"name\": \"prediction\", \"required\": true},"
                + " {\"type\": \"sparkml_vector\", \"name\": \"probability\", \"required\": true}]");
        Dataset<Row> enforced = SchemaEnforcement.enforce(outputs, scored);
        assertEquals(List.of("prediction", "probability"), List.of(enforced.columns()));
        // an array of doubles also fits sparkml_vector (MLflow's SparkMLVector is an Array of doubles)
        assertTrue(SchemaEnforcement.check(Schema.fromJson("[{\"type\": \"sparkml_vector\", \"name\": \"scores\"}]"),
                scored.schema()).accepted());
        EnforcementResult wrong = SchemaEnforcement.check(Schema.fromJson("[{\"type\": \"array\", \"items\": {\"type\":"
                + " \"long\"}, \"name\": \"scores\"}]"), scored.schema());
        assertTrue(wrong.message().contains("Can not safely convert Array(double) to Array(long)"), wrong.message());
        EnforcementResult scalar = SchemaEnforcement.check(Schema.fromJson("[{\"type\": \"double\", \"name\": \"probability\"}]"),
                scored.schema());
        assertTrue(scalar.message().contains("Can not safely convert SparkML vector to double"), scalar.message());
        EnforcementResult map = SchemaEnforcement.check(Schema.fromJson("[{\"type\": \"object\", \"properties\": {\"a\":"
                + " {\"type\": \"double\", \"required\": true}}, \"name\": \"weights\"}]"), scored.schema());
        assertTrue(map.accepted() && map.notEnforced().size() == 1, map.message());
    }
}
