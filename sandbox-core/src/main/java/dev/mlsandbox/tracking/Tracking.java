package dev.mlsandbox.tracking;

import dev.mlsandbox.http.Json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.mlflow.api.proto.Service.CreateRun;
import org.mlflow.api.proto.Service.Experiment;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.tracking.MlflowClient;

/**
 * A notebook-friendly facade over the MLflow Java client, for any MLflow tracking server (this
 * sandbox's or a real one). It adds what the Java client cannot do without a Python install:
 * uploading, listing and downloading artifacts through the server's artifact proxy
 * ({@code /api/2.0/mlflow-artifacts/artifacts/...}) in plain Java.
 *
 * <pre>{@code
 * Tracking t = Tracking.connect(sandbox.tracking().start());
 * String exp = t.experiment("team-a/churn");
 * RunInfo run = t.startRun(exp, "gbt-depth-5", Map.of("team", "a"));
 * t.client().logParam(run.getRunId(), "max_depth", "5");
 * t.logArtifact(run.getRunId(), Path.of("report.html"), "reports");
 * }</pre>
 */
public final class Tracking implements AutoCloseable {
    /** The environment variable MLflow clients read, honoured here too. */
    public static final String ENV = "MLFLOW_TRACKING_URI";

    /** One listed artifact; {@code size} is null for directories. */
    public record ArtifactEntry(String path, boolean dir, Long size) {}

    private static final ObjectMapper JSON = Json.mapper();
    private final URI uri;
    private final MlflowClient client;
    private final HttpClient http;

