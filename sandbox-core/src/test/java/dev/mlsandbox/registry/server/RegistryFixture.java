package dev.mlsandbox.registry.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mlsandbox.registry.RegistryMode;
import dev.mlsandbox.registry.model.MlmodelFile;
import dev.mlsandbox.registry.signature.ColumnSpec;
import dev.mlsandbox.registry.signature.ColumnType;
import dev.mlsandbox.registry.signature.ModelSignature;
import dev.mlsandbox.registry.signature.Schema;
import dev.mlsandbox.testing.StoreBackend;
import dev.mlsandbox.tracking.TrackingServer;

/** A tracking server with the registry on a free port, its own store, and HTTP helpers. */
final class RegistryFixture implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final Path dir;
    final TrackingServer server;
    final HttpClient http = HttpClient.newHttpClient();

    /** Where the store lives: a SQLite file, or a fresh database on the PostgreSQL test server. */
    final StoreBackend.TestStore store;

    /** Work on the new, empty store before the server opens it (and applies its migrations). */
    @FunctionalInterface
    interface Preparation {
        void prepare(StoreBackend.TestStore store) throws Exception;
    }

    RegistryFixture(StoreBackend backend, RegistryMode mode, AuthConfig auth) throws IOException {
        this(backend, mode, auth, store -> { });
    }

    RegistryFixture(StoreBackend backend, RegistryMode mode, AuthConfig auth, Preparation preparation) throws IOException {
        backend.assumeAvailable();
        dir = Files.createTempDirectory("registry-test");
        Path artifacts = dir.resolve("artifacts");
        store = backend.freshStore(dir);
        try {
            preparation.prepare(store);
        } catch (Exception e) {
            store.close();
            throw new IllegalStateException("preparing the " + backend + " store failed: " + e.getMessage(), e);
        }
        TrackingServer.Builder b = TrackingServer.builder().port(0).backendStoreUri(store.uri())
                .artifactsDestination(artifacts);
        RegistryServer.install(b, new RegistryOptions(mode, artifacts, auth));
        server = b.build().start();
        if (server.store().database().dialect() != backend.dialect()) {
            throw new IllegalStateException("asked for " + backend + " but the store is " + server.store().database().dialect());
        }
    }

    RegistryFixture(RegistryMode mode, AuthConfig auth) throws IOException {
        this(StoreBackend.SQLITE, mode, auth);
    }

    RegistryFixture(StoreBackend backend) throws IOException {
        this(backend, RegistryMode.UNITY_CATALOG, null);
    }

    RegistryFixture() throws IOException {
        this(RegistryMode.UNITY_CATALOG, null);
    }

    /** A status and a parsed JSON body. */
    record Reply(int status, JsonNode body) {
        String errorCode() {
            return body.path("error_code").asText();
        }

        String message() {
            return body.path("message").asText();
        }
    }

    Reply call(String method, String path, Object body, String user) throws IOException, InterruptedException {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(server.uri() + path));
        if (user != null) {
            req.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user + "-pw").getBytes(StandardCharsets.UTF_8)));
        }
        if (body == null) {
            req.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            req.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        String text = r.body();
        return new Reply(r.statusCode(), text == null || text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text));
    }

    Reply post(String path, Object body) throws IOException, InterruptedException {
        return call("POST", path, body, null);
    }

    Reply get(String pathAndQuery) throws IOException, InterruptedException {
        return call("GET", pathAndQuery, null, null);
    }

    /** A model directory with an MLmodel file (and a signature unless {@code signed} is false). */
    Path modelDir(String name, boolean signed) throws IOException {
        Path d = dir.resolve("models").resolve(name);
        Schema in = Schema.of(ColumnSpec.required("x", ColumnType.DOUBLE));
        Schema out = Schema.of(ColumnSpec.required("prediction", ColumnType.DOUBLE));
        new MlmodelFile("model", null, "2024-01-01 00:00:00.000000", MlmodelFile.MLFLOW_VERSION, "0".repeat(32),
                Map.of("spark", Map.of("model_data", "sparkml")), signed ? new ModelSignature(in, out) : null, null).write(d);
        return d;
    }

    @Override
    public void close() throws IOException {
        server.close();
        store.close();
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
