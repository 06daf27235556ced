package dev.mlsandbox.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mlsandbox.lab.TempDirectories;
import dev.mlsandbox.spark.SparkJvmFlags;

/**
 * A real Spark standalone cluster on this machine: one master and one worker, each a child JVM
 * started from the project's own dependencies ({@code org.apache.spark.deploy.master.Master} and
 * {@code ...worker.Worker}, exactly what {@code sbin/start-master.sh} and {@code start-worker.sh}
 * run), on loopback ports, with the project's JVM flags and small heaps.
 *
 * <p>The worker starts each application's executor JVM itself and builds its class path from
 * {@code $SPARK_HOME/jars}, as on a real cluster. Here that directory plays the part of the Spark
 * installation on the cluster's machines: links to the third-party jars the project builds with
 * (Spark, Scala, Delta Lake, ...), so versions match the driver's. The project's own jars are not
 * in it: an application ships them with {@code spark.jars}, as {@code spark-submit --jars} would.
 */
final class StandaloneCluster implements AutoCloseable {

    /** Cores the worker offers (the machine's two). */
    static final int WORKER_CORES = 2;

    private final Path home;
    private final List<Process> processes = new ArrayList<>();
    private final int masterPort;
    private final int masterUiPort;

    private StandaloneCluster(Path home, int masterPort, int masterUiPort) {
        this.home = home;
        this.masterPort = masterPort;
        this.masterUiPort = masterUiPort;
    }

    /**
     * Starts the master and the worker and waits until the master lists the worker as alive.
     *
     * @param distribution the jars of the "Spark installation" ({@code $SPARK_HOME/jars})
     */
    static StandaloneCluster start(List<Path> distribution) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("spark-standalone");
        Path jars = Files.createDirectories(home.resolve("jars"));
        int i = 0;
        for (Path jar : distribution) {
            // a prefix keeps two jars with the same file name apart
            Files.createSymbolicLink(jars.resolve(String.format("%03d-%s", i++, jar.getFileName())), jar.toAbsolutePath());
        }
        StandaloneCluster cluster = new StandaloneCluster(home, freePort(), freePort());
        try {
            cluster.launch("master", List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                    Integer.toString(cluster.masterPort), "--webui-port", Integer.toString(cluster.masterUiPort)));
            cluster.awaitMaster();
            cluster.launch("worker", List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--port",
                    Integer.toString(freePort()), "--webui-port", Integer.toString(freePort()), "--cores",
                    Integer.toString(WORKER_CORES), "--memory", "1g", "--work-dir",
                    Files.createDirectories(home.resolve("work")).toString(), cluster.masterUrl()));
            cluster.awaitWorker();
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    /** {@code spark://127.0.0.1:PORT}: what {@code --master} takes. */
    String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** A daemon's log: where to look when it fails. */
    Path log(String role) {
        return home.resolve(role + ".log");
    }

    private void launch(String role, List<String> mainAndArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.addAll(SparkJvmFlags.flags());
        command.add("-cp");
        command.add(home.resolve("jars").toString() + "/*");
        command.addAll(mainAndArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(role).toFile());
        builder.environment().put("SPARK_HOME", home.toString());
        // The worker's executor command builder asks for the Scala version when SPARK_HOME is not a
        // source checkout; a binary distribution's scripts export it the same way.
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("SPARK_LOG_DIR", home.toString());
        builder.environment().remove("SPARK_CONF_DIR");
        processes.add(builder.start());
    }

    private JsonNode masterState() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUiPort + "/json/"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new ObjectMapper().readTree(reply.body());
    }

    private void awaitMaster() throws IOException, InterruptedException {
        await("the master to answer on port " + masterUiPort, "master", () -> masterState().path("status").asText().equals("ALIVE"));
    }

    private void awaitWorker() throws IOException, InterruptedException {
        await("the worker to register with the master", "worker", () -> masterState().path("aliveworkers").asInt() >= 1);
    }

    @FunctionalInterface
    private interface Check {
        boolean ok() throws IOException, InterruptedException;
    }

    /** Generous: a loaded 2-core machine can take a minute to start a JVM with Spark on it. */
    private void await(String what, String role, Check check) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            for (Process p : processes) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("a cluster daemon exited (status " + p.exitValue() + ") while waiting for "
                            + what + "; its log:\n" + tail(log(role)));
                }
            }
            try {
                if (check.ok()) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("timed out after 180 s waiting for " + what + "; log:\n" + tail(log(role)));
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Regular files under a directory, for the executors' logs when a job fails. */
    String executorLogs() {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> files = Files.walk(home.resolve("work"))) {
            files.filter(p -> p.getFileName().toString().equals("stderr")).forEach(p -> out.append("== ").append(p).append('\n')
                    .append(tail(p)).append('\n'));
        } catch (IOException | UncheckedIOException e) {
            out.append("(no executor logs: ").append(e.getMessage()).append(')');
        }
        return out.toString();
    }

    @Override
    public void close() {
        // worker first: it stops its executors
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.destroy();
            try {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        TempDirectories.deleteQuietly(home);
    }
}
