package dev.mlsandbox.registry.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every signature form MLflow 2.x and 3.x write, read from MLmodel files in the shapes MLflow writes
 * them (test resources mlmodels/), and written back to the same text.
 */
class SignatureFormsTest {
    static final Path FIXTURES = Path.of("src/test/resources/mlmodels");

    static Map<String, Object> signatureStrings(String fixture) throws IOException {
        Map<String, Object> m = new YAMLMapper().readValue(FIXTURES.resolve(fixture).resolve("MLmodel").toFile(),
                new TypeReference<Map<String, Object>>() { });
        @SuppressWarnings("unchecked")
        Map<String, Object> sig = (Map<String, Object>) m.get("signature");
        return sig;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sklearn", "pyspark-ml", "tensor", "pyfunc-params"})
    void eachFixtureReadsAndWritesBackTheSameText(String fixture) throws IOException {
        Map<String, Object> strings = signatureStrings(fixture);
        ModelSignature sig = ModelSignature.fromMlmodelMap(strings);
        assertEquals(strings.get("inputs"), sig.inputs().toJson());
        assertEquals(strings.get("outputs"), sig.outputs().toJson());
        assertEquals(strings.get("params"), sig.params() == null ? null : sig.params().toJson());
        assertEquals(sig, ModelSignature.fromMlmodelMap(sig.toMlmodelMap()));
    }

    @Test
    void sklearnOutputIsOneUnnamedLongColumn() throws IOException {
        ModelSignature sig = ModelSignature.fromMlmodelMap(signatureStrings("sklearn"));
        assertEquals(List.of(ColumnSpec.unnamed(ColumnType.LONG)), sig.outputs().columns());
        assertFalse(sig.outputs().hasInputNames());
        assertEquals(List.of("0"), sig.outputs().names());
        assertEquals("[long (required)]", sig.outputs().repr());
        assertEquals("sepal length (cm)", sig.inputs().columns().get(0).name());
    }

    @Test
    void tensorsKeepDtypeAndShape() throws IOException {
        ModelSignature sig = ModelSignature.fromMlmodelMap(signatureStrings("tensor"));
        assertTrue(sig.inputs().isTensorSpec());
        assertEquals(TensorSpec.of(null, "float32", -1, 28, 28), sig.inputs().tensors().get(0));
        assertEquals("[Tensor('float32', (-1, 10))]", sig.outputs().repr());
        assertEquals("{\"name\": \"x\", \"type\": \"tensor\", \"tensor-spec\": {\"dtype\": \"float64\", \"shape\": [-1]}}",
                PyJson.dumps(TensorSpec.of("x", "float64", -1).toJson()));
        assertEquals("(-1,)", TensorSpec.of("x", "float64", -1).shapeRepr());
    }

    @Test
    void compositeTypesAndParams() throws IOException {
        ModelSignature sig = ModelSignature.fromMlmodelMap(signatureStrings("pyfunc-params"));
        FieldType messages = sig.inputs().column("messages").orElseThrow().dataType();
        assertEquals(new ArrayType(ObjectType.of(new ObjectType.Property("content", ColumnType.STRING, true),
                new ObjectType.Property("role", ColumnType.STRING, true))), messages);
        assertEquals("Array({content: string (required), role: string (required)})", messages.repr());
        assertEquals(new MapType(ColumnType.DOUBLE), sig.inputs().column("weights").orElseThrow().dataType());
        assertFalse(sig.inputs().column("weights").orElseThrow().required());
        assertEquals(new AnyType(), sig.inputs().column("context").orElseThrow().dataType());
        ParamSpec stop = sig.params().param("stop").orElseThrow();
        assertEquals(List.of(-1L), stop.shape());
        assertEquals("'stop': string (default: ['END']) (shape: (-1,))", stop.repr());
        assertNull(sig.params().param("temperature").orElseThrow().shape());
        assertEquals(0.5, sig.params().param("temperature").orElseThrow().defaultValue().doubleValue());
    }

    @Test
    void olderFormsStillRead() {
        // MLflow before 2.10 wrote no "required" (required), and ParamSpec once wrote "dtype"
        assertTrue(Schema.fromJson("[{\"name\": \"a\", \"type\": \"long\"}]").columns().get(0).required());
        assertEquals(ColumnType.LONG, Schema.fromJson("[{\"type\": \"long\"}]").columns().get(0).type());
        assertEquals(ColumnType.DOUBLE, ParamSchema.fromJson("[{\"name\": \"t\", \"dtype\": \"double\", \"default\": 1.0}]")
                .params().get(0).type());
        assertEquals("[]", Schema.fromJson("[]").toJson());
    }

    @Test
    void mlflowsSchemaRulesAreEnforcedWithTheirMessages() {
        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
                () -> Schema.fromJson("[{\"type\": \"long\", \"name\": \"a\"}, {\"type\": \"long\"}]"));
        assertTrue(mixed.getMessage().contains("combination of named and unnamed inputs"), mixed.getMessage());
        IllegalArgumentException optional = assertThrows(IllegalArgumentException.class,
                () -> Schema.fromJson("[{\"type\": \"long\", \"required\": false}]"));
        assertTrue(optional.getMessage().contains("unnamed optional inputs"), optional.getMessage());
        IllegalArgumentException twoTensors = assertThrows(IllegalArgumentException.class, () -> Schema.fromJson(
                "[{\"type\": \"tensor\", \"tensor-spec\": {\"dtype\": \"float32\", \"shape\": [-1]}},"
                        + " {\"type\": \"tensor\", \"tensor-spec\": {\"dtype\": \"float32\", \"shape\": [-1]}}]"));
        assertTrue(twoTensors.getMessage().contains("multiple unnamed TensorSpecs"), twoTensors.getMessage());
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> Schema.fromJson(
                "[{\"name\": \"a\", \"type\": \"long\"}, {\"name\": \"t\", \"type\": \"tensor\", \"tensor-spec\": {\"dtype\": \"int64\", \"shape\": [-1]}}]"));
        assertTrue(both.getMessage().contains("not both"), both.getMessage());
        IllegalArgumentException vector = assertThrows(IllegalArgumentException.class,
                () -> Schema.fromJson("[{\"type\": \"SparkMLVector\", \"name\": \"probability\"}]"));
        assertTrue(vector.getMessage().contains("entry 0") && vector.getMessage().contains("\"sparkml_vector\""),
                vector.getMessage());
        IllegalArgumentException dtype = assertThrows(IllegalArgumentException.class, () -> Schema.fromJson(
                "[{\"type\": \"tensor\", \"tensor-spec\": {\"dtype\": \"<U10\", \"shape\": [-1]}}]"));
        assertTrue(dtype.getMessage().contains("size information"), dtype.getMessage());
        IllegalArgumentException noItems = assertThrows(IllegalArgumentException.class,
                () -> Schema.fromJson("[{\"type\": \"array\", \"name\": \"a\"}]"));
        assertTrue(noItems.getMessage().contains("`items`"), noItems.getMessage());
        IllegalArgumentException badDefault = assertThrows(IllegalArgumentException.class,
                () -> ParamSchema.fromJson("[{\"name\": \"k\", \"type\": \"long\", \"default\": \"ten\", \"shape\": null}]"));
        assertTrue(badDefault.getMessage().contains("Can not safely convert `<class 'str'>` to `DataType.long`"),
                badDefault.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ParamSpec.of("b", ColumnType.BINARY,
                JsonNodeFactory.instance.nullNode(), null));
    }

    @Test
    void writesAsPythonsJsonDumps() {
        assertEquals("[{\"type\": \"string\", \"name\": \"caf\\u00e9 \\\"x\\\"\", \"required\": true}]",
                Schema.of(ColumnSpec.required("café \"x\"", ColumnType.STRING)).toJson());
        assertEquals("1e-05", PyJson.floatRepr(0.00001));
        assertEquals("0.0001", PyJson.floatRepr(0.0001));
        assertEquals("1.0", PyJson.floatRepr(1));
        assertEquals("1e+16", PyJson.floatRepr(1e16));
        assertEquals("123456789012345.0", PyJson.floatRepr(123456789012345.0));
        assertEquals("-2.5", PyJson.floatRepr(-2.5));
    }
}
