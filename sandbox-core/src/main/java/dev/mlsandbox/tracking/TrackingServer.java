package dev.mlsandbox.tracking;


import dev.mlsandbox.tracking.server.ArtifactRoutes;
import dev.mlsandbox.tracking.server.ArtifactStore;
import dev.mlsandbox.http.HttpApp;

import dev.mlsandbox.http.Response;
import dev.mlsandbox.http.RouteModule;
import dev.mlsandbox.http.RouteTable;
import dev.mlsandbox.tracking.server.TrackingRoutes;
import dev.mlsandbox.tracking.store.Migration;
import dev.mlsandbox.tracking.store.TrackingStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

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
 * Another module adds its endpoints and tables with {@link Builder#module} and {@link
 * Builder#migrations} (see docs/architecture.md).
 */
public final class TrackingServer implements AutoCloseable {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 5000;
    public static final String DEFAULT_STORE = "sqlite:///mlruns.db";
    public static final Path DEFAULT_ARTIFACTS = Path.of("mlartifacts");

    private final Builder config;
    private TrackingStore store;
    private HttpApp app;
    private RouteTable routes;

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

    /** Opens the store (applying migrations), binds the port and starts serving. */
    public synchronized TrackingServer start() {
        if (app != null) {
            return this;
        }
        store = new TrackingStore(config.backendStoreUri, ArtifactRoutes.SCHEME + "/", config.migrations);
        try {
            ArtifactStore artifacts = new ArtifactStore(config.artifactsDestination);
            routes = new RouteTable();
            routes.get("/health", req -> Response.text(200, "OK"));
            routes.get("/version", req -> Response.text(200, "2.17.2"));
            new TrackingRoutes(store).register(routes);
            new ArtifactRoutes(artifacts, store).register(routes);
            for (Function<TrackingStore, RouteModule> m : config.modules) {
                m.apply(store).register(routes);
            }
            app = new HttpApp(config.host, config.port, routes, config.threads);
            app.start();
            return this;
        } catch (IOException e) {
            store.close();
            store = null;
            throw new UncheckedIOException("cannot listen on " + config.host + ":" + config.port + " (" + e.getMessage()
                    + "); pick another --port or stop whatever uses it", e);
        } catch (RuntimeException e) {
            store.close();
            store = null;
            throw e;
        }
    }

    /** {@code http://host:port}, the tracking URI clients use. */
    public URI uri() {
        if (app == null) {
            throw new IllegalStateException("the tracking server is not started; call start() first");
        }
        String host = config.host.contains(":") ? "[" + config.host + "]" : config.host;
        if (host.equals("0.0.0.0")) {
            host = "127.0.0.1";
        }
        return URI.create("http://" + host + ":" + app.port());
    }

    public int port() {
        return uri().getPort();
    }

    public TrackingStore store() {
        return store;
    }

    /** The route table, for listing endpoints (read-only use). */
    public List<String> routes() {
        return routes.describe();
    }

    public String backendStoreUri() {
        return store.database().uri().toString();
    }

    public Path artifactsDestination() {
        return config.artifactsDestination.toAbsolutePath().normalize();
    }

    public boolean isRunning() {
        return app != null;
    }

    /** Stops accepting requests, lets in-flight ones finish, closes the store. Idempotent. */
    @Override
    public synchronized void close() {
        if (app != null) {
            app.stop(2);
            app = null;
        }
        if (store != null) {
            store.close();
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
        private final List<Migration> migrations = new ArrayList<>();
        private final List<Function<TrackingStore, RouteModule>> modules = new ArrayList<>();

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

        /** Tables of another component that lives in the same store (numbered, applied in order). */
        public Builder migrations(List<Migration> more) {
            this.migrations.addAll(more);
            return this;
        }

        /** Endpoints of another component; the factory gets the opened store. */
        public Builder module(Function<TrackingStore, RouteModule> module) {
            this.modules.add(Objects.requireNonNull(module, "module"));
            return this;
        }

        public TrackingServer build() {
            return new TrackingServer(this);
        }
    }
}
