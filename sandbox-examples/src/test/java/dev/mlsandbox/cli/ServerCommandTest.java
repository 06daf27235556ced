package dev.mlsandbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.tracking.MlflowClient;

import dev.mlsandbox.tracking.Tracking;
import dev.mlsandbox.tracking.TrackingServer;

/**
 * {@code bin/sandbox server} itself, as a child JVM running the CLI main: it serves the real MLflow
 * client, stops cleanly on SIGTERM (what Ctrl-C's shutdown-hook path does) with the store
 * closed and reopenable, and refuses bad flags with a one-line error.
 */
class ServerCommandTest {

    /**
     * A child JVM running {@code SandboxCli args}, its output in files (Process.destroy() would
     * close the pipes before the shutdown message is read).
     */
    record Child(Process process, Path out, Path err) {
        static Child start(Path dir, String... args) throws IOException {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-cp", System.getProperty("java.class.path"), SandboxCli.class.getName()));
            cmd.addAll(List.of(args));
            Path out = dir.resolve("stdout.txt");
            Path err = dir.resolve("stderr.txt");
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            return new Child(p, out, err);
        }

        String stdout() throws IOException {
            return Files.readString(out);
        }

        String stderr() throws IOException {
            return Files.readString(err);
        }

        int awaitExit() throws Exception {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the server did not exit within 60 s");
            return process.exitValue();
        }
    }

    @Test
    void servesTheClientAndStopsCleanlyOnSigterm(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path db = dir.resolve("mlflow.db");
        Path artifacts = dir.resolve("artifacts");
        Child child = Child.start(dir, "server", "--port", Integer.toString(port), "--backend-store-uri", "sqlite:///" + db,
                "--artifacts-destination", artifacts.toString());
        String uri = "http://127.0.0.1:" + port;
        String runId;
        String experimentId;
        try {
            awaitHealthy(uri, child.process());
            try (MlflowClient client = new MlflowClient(uri); Tracking tracking = Tracking.connect(URI.create(uri))) {
                experimentId = client.createExperiment("cli-server");
                runId = client.createRun(experimentId).getRunId();
                client.logBatch(runId, List.of(Metric.newBuilder().setKey("rmse").setValue(0.25).setTimestamp(1).setStep(3).build()),
                        List.of(Param.newBuilder().setKey("depth").setValue("5").build()), List.of());
                tracking.logText(runId, "hello", "notes/readme.txt");
            }
        } finally {
            child.process().destroy(); // SIGTERM: the JVM runs the shutdown hook, like Ctrl-C
        }
        int code = child.awaitExit();
        String out = child.stdout();
        String err = child.stderr();
        // 143 = 128 + SIGTERM: a JVM stopped by a signal exits with it once its shutdown hooks are done
        // (docs/tracking.md)
        assertEquals(143, code, "exit code " + code + "\nout:\n" + out + "\nerr:\n" + err);
        assertTrue(out.contains("Tracking server listening at " + uri), out);
        assertTrue(err.contains("tracking server stopped; store closed"), "no shutdown message in:\n" + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "stack trace on shutdown:\n" + err);

        // the store was closed cleanly: the WAL was checkpointed away, the file is consistent
        assertFalse(Files.exists(dir.resolve("mlflow.db-wal")) && Files.size(dir.resolve("mlflow.db-wal")) > 0,
                "the write-ahead log was left behind: the store was not closed");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            assertTrue(rs.next());
            assertEquals("ok", rs.getString(1));
        }
        // ... and reopens with the data present
        try (TrackingServer again = TrackingServer.builder().port(0).backendStoreUri("sqlite:///" + db)
                .artifactsDestination(artifacts).build().start();
                MlflowClient client = new MlflowClient(again.uri().toString());
                Tracking tracking = Tracking.connect(again.uri())) {
            Run run = client.getRun(runId);
            assertEquals(experimentId, run.getInfo().getExperimentId());
            assertEquals(0.25, run.getData().getMetrics(0).getValue());
            assertEquals(3, run.getData().getMetrics(0).getStep());
            assertEquals("5", run.getData().getParams(0).getValue());
            assertEquals("hello", new String(tracking.readArtifact(runId, "notes/readme.txt"), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aBadStoreUriIsOneLineAndANonZeroExit(@TempDir Path dir) throws Exception {
        Child child = Child.start(dir, "server", "--port", "0", "--backend-store-uri", "mysql://x",
                "--artifacts-destination", dir.resolve("a").toString());
        int code = child.awaitExit();
        String err = child.stderr();
        assertTrue(code == ExitCodes.FAILED || code == ExitCodes.USAGE, "exit code " + code + ": " + err);
        String first = err.lines().findFirst().orElse("");
        assertTrue(first.startsWith("sandbox server: ") && first.contains("mysql://x"), err);
        assertFalse(err.contains("\tat ") || err.contains("Exception"), "stack trace or exception name in:\n" + err);
    }

    @Test
    void otherBadFlagsAreRefusedInProcess() {
        for (String[] args : new String[][]{{"server", "--port", "abc"}, {"server", "--port", "70000"},
                {"server", "--backend-store-uri", "postgres"}, {"server", "--bogus"}}) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = SandboxCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
            String joined = String.join(" ", args);
            assertTrue(code == ExitCodes.FAILED || code == ExitCodes.USAGE, joined + " exited " + code + ": " + err);
            assertTrue(err.toString().startsWith("sandbox"), joined + ": " + err);
            assertFalse(err.toString().contains("\tat "), joined + " printed a stack trace: " + err);
        }
    }

    private static void awaitHealthy(String uri, Process p) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            assertTrue(p.isAlive(), "the server exited before it answered /health");
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(uri + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("GET /health did not answer 200 within 90 s");
    }
}