    private Tracking(URI uri) {
        String s = uri.toString();
        this.uri = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        if (!"http".equals(this.uri.getScheme()) && !"https".equals(this.uri.getScheme())) {
            throw new IllegalArgumentException("tracking URI '" + uri + "' must be http:// or https:// (a tracking "
                    + "server); start one with bin/sandbox server or sandbox.tracking().start()");
        }
        this.client = new MlflowClient(this.uri.toString());
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static Tracking connect(URI uri) {
        return new Tracking(uri);
    }

    public static Tracking connect(String uri) {
        return new Tracking(URI.create(uri));
    }

    /** The server named by {@value #ENV}, if set. */
    public static Optional<Tracking> fromEnvironment() {
        return environmentUri().map(Tracking::new);
    }

    static Optional<URI> environmentUri() {
        String v = System.getenv(ENV);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(URI.create(v.trim()));
    }

    public URI uri() {
        return uri;
    }

    /** The real MLflow client, for everything not wrapped here. */
    public MlflowClient client() {
        return client;
    }

    /** The id of the experiment with this name, created if it does not exist yet. */
    public String experiment(String name) {
        Optional<Experiment> existing = client.getExperimentByName(name);
        if (existing.isPresent()) {
            if ("deleted".equals(existing.get().getLifecycleStage())) {
                client.restoreExperiment(existing.get().getExperimentId());
            }
            return existing.get().getExperimentId();
        }
        return client.createExperiment(name);
    }

    /** Creates a run named {@code runName} with tags in the experiment. */
    public RunInfo startRun(String experimentId, String runName, Map<String, String> tags) {
        CreateRun.Builder req = CreateRun.newBuilder().setExperimentId(experimentId).setStartTime(System.currentTimeMillis())
                .setUserId(System.getProperty("user.name", "sandbox"));
        if (runName != null) {
            req.setRunName(runName);
        }
        tags.forEach((k, v) -> req.addTags(RunTag.newBuilder().setKey(k).setValue(v)));
        return client.createRun(req.build());
    }

    /** A link to the run in an MLflow UI at the same address (a real server has one). */
    public String runLink(String experimentId, String runId) {
        return uri + "/#/experiments/" + experimentId + "/runs/" + runId;
    }

    // ---- artifacts over the proxy ----------------------------------------------------------

    /** Uploads one file as {@code artifactPath/<file name>} (artifactPath may be null). */
    public void logArtifact(String runId, Path file, String artifactPath) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("artifact " + file + " is not a file; use logArtifacts for a directory");
        }
        String name = join(artifactPath, file.getFileName().toString());
        put(runId, name, ofFile(file)).run();
    }

    /** Uploads every file under {@code dir}, keeping the relative layout under artifactPath. */
    public void logArtifacts(String runId, Path dir, String artifactPath) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                put(runId, join(artifactPath, rel), ofFile(p)).run();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Uploads bytes as the artifact at {@code artifactFile} (e.g. "report/report.json"). */
    public void logBytes(String runId, byte[] content, String artifactFile) {
        put(runId, artifactFile, HttpRequest.BodyPublishers.ofByteArray(content)).run();
    }

    public void logText(String runId, String text, String artifactFile) {
        logBytes(runId, text.getBytes(StandardCharsets.UTF_8), artifactFile);
    }

    /** Direct children of {@code path} (null for the run's artifact root), paths relative to that root. */
    public List<ArtifactEntry> listArtifacts(String runId, String path) {
        String q = "run_id=" + enc(runId) + (path == null || path.isEmpty() ? "" : "&path=" + enc(path));
        JsonNode body = send(HttpRequest.newBuilder(URI.create(uri + "/api/2.0/mlflow/artifacts/list?" + q)).GET());
        List<ArtifactEntry> out = new ArrayList<>();
        for (JsonNode f : body.path("files")) {
            out.add(new ArtifactEntry(f.path("path").asText(), f.path("is_dir").asBoolean(),
                    f.has("file_size") ? f.path("file_size").asLong() : null));
        }
        return out;
    }

    /** The content of one artifact file. */
    public byte[] readArtifact(String runId, String artifactFile) {
        HttpRequest req = HttpRequest.newBuilder(proxyUri(runId, artifactFile)).GET().build();
        try {
            HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new TrackingException(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the tracking server at " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Downloads an artifact file, or a directory recursively, into {@code destination}; returns the local path. */
    public Path downloadArtifacts(String runId, String artifactPath, Path destination) {
        try {
            Files.createDirectories(destination);
            List<ArtifactEntry> children = listArtifacts(runId, artifactPath);
            boolean isDir = !children.isEmpty() || artifactPath == null || artifactPath.isEmpty();
            if (!isDir) {
                Path file = destination.resolve(Path.of(artifactPath).getFileName().toString());
                Files.write(file, readArtifact(runId, artifactPath));
                return file;
            }
            Path root = artifactPath == null || artifactPath.isEmpty() ? destination
                    : destination.resolve(Path.of(artifactPath).getFileName().toString());
            Files.createDirectories(root);
            for (ArtifactEntry e : children) {
                Path name = Path.of(e.path()).getFileName();
                if (e.dir()) {
                    downloadArtifacts(runId, e.path(), root);
                } else {
                    Files.write(root.resolve(name.toString()), readArtifact(runId, e.path()));
                }
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + destination + ": " + e.getMessage(), e);
        }
    }

    private Runnable put(String runId, String artifactFile, HttpRequest.BodyPublisher body) {
        return () -> send(HttpRequest.newBuilder(proxyUri(runId, artifactFile)).PUT(body));
    }

    private static HttpRequest.BodyPublisher ofFile(Path p) {
        try {
            return HttpRequest.BodyPublishers.ofFile(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** mlflow-artifacts:/0/abc/artifacts + model/x.txt -> http://host/api/2.0/mlflow-artifacts/artifacts/0/abc/artifacts/model/x.txt */
    private URI proxyUri(String runId, String artifactFile) {
        String root = client.getRun(runId).getInfo().getArtifactUri();
        String prefix = "mlflow-artifacts:";
        if (!root.startsWith(prefix)) {
            throw new IllegalStateException("run " + runId + " stores artifacts at '" + root + "', not behind the "
                    + "server's artifact proxy; start the server with artifact serving (mlflow server --serve-artifacts, "
                    + "or bin/sandbox server) to upload from Java");
        }
        String rel = root.substring(prefix.length());
        if (rel.startsWith("//")) { // mlflow-artifacts://host:port/path
            int slash = rel.indexOf('/', 2);
            rel = slash < 0 ? "" : rel.substring(slash);
        }
        rel = rel.replaceAll("^/+", "");
        StringBuilder path = new StringBuilder("/api/2.0/mlflow-artifacts/artifacts/");
        for (String seg : join(rel, artifactFile).split("/")) {
            if (!seg.isEmpty()) {
                path.append(enc(seg).replace("+", "%20")).append('/');
            }
        }
        path.setLength(path.length() - 1);
        return URI.create(uri + path.toString());
    }

    private JsonNode send(HttpRequest.Builder req) {
        try {
            HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new TrackingException(r.statusCode(), r.body());
            }
            return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the tracking server at " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String join(String dir, String name) {
        if (dir == null || dir.isEmpty()) {
            return name;
        }
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        client.close();
    }

    /** The server refused an artifact request; the message is the server's error body. */
    public static final class TrackingException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        TrackingException(int status, String body) {
            super("tracking server answered " + status + ": " + body);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
