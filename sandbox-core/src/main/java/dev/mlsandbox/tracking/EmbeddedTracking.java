package dev.mlsandbox.tracking;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What {@code sandbox.tracking()} returns: starts (once) a tracking server in this JVM and says
 * where tracking goes. {@link #uri()} prefers the embedded server when started, else
 * {@code MLFLOW_TRACKING_URI} (which may be a real MLflow server).
 *
 * <pre>{@code
 * URI uri = sandbox.tracking().start();         // http://127.0.0.1:<free port>
 * Tracking t = sandbox.tracking().client();
 * }</pre>
 */
public final class EmbeddedTracking implements AutoCloseable {
    private final Path directory;
    private final UnaryOperator<TrackingServer.Builder> modules;
    private TrackingServer server;
    private Tracking client;

    /** @param directory where the store (mlruns.db) and artifacts (mlartifacts/) live */
    public EmbeddedTracking(Path directory) {
        this(directory, UnaryOperator.identity());
    }

    /**
     * @param directory where the store (mlruns.db) and artifacts (mlartifacts/) live
     * @param modules   adds other modules' endpoints and tables to the server {@link #start()}
     *                  builds (the Sandbox adds the model registry this way)
     */
    public EmbeddedTracking(Path directory, UnaryOperator<TrackingServer.Builder> modules) {
        this.directory = directory;
        this.modules = java.util.Objects.requireNonNull(modules, "modules");
    }

    /** Starts a server on a free loopback port with its store under the directory; returns its URI. */
    public synchronized URI start() {
        return start(modules.apply(TrackingServer.builder().port(0).storeIn(directory)));
    }

    /** Starts a server with these settings (once; later calls return the running server's URI). */
    public synchronized URI start(TrackingServer.Builder settings) {
        if (server == null) {
            server = settings.build().start();
        }
        return server.uri();
    }

    /** The embedded server if started, else {@code MLFLOW_TRACKING_URI} if set. */
    public synchronized Optional<URI> uri() {
        if (server != null) {
            return Optional.of(server.uri());
        }
        return Tracking.environmentUri();
    }

    /** A facade for {@link #uri()}; starts the embedded server when nothing else is configured. */
    public synchronized Tracking client() {
        if (client == null) {
            client = Tracking.connect(uri().orElseGet(this::start));
        }
        return client;
    }

    /** The hook labs log through: enabled when {@link #uri()} is known. */
    public RunLogger runLogger() {
        return uri().map(RunLogger::to).orElse(RunLogger.none());
    }

    public synchronized Optional<TrackingServer> server() {
        return Optional.ofNullable(server);
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
