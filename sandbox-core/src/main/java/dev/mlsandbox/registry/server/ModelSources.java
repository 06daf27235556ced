package dev.mlsandbox.registry.server;

import dev.mlsandbox.store.Sql;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

import dev.mlsandbox.registry.model.MlmodelFile;
import dev.mlsandbox.http.MlflowException;

/**
 * Where a model version's files are. A source is {@code runs:/<run_id>/<path>} (resolved through
 * the run's artifact URI), {@code mlflow-artifacts:/<path>} (the server's artifact directory), or
 * a local {@code file:} URI / absolute path.
 */
final class ModelSources {
    private static final String PROXY_SCHEME = "mlflow-artifacts:";

    /** The source resolved: the artifact URI clients download from and the local directory. */
    record Resolved(String artifactUri, String runId, Path directory) {
    }

    private final Path artifactsRoot;

    ModelSources(Path artifactsRoot) {
        this.artifactsRoot = artifactsRoot.toAbsolutePath().normalize();
    }

    Resolved resolve(Connection c, String source) {
        if (source.startsWith("runs:/")) {
            String rest = source.substring("runs:/".length());
            int slash = rest.indexOf('/');
            String runId = slash < 0 ? rest : rest.substring(0, slash);
            String path = slash < 0 ? "" : rest.substring(slash + 1);
            String runUri = Sql.query(c, "SELECT artifact_uri FROM runs WHERE run_uuid = ?",
                    rs -> rs.next() ? rs.getString(1) : null, runId);
            if (runUri == null) {
                throw MlflowException.notFound("Run '" + runId + "' of source " + source + " not found; log the model in a run"
                        + " of this server first");
            }
            String uri = path.isEmpty() ? runUri : runUri + "/" + path;
            return new Resolved(uri, runId, local(uri, source));
        }
        return new Resolved(source, null, local(source, source));
    }

    private Path local(String uri, String source) {
        Path p;
        if (uri.startsWith(PROXY_SCHEME)) {
            String rel = uri.substring(PROXY_SCHEME.length()).replaceFirst("^/+", "");
            p = artifactsRoot.resolve(rel).normalize();
            if (!p.startsWith(artifactsRoot)) {
                throw MlflowException.invalid("source " + source + " points outside the artifact root; '..' is refused");
            }
            return p;
        }
        if (uri.startsWith("file:")) {
            return Path.of(URI.create(uri)).normalize();
        }
        if (uri.startsWith("/")) {
            return Path.of(uri).normalize();
        }
        throw MlflowException.invalid("unsupported model source '" + source + "': use runs:/<run_id>/<path>,"
                + " mlflow-artifacts:/<path> or a file: URI");
    }

    /** The MLmodel file in the source directory, or null when there is none. */
    static MlmodelFile mlmodel(Path dir) {
        if (dir == null || !Files.isRegularFile(dir.resolve(MlmodelFile.FILE_NAME))) {
            return null;
        }
        try {
            return MlmodelFile.read(dir);
        } catch (IOException | IllegalArgumentException e) {
            throw MlflowException.invalid("the MLmodel file at " + dir + " cannot be read: " + e.getMessage());
        }
    }
}
