package dev.mlsandbox.tracking;


import dev.mlsandbox.http.Response;
import dev.mlsandbox.http.Server;
import dev.mlsandbox.http.ServerModule;
import dev.mlsandbox.tracking.server.ArtifactRoutes;
import dev.mlsandbox.tracking.server.ArtifactStore;
import dev.mlsandbox.tracking.server.TrackingRoutes;
import dev.mlsandbox.tracking.store.TrackingSchema;
import dev.mlsandbox.tracking.store.TrackingStore;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An MLflow-compatible tracking server in this JVM. Defaults match {@code mlflow server}: loopback
 * only, port 5000, a SQLite store and an artifact directory under the working directory.
 *
 * <pre>{@code
 * try (TrackingServer server = TrackingServer.builder().port(0).build().start()) {
 *   MlflowClient client = new MlflowClient(server.uri().toString());
 *   ...
 * }
 * }</pre>
 *
 * It is the shared {@link Server} with the tracking module first; another module adds its tables
 * and endpoints with {@link Builder#module} (see docs/architecture.md).
 */
public final class TrackingServer implements AutoCloseable {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 5000;
    public static final String DEFAULT_STORE = "sqlite:///mlruns.db";
    public static final Path DEFAULT_ARTIFACTS = Path.of("mlartifacts");
    /** The MLflow version whose REST API this server speaks, answered on {@code /version}. */
    public static final String MLFLOW_VERSION = "2.17.2";

    private final Builder config;
    private Server server;
    private TrackingStore store;

    private TrackingServer(Builder config) {
        this.config = config;
    }

    /** Where {@link Builder#storeIn} puts the artifacts of a store directory. */
    public static Path artifactsIn(Path directory) {
        return directory.resolve(DEFAULT_ARTIFACTS);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The tracking module: MLflow's tracking tables and endpoints, and the artifact proxy over
     * {@code artifactsDestination}. {@code opened} receives the store once the database is migrated.
     */
    public static ServerModule module(Path artifactsDestination, Consumer<TrackingStore> opened) {
        return ServerModule.of(TrackingSchema.migrations(), db -> {
            TrackingStore store = new TrackingStore(db, ArtifactRoutes.SCHEME + "/");
            ArtifactStore artifacts = new ArtifactStore(artifactsDestination);
            opened.accept(store);
            return routes -> {
                routes.get("/version", req -> Response.text(200, MLFLOW_VERSION));
                new TrackingRoutes(store).register(routes);
                new ArtifactRoutes(artifacts, store).register(routes);
            };
        });
    }

    /** Opens the store (applying migrations), binds the port and starts serving. */
    public synchronized TrackingServer start() {
        if (server != null) {
            return this;
        }
        Server.Builder b = Server.builder().host(config.host).port(config.port).backendStoreUri(config.backendStoreUri)
                .threads(config.threads).module(module(config.artifactsDestination, s -> store = s));
        config.modules.forEach(b::module);
        Server started = b.build();
        try {
            server = started.start();
        } catch (RuntimeException e) {
            store = null;
            throw e;
        }
        return this;
    }

    /** {@code http://host:port}, the tracking URI clients use. */
    public URI uri() {
        if (server == null) {
            throw new IllegalStateException("the tracking server is not started; call start() first");
        }
        return server.uri();
    }

    public int port() {
        return uri().getPort();
    }

    public TrackingStore store() {
        return store;
    }

    /** The route table, for listing endpoints (read-only use). */
    public List<String> routes() {
        return server.routes();
    }

    public String backendStoreUri() {
        return server.database().uri().toString();
    }

    public Path artifactsDestination() {
        return config.artifactsDestination.toAbsolutePath().normalize();
    }

    public boolean isRunning() {
        return server != null;
    }

    /** Stops accepting requests, lets in-flight ones finish, closes the store. Idempotent. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
            store = null;
        }
    }

    /** Server settings, named like {@code mlflow server}'s flags. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private String backendStoreUri = DEFAULT_STORE;
        private Path artifactsDestination = DEFAULT_ARTIFACTS;
        private int threads = 16;
        private final List<ServerModule> modules = new ArrayList<>();

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** 0 picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is not in 0..65535 (0 picks a free port)");
            }
            this.port = port;
            return this;
        }

        public Builder backendStoreUri(String uri) {
            this.backendStoreUri = Objects.requireNonNull(uri, "backendStoreUri");
            return this;
        }

        public Builder artifactsDestination(Path dir) {
            this.artifactsDestination = Objects.requireNonNull(dir, "artifactsDestination");
            return this;
        }

        /**
         * Store and artifacts side by side in one directory, the layout of {@code mlflow server}'s
         * defaults: {@code <directory>/mlruns.db} (SQLite) and {@code <directory>/mlartifacts/}.
         */
        public Builder storeIn(Path directory) {
            return backendStoreUri("sqlite:///" + directory.resolve("mlruns.db").toAbsolutePath())
                    .artifactsDestination(artifactsIn(directory));
        }

        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** Another module on the same server and store (the registry, serving, ...), after tracking. */
        public Builder module(ServerModule module) {
            this.modules.add(Objects.requireNonNull(module, "module"));
            return this;
        }

        public TrackingServer build() {
            return new TrackingServer(this);
        }
    }
}
