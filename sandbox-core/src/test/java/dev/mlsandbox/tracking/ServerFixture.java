package dev.mlsandbox.tracking;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mlflow.tracking.MlflowClient;

import dev.mlsandbox.testing.StoreBackend;

/** A tracking server on a free port with its own store (on either back end), plus clients for it. */
final class ServerFixture implements AutoCloseable {
    final Path dir;
    final StoreBackend.TestStore store;
    final TrackingServer server;
    final MlflowClient client;
    final HttpClient http = HttpClient.newHttpClient();

    ServerFixture() throws IOException {
        this(StoreBackend.SQLITE);
    }

    ServerFixture(StoreBackend backend) throws IOException {
        backend.assumeAvailable();
        dir = Files.createTempDirectory("tracking-test");
        store = backend.freshStore(dir);
        server = TrackingServer.builder().port(0).backendStoreUri(store.uri())
                .artifactsDestination(dir.resolve("artifacts")).build().start();
        if (server.store().database().dialect() != backend.dialect()) {
            throw new IllegalStateException("asked for " + backend + " but the store is " + server.store().database().dialect());
        }
        client = new MlflowClient(server.uri().toString());
    }

    /** A raw HTTP call: status and body. */
    record Reply(int status, String body) {}

    Reply post(String path, String json) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.uri() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    Reply get(String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.uri() + pathAndQuery)).GET().build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    Reply send(String method, String pathAndQuery, byte[] body) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.uri() + pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    @Override
    public void close() throws IOException {
        client.close();
        server.close();
        store.close();
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
