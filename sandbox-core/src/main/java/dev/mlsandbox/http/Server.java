package dev.mlsandbox.http;

import dev.mlsandbox.store.Database;
import dev.mlsandbox.store.Migration;
import dev.mlsandbox.store.StoreUri;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One server, one database, many modules: opens the backend store, applies each module's
 * pending migrations, builds one route table from the modules in the order they were added, and
 * serves it. The tracking server is this server with the tracking module first; the registry,
 * and later serving or monitoring, are further modules.
 *
 * <pre>{@code
 * try (Server server = Server.builder().port(0).backendStoreUri("sqlite:///app.db").module(new HelloModule()).build().start()) {
 *     URI uri = server.uri();
 * }
 * }</pre>
 */
public final class Server implements AutoCloseable {
    private final Builder config;
    private Database database;
    private HttpApp app;
    private RouteTable routes;

    private Server(Builder config) {
        this.config = config;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Opens the store (applying migrations), binds the port and starts serving. */
    public synchronized Server start() {
        if (app != null) {
            return this;
        }
        database = new Database(StoreUri.parse(config.backendStoreUri), config.readers);
        try {
            List<Migration> all = new ArrayList<>();
            config.modules.forEach(m -> all.addAll(m.migrations()));
            database.migrate(all);
            routes = new RouteTable();
            routes.get("/health", req -> Response.text(200, "OK"));
            for (ServerModule m : config.modules) {
                m.register(routes, database);
            }
            app = new HttpApp(config.host, config.port, routes, config.threads);
            app.start();
            for (ServerModule m : config.modules) {
                m.started(uri());
            }
            return this;
        } catch (IOException e) {
            closeDatabase();
            throw new UncheckedIOException("cannot listen on " + config.host + ":" + config.port + " (" + e.getMessage()
                    + "); pick another --port or stop whatever uses it", e);
        } catch (RuntimeException | Error e) {
            if (app != null) {
                app.stop(0);
                app = null;
            }
            closeDatabase();
            throw e;
        }
    }

    /** {@code http://host:port}; a wildcard host is reached through loopback. */
    public URI uri() {
        if (app == null) {
            throw new IllegalStateException("the server is not started; call start() first");
        }
        String host = config.host.contains(":") ? "[" + config.host + "]" : config.host;
        if (host.equals("0.0.0.0")) {
            host = "127.0.0.1";
        }
        return URI.create("http://" + host + ":" + app.port());
    }

    public Database database() {
        return database;
    }

    /** Every route as "METHOD path", in the order the modules added them. */
    public List<String> routes() {
        return routes.describe();
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
            for (ServerModule m : config.modules) {
                m.stopped();
            }
        }
        closeDatabase();
    }

    private void closeDatabase() {
        if (database != null) {
            database.close();
            database = null;
        }
    }

    /** Where to listen, which store, which modules. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private String backendStoreUri;
        private int threads = 16;
        private int readers = 4;
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

        /** {@code sqlite:///path.db} or {@code postgresql://user:pass@host:5432/db}. */
        public Builder backendStoreUri(String uri) {
            this.backendStoreUri = Objects.requireNonNull(uri, "backendStoreUri");
            return this;
        }

        /** Request threads (the pool the engine hands requests to). */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** Adds a module: its migrations join the store's, its routes the table, in this order. */
        public Builder module(ServerModule module) {
            this.modules.add(Objects.requireNonNull(module, "module"));
            return this;
        }

        public Server build() {
            if (backendStoreUri == null) {
                throw new IllegalStateException("no backend store: call backendStoreUri(\"sqlite:///app.db\") first");
            }
            return new Server(this);
        }
    }
}
