package dev.mlsandbox.registry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mlflow.api.proto.ModelRegistry.ModelVersion;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.tracking.MlflowClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mlsandbox.registry.Registry;
import dev.mlsandbox.registry.model.MlmodelFile;
import dev.mlsandbox.registry.signature.ModelSignature;

/**
 * The MLmodel files MLflow writes for a scikit-learn model (unnamed long output), a pyspark.ml
 * pipeline (named inputs, a sparkml_vector output), a PyTorch model (tensors, MLflow 3 keys) and a
 * pyfunc with composite inputs and params: each is logged into a run made with the real MLflow Java
 * client, registered in Unity Catalog mode through the REST API with that client, read back with it,
 * downloaded, and its signature is the one written.
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
            }
            client.close();
        }
    }
}
