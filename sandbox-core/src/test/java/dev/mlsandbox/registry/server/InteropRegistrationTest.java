package dev.mlsandbox.registry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mlflow.api.proto.ModelRegistry.ModelVersion;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.tracking.MlflowClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mlsandbox.registry.Registry;
import dev.mlsandbox.registry.model.MlmodelFile;
import dev.mlsandbox.registry.signature.ColumnType;
import dev.mlsandbox.registry.signature.EnforcementResult;
import dev.mlsandbox.registry.signature.FieldType;
import dev.mlsandbox.registry.signature.JsonValues;
import dev.mlsandbox.registry.signature.ModelSignature;
import dev.mlsandbox.registry.signature.SchemaEnforcement;
import dev.mlsandbox.registry.signature.SchemaViolation;
import dev.mlsandbox.registry.signature.SparkMLVectorType;

/**
 * The MLmodel files MLflow writes for a scikit-learn model (unnamed long output), a pyspark.ml
 * pipeline (named inputs, a sparkml_vector output), a PyTorch model (tensors, MLflow 3 keys) and a
 * pyfunc with composite inputs and params: each is logged into a run made with the real MLflow Java
 * client, registered in Unity Catalog mode through the REST API with that client, read back with it,
 * downloaded, its signature is the one written, and a request that fits and one that does not get
 * MLflow's verdicts.
 */
class InteropRegistrationTest {
    static final Path FIXTURES = Path.of("src/test/resources/mlmodels");
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyFixtureRegistersLoadsAndKeepsItsSignature() throws Exception {
        try (RegistryFixture fx = new RegistryFixture();
                Registry registry = Registry.connect(fx.server.uri())) {
            MlflowClient client = new MlflowClient(fx.server.uri().toString());
            String experiment = client.createExperiment("interop");
            for (String fixture : new String[]{"sklearn", "pyspark-ml", "tensor", "pyfunc-params"}) {
                RunInfo run = client.createRun(experiment);
                String source = registry.logModelDirectory(run.getRunId(), "model", FIXTURES.resolve(fixture));
                String name = "main.interop." + fixture.replace('-', '_');
                client.sendPost("registered-models/create", "{\"name\": \"" + name + "\"}");
                JsonNode created = JSON.readTree(client.sendPost("model-versions/create", JSON.writeValueAsString(
                        Map.of("name", name, "source", source, "run_id", run.getRunId()))));
                assertEquals("1", created.path("model_version").path("version").asText(), fixture + ": " + created);
                assertEquals("READY", created.path("model_version").path("status").asText(), fixture);

                ModelVersion v = client.getModelVersion(name, "1");
                assertEquals(source, v.getSource(), fixture);
                assertEquals(run.getRunId(), v.getRunId(), fixture);

                Path dir = registry.download("models:/" + name + "/1", fx.dir.resolve("cache"));
                ModelSignature downloaded = MlmodelFile.read(dir).signature();
                ModelSignature original = MlmodelFile.read(FIXTURES.resolve(fixture)).signature();
                assertEquals(original, downloaded, fixture);
                assertTrue(downloaded.outputs() != null, fixture);
                enforces(fixture, downloaded);
            }
            client.close();
        }
    }

    /** A request that fits and one that does not, for the downloaded signature. */
    private static void enforces(String fixture, ModelSignature sig) throws Exception {
        switch (fixture) {
            case "sklearn" -> {
                Map<String, ColumnType> four = new LinkedHashMap<>();
                for (String n : sig.inputs().names()) {
                    four.put(n, ColumnType.DOUBLE);
                }
                assertTrue(SchemaEnforcement.check(sig.inputs(), four).accepted());
                four.remove("petal width (cm)");
                assertTrue(SchemaEnforcement.check(sig.inputs(), four).message()
                        .startsWith("Model is missing inputs ['petal width (cm)']"));
                // the unnamed output is matched by position, whatever the column is called
                assertTrue(SchemaEnforcement.check(sig.outputs(), Map.of("predictions", ColumnType.LONG)).accepted());
                assertFalse(SchemaEnforcement.check(sig.outputs(), Map.of("predictions", ColumnType.DOUBLE)).accepted());
            }
            case "pyspark-ml" -> {
                Map<String, FieldType> out = new LinkedHashMap<>();
                out.put("prediction", ColumnType.DOUBLE);
                out.put("probability", new SparkMLVectorType());
                assertTrue(SchemaEnforcement.checkFields(sig.outputs(), out).accepted());
                Map<String, ColumnType> in = new LinkedHashMap<>();
                sig.inputs().columns().forEach(c -> in.put(c.name(), c.type()));
                in.put("tenure_months", ColumnType.LONG);
                assertTrue(SchemaEnforcement.check(sig.inputs(), in).message()
                        .contains("Can not safely convert long to integer"));
            }
            case "tensor" -> {
                assertTrue(SchemaEnforcement.checkTensor(sig.inputs().tensors().get(0), "float32", List.of(8L, 28L, 28L)).accepted());
                EnforcementResult flat = SchemaEnforcement.checkTensor(sig.inputs().tensors().get(0), "float32", List.of(8L, 784L));
                assertFalse(flat.accepted(), flat.message());
            }
            case "pyfunc-params" -> {
                FieldType messages = sig.inputs().column("messages").orElseThrow().dataType();
                JsonValues.enforce(JSON.readTree("[{\"role\": \"user\", \"content\": \"hi\"}]"), messages, true);
                assertThrows(SchemaViolation.class, () -> JsonValues.enforce(JSON.readTree("[{\"role\": \"user\"}]"), messages, true));
                assertEquals(64, SchemaEnforcement.params(sig.params(), null).values().get("max_tokens").asInt());
                assertThrows(SchemaViolation.class, () -> SchemaEnforcement.params(sig.params(),
                        JSON.readTree("{\"max_tokens\": \"many\"}")));
            }
            default -> throw new IllegalArgumentException(fixture);
        }
    }
}
