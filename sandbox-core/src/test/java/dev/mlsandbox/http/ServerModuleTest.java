package dev.mlsandbox.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlsandbox.tracking.TrackingServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The module seam: a module's migrations are applied once, its routes served beside tracking's. */
class ServerModuleTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> call(URI base, String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aModuleAddsItsTablesAndRoutesBesideTracking(@TempDir Path dir) throws Exception {
        for (int round = 1; round <= 2; round++) {
            try (TrackingServer server = TrackingServer.builder().port(0).storeIn(dir).module(new HelloModule()).build().start()) {
                URI base = server.uri();
                HttpResponse<String> hello = call(base, "POST", "/api/hello/ada");
                assertEquals(200, hello.statusCode(), hello.body());
                // the table outlives the server: the migration ran once, the second start found it applied
                assertEquals(round, Json.mapper().readTree(hello.body()).get("count").asLong());
                assertEquals(1, server.store().database().schemaVersion(HelloModule.COMPONENT));
                JsonNode missing = Json.mapper().readTree(call(base, "GET", "/api/hello/bob").body());
                assertEquals("RESOURCE_DOES_NOT_EXIST", missing.get("error_code").asText());
                assertEquals(200, call(base, "GET", "/api/2.0/mlflow/experiments/get?experiment_id=0").statusCode());
                assertTrue(server.routes().contains("POST /api/hello/{name}"), server.routes().toString());
            }
        }
    }

    @Test
    void theServerHostsModulesWithoutTracking(@TempDir Path dir) throws Exception {
        try (Server server = Server.builder().port(0).backendStoreUri("sqlite:///" + dir.resolve("app.db"))
                .module(new HelloModule()).build().start()) {
            assertEquals(200, call(server.uri(), "POST", "/api/hello/ada").statusCode());
            assertEquals(200, call(server.uri(), "GET", "/health").statusCode());
            assertEquals(404, call(server.uri(), "GET", "/api/2.0/mlflow/experiments/get?experiment_id=0").statusCode());
            assertEquals(0, server.database().schemaVersion("tracking"));
        }
    }
}
