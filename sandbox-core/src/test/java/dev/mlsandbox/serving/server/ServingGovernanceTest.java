package dev.mlsandbox.serving.server;

import static dev.mlsandbox.serving.server.ServingFixture.MODEL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlsandbox.registry.Registry;
import dev.mlsandbox.registry.server.AuthConfig;
import dev.mlsandbox.registry.server.RegistryOptions;
import dev.mlsandbox.registry.server.RegistryServer;
import dev.mlsandbox.serving.server.ServingFixture.Client;
import dev.mlsandbox.serving.server.ServingFixture.Reply;
import dev.mlsandbox.tracking.TrackingServer;

/** Serving a model needs EXECUTE on it (Unity Catalog), checked by the registry for the caller. */
class ServingGovernanceTest {

    @Test
    void creatingAnEndpointNeedsExecuteOnTheModel(@TempDir Path dir) throws Exception {
        AuthConfig auth = AuthConfig.builder("admin", "admin-pw").user("alice", "alice-pw").user("bob", "bob-pw").build();
        TrackingServer.Builder b = TrackingServer.builder().port(0).storeIn(dir);
        RegistryServer.install(b, RegistryOptions.unityCatalog(TrackingServer.artifactsIn(dir)).withAuth(auth));
        ServingModule.install(b, ServingOptions.in(dir.resolve("cache")));
        try (TrackingServer server = b.build().start()) {
            Client admin = new Client(server.uri(), "admin");
            assertEquals(200, admin.json("POST", "/api/2.1/unity-catalog/catalogs", "{\"name\": \"main\"}").status());
            assertEquals(200, admin.json("POST", "/api/2.1/unity-catalog/schemas", "{\"catalog_name\": \"main\", \"name\": \"ml\"}").status());
            Registry asAdmin = Registry.connect(server.uri(), "admin", "admin-pw");
            asAdmin.sql("GRANT USE CATALOG ON CATALOG main TO alice");
            asAdmin.sql("GRANT USE SCHEMA, CREATE MODEL ON SCHEMA main.ml TO alice");
            Registry alice = Registry.connect(server.uri(), "alice", "alice-pw");
            alice.createModel(MODEL, "churn");
            alice.createVersion(MODEL, ServingFixture.modelDirs().get(1).toUri().toString(), null);

            String create = "{\"name\": \"bobs\", \"config\": {\"served_entities\": [{\"entity_name\": \"" + MODEL
                    + "\", \"entity_version\": \"1\"}]}}";
            Client bob = new Client(server.uri(), "bob");
            Reply denied = bob.json("POST", "/api/2.0/serving-endpoints", create);
            assertEquals(403, denied.status(), denied.text());
            assertEquals("PERMISSION_DENIED", denied.errorCode());
            assertTrue(denied.message().contains("EXECUTE"), denied.message());
            assertEquals(404, bob.json("GET", "/api/2.0/serving-endpoints/bobs", null).status());
            Reply anonymous = new Client(server.uri()).json("POST", "/api/2.0/serving-endpoints", create);
            assertEquals(401, anonymous.status(), anonymous.text());

            alice.sql("GRANT EXECUTE ON FUNCTION " + MODEL + " TO bob");
            asAdmin.sql("GRANT USE CATALOG ON CATALOG main TO bob");
            asAdmin.sql("GRANT USE SCHEMA ON SCHEMA main.ml TO bob");
            Reply created = bob.json("POST", "/api/2.0/serving-endpoints", create);
            assertEquals(200, created.status(), created.text());
            assertEquals("bob", created.json().path("creator").asText());
            assertEquals("READY", bob.awaitUpdated("bobs").json().path("state").path("ready").asText());
            Reply answer = bob.invoke("bobs", ServingFixture.split(0, 3));
            assertEquals(200, answer.status(), answer.text());
            assertEquals(3, answer.json().path("predictions").size());
        }
    }
}
