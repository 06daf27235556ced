package dev.mlsandbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlsandbox.serving.protocol.ServingModel;
import dev.mlsandbox.serving.server.ServingFixture;

/** {@code bin/sandbox serve --model DIR}: one model at POST /invocations, in a child JVM, as mlflow models serve. */
class ServeCommandTest {

    @Test
    void servesOneModelAtInvocations(@TempDir Path dir) throws Exception {
        Path model = ServingFixture.modelDirs().get(1);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ServerCommandTest.Child child = ServerCommandTest.Child.start(dir, "serve", "--model", model.toString(), "--port",
                Integer.toString(port));
        String uri = "http://127.0.0.1:" + port;
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            HttpResponse<String> ping = null;
            while (System.nanoTime() < deadline && child.process().isAlive()) {
                try {
                    ping = http.send(HttpRequest.newBuilder(URI.create(uri + "/ping")).build(), HttpResponse.BodyHandlers.ofString());
                    break;
                } catch (java.io.IOException notYet) {
                    Thread.sleep(100);
                }
            }
            assertTrue(ping != null && ping.statusCode() == 200, "not serving; stderr:\n" + child.stderr());
            String body = ServingFixture.split(0, 4);
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(uri + "/invocations"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals(ServingModel.load(model).invoke(body, "application/json").body(), answer.body());
            HttpResponse<String> csv = http.send(HttpRequest.newBuilder(URI.create(uri + "/invocations"))
                    .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("a")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(415, csv.statusCode(), csv.body());
        } finally {
            child.process().destroy();
        }
        child.awaitExit();
        assertTrue(child.stdout().contains("Serving " + model.toAbsolutePath() + " at " + uri + "/invocations"), child.stdout());
        assertTrue(child.stdout().contains("compiled"), child.stdout());
    }
}
