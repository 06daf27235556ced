package dev.mlsandbox.registry;

import dev.mlsandbox.lab.TempDirectories;

import dev.mlsandbox.http.Json;
import dev.mlsandbox.tracking.ArtifactClient;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mlsandbox.registry.model.LoadedModel;
import dev.mlsandbox.registry.model.SparkModelFlavor;
import dev.mlsandbox.registry.RegistryEntities.ModelVersion;
import dev.mlsandbox.registry.RegistryEntities.RegisteredModel;
import dev.mlsandbox.registry.signature.ModelSignature;

/**
 * A Java client for the model registry REST API: what the MLflow Java client lacks (create
 * models and versions, aliases, search registered models, resolve {@code models:/} URIs, load a
 * Spark model by alias), plus logging a Spark model into a run's artifacts through the server's
 * artifact proxy. Works against the sandbox's server and any MLflow server with the same API.
 */
public final class Registry implements AutoCloseable {

    private static final ObjectMapper JSON = Json.mapper();
    private static final String API = "/api/2.0/mlflow";

    private final URI base;
    private final String authorization;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ArtifactClient artifacts;

    private Registry(URI base, String user, String password) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
        this.artifacts = new ArtifactClient(this.base, authorization, Registry::refusal);
    }

    private Registry(URI base, String authorization) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.authorization = authorization;
        this.artifacts = new ArtifactClient(this.base, authorization, Registry::refusal);
    }

    /** A client for the server at {@code trackingUri}, without credentials. */
    public static Registry connect(URI trackingUri) {
        return new Registry(trackingUri, null, null);
    }

    /**
     * A client that sends {@code authorization} as it is (the Authorization header of a request a
     * server module is answering, so the registry checks that caller's privileges); null for none.
     */
    public static Registry onBehalfOf(URI trackingUri, String authorization) {
        return new Registry(trackingUri, authorization);
    }

    /** A client that authenticates as {@code user} (HTTP basic, as MLFLOW_TRACKING_USERNAME/PASSWORD do). */
    public static Registry connect(URI trackingUri, String user, String password) {
        return new Registry(trackingUri, Objects.requireNonNull(user, "user"), password);
    }

    public URI uri() {
        return base;
    }

    // ---- registered models -----------------------------------------------------------------

    public RegisteredModel createModel(String name, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        if (description != null) {
            body.put("description", description);
        }
        return model(call("POST", API + "/registered-models/create", body).path("registered_model"));
    }

    public RegisteredModel model(String name) {
        return model(call("GET", API + "/registered-models/get?name=" + enc(name), null).path("registered_model"));
    }

    /** Registered models matching an MLflow filter such as {@code name LIKE 'main.ml.%'} (all pages). */
    public List<RegisteredModel> searchModels(String filter) {
        List<RegisteredModel> out = new ArrayList<>();
        String token = null;
        do {
            String q = API + "/registered-models/search?max_results=1000" + (filter == null ? "" : "&filter=" + enc(filter))
                    + (token == null ? "" : "&page_token=" + enc(token));
            JsonNode page = call("GET", q, null);
            page.path("registered_models").forEach(m -> out.add(model(m)));
            token = page.hasNonNull("next_page_token") ? page.get("next_page_token").asText() : null;
        } while (token != null);
        return out;
    }

    public void deleteModel(String name) {
        call("DELETE", API + "/registered-models/delete", Map.of("name", name));
    }

    // ---- versions ----------------------------------------------------------------------------

    /** Registers a version from a source ({@code runs:/<run_id>/model}, {@code mlflow-artifacts:/...}, {@code file:}). */
    public ModelVersion createVersion(String name, String source, String runId) {
        return createVersion(name, source, runId, null, Map.of());
    }

    /**
     * Registers a version with a description and tags in one call (MLflow's CreateModelVersion
     * takes both), so the version's record says why it exists from the moment it does.
     */
    public ModelVersion createVersion(String name, String source, String runId, String description,
                                      Map<String, String> tags) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("source", source);
        if (runId != null) {
            body.put("run_id", runId);
        }
        if (description != null) {
            body.put("description", description);
        }
        if (!tags.isEmpty()) {
            List<Map<String, String>> list = new ArrayList<>();
            tags.forEach((k, v) -> list.add(Map.of("key", k, "value", v == null ? "" : v)));
            body.put("tags", list);
        }
        return version(call("POST", API + "/model-versions/create", body).path("model_version"));
    }

    public ModelVersion version(String name, long version) {
        return version(call("GET", API + "/model-versions/get?name=" + enc(name) + "&version=" + version, null)
                .path("model_version"));
    }

    public List<ModelVersion> versions(String name) {
        List<ModelVersion> out = new ArrayList<>();
        call("GET", API + "/model-versions/search?filter=" + enc("name = '" + name + "'"), null).path("model_versions")
                .forEach(v -> out.add(version(v)));
        return out;
    }

    public void deleteVersion(String name, long version) {
        call("DELETE", API + "/model-versions/delete", Map.of("name", name, "version", Long.toString(version)));
    }

    /** Workspace registry only: Unity Catalog refuses it and points to aliases. */
    public ModelVersion transitionStage(String name, long version, String stage) {
        return version(call("POST", API + "/model-versions/transition-stage", Map.of("name", name, "version",
                Long.toString(version), "stage", stage, "archive_existing_versions", false)).path("model_version"));
    }

    // ---- aliases -----------------------------------------------------------------------------

    /** Points {@code @alias} at the version (moving it if it pointed elsewhere). */
    public void setAlias(String name, String alias, long version) {
        call("POST", API + "/registered-models/alias", Map.of("name", name, "alias", alias, "version", Long.toString(version)));
    }

    public void deleteAlias(String name, String alias) {
        call("DELETE", API + "/registered-models/alias", Map.of("name", name, "alias", alias));
    }

    public ModelVersion versionByAlias(String name, String alias) {
        return version(call("GET", API + "/registered-models/alias?name=" + enc(name) + "&alias=" + enc(alias), null)
                .path("model_version"));
    }

    /** Resolves {@code models:/name/3} or {@code models:/name@champion} to its version. */
    public ModelVersion resolve(String modelUri) {
        ModelUri uri = ModelUri.parse(modelUri);
        if (uri.alias() != null) {
            return versionByAlias(uri.name(), uri.alias());
        }
        if (uri.version() != null) {
            return version(uri.name(), uri.version());
        }
        throw new RegistryRuleException("'" + modelUri + "' names a stage; stages belong to the workspace registry."
                + " Use models:/<name>/<version> or models:/<name>@<alias>");
    }

    // ---- Spark models ------------------------------------------------------------------------

    /**
     * Saves a PipelineModel as an MLflow model and uploads it into the run's artifacts under
     * {@code artifactPath}; returns the source to register, {@code runs:/<run_id>/<artifactPath>}.
     */
    public String logSparkModel(String runId, String artifactPath, PipelineModel model, ModelSignature signature,
                                Dataset<Row> inputExample) {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("mlsandbox-model");
            Path dir = tmp.resolve(artifactPath);
            SparkModelFlavor.save(model, dir, signature, inputExample, runId, artifactPath);
            return logModelDirectory(runId, artifactPath, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot log the model of run " + runId + ": " + e.getMessage(), e);
        } finally {
            TempDirectories.deleteQuietly(tmp);
        }
    }

    /**
     * Uploads an MLflow model directory already on disk into the run's artifacts under
     * {@code artifactPath}; returns {@code runs:/<run_id>/<artifactPath>}.
     */
    public String logModelDirectory(String runId, String artifactPath, Path dir) {
        String runRoot = proxyPath(call("GET", API + "/runs/get?run_id=" + enc(runId), null).path("run").path("info")
                .path("artifact_uri").asText());
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(f).toString().replace('\\', '/');
                artifacts.put(runRoot + "/" + artifactPath + "/" + rel, f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot upload " + dir + " to run " + runId + ": " + e.getMessage(), e);
        }
        return "runs:/" + runId + "/" + artifactPath;
    }

    /** Downloads a registered version (by {@code models:/} URI) into {@code cacheDir} and loads it. */
    public LoadedModel load(String modelUri, Path cacheDir) {
        Path dir = download(modelUri, cacheDir);
        try {
            return SparkModelFlavor.load(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + modelUri + ": " + e.getMessage(), e);
        }
    }

    /**
     * The MLflow model directory of a registered version (by {@code models:/} URI, any flavor; its
     * {@code MLmodel} says what it is), without loading it: a {@code file:} artifact location as it is, anything else downloaded once into {@code
     * cacheDir/<name>/<version>} (into a temporary sibling first, then moved, so a reader never sees
     * half a model and two callers may download the same version at once).
     */
    public Path download(String modelUri, Path cacheDir) {
        ModelVersion v = resolve(modelUri);
        String artifactUri = call("GET", API + "/model-versions/get-download-uri?name=" + enc(v.name()) + "&version="
                + v.version(), null).path("artifact_uri").asText();
        if (artifactUri.startsWith("file:")) {
            return Path.of(URI.create(artifactUri));
        }
        Path dir = cacheDir.resolve(v.name()).resolve(Long.toString(v.version()));
        if (Files.isRegularFile(dir.resolve("MLmodel"))) {
            return dir;
        }
        Path tmp = null;
        try {
            Files.createDirectories(dir.getParent());
            tmp = Files.createTempDirectory(dir.getParent(), v.version() + ".download-");
            artifacts.download(proxyPath(artifactUri), tmp);
            try {
                Files.move(tmp, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                tmp = null;
            } catch (IOException raced) {
                if (!Files.isRegularFile(dir.resolve("MLmodel"))) {
                    throw raced;
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot download " + modelUri + ": " + e.getMessage(), e);
        } finally {
            TempDirectories.deleteQuietly(tmp);
        }
    }

    /** Runs a governance statement (GRANT, REVOKE, SHOW GRANTS, ...); returns the server's message. */
    public String sql(String statement) {
        return call("POST", "/api/2.0/sql/statements", Map.of("statement", statement)).path("message").asText();
    }

    // ---- HTTP ---------------------------------------------------------------------------------

    private static String proxyPath(String artifactUri) {
        try {
            return ArtifactClient.relativePath(artifactUri);
        } catch (IllegalArgumentException e) {
            throw new RegistryRuleException(e.getMessage());
        }
    }

    private JsonNode call(String method, String pathAndQuery, Object body) {
        try {
            HttpRequest.Builder req = request(pathAndQuery);
            if (body == null) {
                req.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                req.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            String text = send(req.build(), method + " " + pathAndQuery);
            return text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("registry call " + method + " " + pathAndQuery + " failed: " + e.getMessage(), e);
        }
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    private String send(HttpRequest req, String what) throws IOException {
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw refusal(r.statusCode(), r.body());
            }
            return r.body() == null ? "" : r.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during " + what, e);
        }
    }

    /** The server's MLflow error body as a RegistryException (the raw body when it is not JSON). */
    private static RegistryException refusal(int status, String body) {
        String code = "";
        String message = body;
        try {
            JsonNode err = JSON.readTree(body);
            code = err.path("error_code").asText("");
            message = err.path("message").asText(message);
        } catch (IOException ignored) {
            // not JSON: keep the raw body as the message
        }
        return new RegistryException(status, code, message);
    }

    private static RegisteredModel model(JsonNode n) {
        Map<String, String> tags = new LinkedHashMap<>();
        n.path("tags").forEach(t -> tags.put(t.path("key").asText(), t.path("value").asText(null)));
        Map<String, Long> aliases = new LinkedHashMap<>();
        n.path("aliases").forEach(a -> aliases.put(a.path("alias").asText(), a.path("version").asLong()));
        List<ModelVersion> latest = new ArrayList<>();
        n.path("latest_versions").forEach(v -> latest.add(version(v)));
        return new RegisteredModel(n.path("name").asText(), n.path("creation_timestamp").asLong(),
                n.path("last_updated_timestamp").asLong(), n.path("user_id").asText(null), n.path("description").asText(null),
                tags, aliases, latest);
    }

    private static ModelVersion version(JsonNode n) {
        Map<String, String> tags = new LinkedHashMap<>();
        n.path("tags").forEach(t -> tags.put(t.path("key").asText(), t.path("value").asText(null)));
        List<String> aliases = new ArrayList<>();
        n.path("aliases").forEach(a -> aliases.add(a.asText()));
        return new ModelVersion(n.path("name").asText(), n.path("version").asLong(), n.path("creation_timestamp").asLong(),
                n.path("last_updated_timestamp").asLong(), n.path("user_id").asText(null), n.path("current_stage").asText(null),
                n.path("description").asText(null), n.path("source").asText(null), n.path("run_id").asText(null),
                n.path("run_link").asText(null), n.path("status").asText(null), null, tags, aliases);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }


    @Override
    public void close() {
        // HttpClient has no close on Java 17; nothing to release
    }
}
