package dev.mlsandbox.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Assumptions;

import dev.mlsandbox.store.Dialect;
import dev.mlsandbox.store.StoreUri;

/**
 * The two back ends every store suite runs on: a SQLite file, always, and PostgreSQL when {@value
 * #POSTGRES_ENV} names a server the tests may create databases on ({@code .ci/run} starts one with
 * {@code .ci/postgres}; docs/tracking.md says how to start one by hand). Without it the PostgreSQL
 * half of each suite is skipped, with the reason printed, so {@code ./mvnw verify} passes on a
 * machine without PostgreSQL. A variable that is set but names a server that does not answer fails
 * the tests: a CI that meant to test PostgreSQL must not pass by skipping it.
 *
 * <p>Use it on a suite with {@code @ParameterizedClass @EnumSource(StoreBackend.class)}: each test
 * class then runs once per back end, on a fresh store of its own ({@link #freshStore}).
 */
public enum StoreBackend {
    SQLITE(Dialect.SQLITE),
    POSTGRESQL(Dialect.POSTGRESQL);

    /** The environment variable naming the PostgreSQL server: {@code postgresql://user[:pass]@host:port/db}. */
    public static final String POSTGRES_ENV = "SANDBOX_TEST_POSTGRES_URI";

    private static final AtomicBoolean SKIP_PRINTED = new AtomicBoolean();

    private final Dialect dialect;

    StoreBackend(Dialect dialect) {
        this.dialect = dialect;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The server's URI, or null when none is configured. */
    public static String postgresUri() {
        String uri = System.getenv(POSTGRES_ENV);
        return uri == null || uri.isBlank() ? null : uri.trim();
    }

    /** Whether this back end can be tested here. */
    public boolean available() {
        return this == SQLITE || postgresUri() != null;
    }

    /** Skips the calling test or test class (with the reason, printed once per JVM) when this back end is not available. */
    public void assumeAvailable() {
        if (available()) {
            return;
        }
        String reason = "PostgreSQL back end skipped: " + POSTGRES_ENV
                + " is not set (bash .ci/run starts a throwaway server and sets it; see docs/tracking.md)";
        if (SKIP_PRINTED.compareAndSet(false, true)) {
            System.err.println("[store tests] " + reason);
        }
        Assumptions.abort(reason);
    }

    /**
     * A new, empty store: a SQLite file in {@code dir}, or a new database on the PostgreSQL
     * server. Closing it drops the database (the SQLite file goes with {@code dir}).
     */
    public TestStore freshStore(Path dir) {
        assumeAvailable();
        if (this == SQLITE) {
            return new TestStore(this, "sqlite:///" + dir.toAbsolutePath().resolve("mlruns.db"), null);
        }
        String server = postgresUri();
        String database = "sandbox_test_" + UUID.randomUUID().toString().replace("-", "");
        execute(server, "CREATE DATABASE " + database);
        String uri = server.replaceFirst("/[^/?]*(\\?.*)?$", "/" + database + "$1");
        return new TestStore(this, uri, database);
    }

    /** A store a test created; {@link #close} drops its PostgreSQL database. */
    public record TestStore(StoreBackend backend, String uri, String postgresDatabase) implements AutoCloseable {
        @Override
        public void close() {
            if (postgresDatabase != null) {
                execute(postgresUri(), "DROP DATABASE IF EXISTS " + postgresDatabase + " WITH (FORCE)");
            }
        }
    }

    /** One statement outside a transaction (CREATE/DROP DATABASE need that) on the configured server. */
    static void execute(String serverUri, String statement) {
        StoreUri u = StoreUri.parse(serverUri);
        try (Connection c = DriverManager.getConnection(u.jdbcUrl(), u.user(), u.password());
                Statement st = c.createStatement()) {
            st.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement + " on " + u + " (" + POSTGRES_ENV + "): " + e.getMessage(), e);
        }
    }
}
