package dev.mlsandbox.tracking;


import com.fasterxml.jackson.databind.JsonNode;
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

        private final URI uri;
    private final MlflowClient client;
    private final HttpClient http;
    private final ArtifactClient artifacts;

    private Tracking(URI uri) {
        String s = uri.toString();
        this.uri = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        if (!"http".equals(this.uri.getScheme()) && !"https".equals(this.uri.getScheme())) {
            throw new IllegalArgumentException("tracking URI '" + uri + "' must be http:// or https:// (a tracking "
                    + "server); start one with bin/sandbox server or sandbox.tracking().start()");
        }
        this.client = new MlflowClient(this.uri.toString());
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.artifacts = new ArtifactClient(this.uri, null, TrackingException::new);
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
        artifacts.put(proxyPath(runId, ArtifactClient.join(artifactPath, file.getFileName().toString())), file);
    }

    /** Uploads every file under {@code dir}, keeping the relative layout under artifactPath. */
    public void logArtifacts(String runId, Path dir, String artifactPath) {
        String root = runRoot(runId);
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                artifacts.put(ArtifactClient.join(root, ArtifactClient.join(artifactPath, rel)), p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Uploads bytes as the artifact at {@code artifactFile} (e.g. "report/report.json"). */
    public void logBytes(String runId, byte[] content, String artifactFile) {
        artifacts.put(proxyPath(runId, artifactFile), content);
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
        return artifacts.read(proxyPath(runId, artifactFile));
    }

    /** Downloads an artifact file, or a directory recursively, into {@code destination}; returns the local path. */
    public Path downloadArtifacts(String runId, String artifactPath, Path destination) {
        try {
            Files.createDirectories(destination);
            boolean whole = artifactPath == null || artifactPath.isEmpty();
            if (!whole && listArtifacts(runId, artifactPath).isEmpty()) {
                Path file = destination.resolve(Path.of(artifactPath).getFileName().toString());
                Files.write(file, readArtifact(runId, artifactPath));
                return file;
            }
            Path root = whole ? destination : destination.resolve(Path.of(artifactPath).getFileName().toString());
            artifacts.download(whole ? runRoot(runId) : proxyPath(runId, artifactPath), root);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + destination + ": " + e.getMessage(), e);
        }
    }

    /** The run's artifact directory behind the proxy (its artifact URI may name a host: mlflow-artifacts://host:port/...). */
    private String runRoot(String runId) {
        String root = client.getRun(runId).getInfo().getArtifactUri();
        try {
            return ArtifactClient.relativePath(root);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("run " + runId + " stores artifacts at '" + root + "', not behind the "
                    + "server's artifact proxy; start the server with artifact serving (mlflow server --serve-artifacts, "
                    + "or bin/sandbox server) to upload from Java", e);
        }
    }

    private String proxyPath(String runId, String artifactFile) {
        return ArtifactClient.join(runRoot(runId), artifactFile);
    }

    private JsonNode send(HttpRequest.Builder req) {
        try {
            HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new TrackingException(r.statusCode(), r.body());
            }
            return ArtifactClient.json(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the tracking server at " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
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
