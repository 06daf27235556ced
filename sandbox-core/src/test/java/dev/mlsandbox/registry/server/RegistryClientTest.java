package dev.mlsandbox.registry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlflow.api.proto.ModelRegistry.ModelVersion;
import org.mlflow.api.proto.ModelRegistry.RegisteredModel;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowHttpException;

import dev.mlsandbox.registry.RegistryMode;
import dev.mlsandbox.testing.StoreBackend;

/** The real MLflow Java client (2.17.2) against the registry: the methods it has. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreBackend.class)
class RegistryClientTest {
    static final String RM = "/api/2.0/mlflow/registered-models";
    static final String MV = "/api/2.0/mlflow/model-versions";

    @Parameter
    StoreBackend backend;

    @Test
    void ucModeReadsWithTheMlflowClient() throws Exception {
        try (RegistryFixture fx = new RegistryFixture(backend)) {
            MlflowClient client = new MlflowClient(fx.server.uri().toString());
            // the Java client has no create: it goes through sendPost, as any REST call can
            client.sendPost("registered-models/create", "{\"name\": \"main.ml.churn\", \"description\": \"churn\"}");
            String src = fx.modelDir("c", true).toUri().toString();
            client.sendPost("model-versions/create", "{\"name\": \"main.ml.churn\", \"source\": \"" + src + "\"}");
            client.sendPost("model-versions/create", "{\"name\": \"main.ml.churn\", \"source\": \"" + src + "\"}");
            client.sendPost("registered-models/alias", "{\"name\": \"main.ml.churn\", \"alias\": \"Champion\", \"version\": \"2\"}");

            RegisteredModel m = client.getRegisteredModel("main.ml.churn");
            assertEquals("churn", m.getDescription());
            assertEquals("champion", m.getAliases(0).getAlias());
            assertEquals("2", m.getAliases(0).getVersion());
            ModelVersion v = client.getModelVersion("main.ml.churn", "2");
            assertEquals(List.of("champion"), v.getAliasesList());
            assertEquals(src, v.getSource());
            assertEquals(2, client.searchModelVersions("name = 'main.ml.churn'").getItems().size());
            assertEquals(src, client.getModelVersionDownloadUri("main.ml.churn", "1"));
            MlflowHttpException e = assertThrows(MlflowHttpException.class, () -> client.getLatestVersions("main.ml.churn"));
            assertEquals(400, e.getStatusCode());
            assertTrue(e.getBodyMessage().contains("alias"), e.getBodyMessage());
            client.close();
        }
    }

    @Test
    void workspaceModeHasStagesAndLatestVersions() throws Exception {
        try (RegistryFixture fx = new RegistryFixture(backend, RegistryMode.WORKSPACE, null)) {
            MlflowClient client = new MlflowClient(fx.server.uri().toString());
            fx.post(RM + "/create", Map.of("name", "Churn"));
            String unsigned = fx.modelDir("w", false).toUri().toString();
            for (int i = 0; i < 3; i++) {
                RegistryFixture.Reply created = fx.post(MV + "/create", Map.of("name", "Churn", "source", unsigned));
                assertEquals(200, created.status(), created.body().toString());
            }
            RegistryFixture.Reply moved = fx.post(MV + "/transition-stage", Map.of("name", "Churn", "version", "2",
                    "stage", "production", "archive_existing_versions", true));
            assertEquals(200, moved.status(), moved.body().toString());
            List<ModelVersion> latest = client.getLatestVersions("Churn", List.of("Production"));
            assertEquals(1, latest.size());
            assertEquals("2", latest.get(0).getVersion());
            assertEquals("Production", latest.get(0).getCurrentStage());
            assertEquals("3", client.getLatestVersions("Churn", List.of("None")).get(0).getVersion());
            // workspace aliases keep their case
            fx.post(RM + "/alias", Map.of("name", "Churn", "alias", "Champion", "version", "3"));
            assertEquals(List.of("Champion"), client.getModelVersion("Churn", "3").getAliasesList());
            client.close();
        }
    }
}
