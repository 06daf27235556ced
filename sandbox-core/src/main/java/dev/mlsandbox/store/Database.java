package dev.mlsandbox.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Connections and transactions. Every call of {@link #read} or {@link #write} is exactly one
 * transaction: it commits when the work returns and rolls back when it throws, so a refused
 * request writes nothing. Writes are serialized by one writer connection behind a lock (SQLite
 * allows one writer anyway; doing it in Java avoids SQLITE_BUSY retries), reads use a small pool
 * and, in WAL mode, never wait for the writer.
 */
public final class Database implements AutoCloseable {

    /** Work inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    private final StoreUri uri;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final BlockingQueue<Connection> readers;
    private final List<Connection> all = new ArrayList<>();
    private volatile boolean closed;

    public Database(StoreUri uri, int readerCount) {
        this.uri = uri;
        try {
            Path file = uri.sqliteFile();
            if (file != null && file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            this.writer = open();
            this.readers = new ArrayBlockingQueue<>(readerCount);
            for (int i = 0; i < readerCount; i++) {
                readers.add(open());
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("cannot open backend store " + uri + ": " + e.getMessage(), e);
        }
    }

    private Connection open() throws SQLException {
        Properties props = new Properties();
        if (uri.user() != null) {
            props.setProperty("user", uri.user());
        }
        if (uri.password() != null) {
            props.setProperty("password", uri.password());
        }
        Connection c;
        try {
            c = DriverManager.getConnection(uri.jdbcUrl(), props);
        } catch (SQLException e) {
            if (uri.dialect() == Dialect.POSTGRESQL && e.getMessage() != null && e.getMessage().contains("No suitable driver")) {
                throw new SQLException("the PostgreSQL JDBC driver is not on the classpath; add org.postgresql:postgresql", e);
            }
            throw e;
        }
        uri.dialect().configure(c, uri.synchronous());
        c.setAutoCommit(false);
        synchronized (all) {
            all.add(c);
        }
        return c;
    }

    public Dialect dialect() {
        return uri.dialect();
    }

    public StoreUri uri() {
        return uri;
    }

    public <T> T read(Work<T> work) {
        ensureOpen();
        Connection c;
        try {
            c = readers.poll(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a database connection", e);
        }
        if (c == null) {
            throw new IllegalStateException("no database connection became free within 60 s");
        }
        try {
            return run(c, work);
        } finally {
            readers.add(c);
        }
    }

    public <T> T write(Work<T> work) {
        ensureOpen();
        writeLock.lock();
        try {
            return run(writer, work);
        } finally {
            writeLock.unlock();
        }
    }

    private static <T> T run(Connection c, Work<T> work) {
        try {
            T result = work.apply(c);
            c.commit();
            return result;
        } catch (SQLException e) {
            rollback(c, e);
            throw new StoreFailure("database error: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            rollback(c, e);
            throw e;
        }
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException r) {
            cause.addSuppressed(r);
        }
    }

    /**
     * Applies the pending migrations of every component, each in its own transaction, and refuses
     * a schema newer than this code knows.
     */
    public void migrate(List<Migration> migrations) {
        write(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (component " + dialect().varchar(64)
                        + " NOT NULL, version INTEGER NOT NULL, description " + dialect().text()
                        + " NOT NULL, applied_at " + dialect().bigint() + " NOT NULL, PRIMARY KEY (component, version))");
            }
            return null;
        });
        Map<String, Integer> current = write(c -> {
            Map<String, Integer> m = new HashMap<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT component, MAX(version) FROM schema_version GROUP BY component")) {
                while (rs.next()) {
                    m.put(rs.getString(1), rs.getInt(2));
                }
            }
            return m;
        });
        Map<String, Integer> known = new HashMap<>();
        for (Migration m : migrations) {
            known.merge(m.component(), m.version(), Math::max);
        }
        for (var e : current.entrySet()) {
            Integer max = known.get(e.getKey());
            if (max != null && e.getValue() > max) {
                throw new IllegalStateException("the store " + uri + " has schema version " + e.getValue() + " of '" + e.getKey()
                        + "' but this build knows only up to " + max + "; use a newer sandbox or another --backend-store-uri");
            }
        }
        List<Migration> sorted = new ArrayList<>(migrations);
        sorted.sort(Comparator.comparing(Migration::component).thenComparingInt(Migration::version));
        for (Migration m : sorted) {
            if (m.version() <= current.getOrDefault(m.component(), 0)) {
                continue;
            }
            write(c -> {
                try (Statement s = c.createStatement()) {
                    for (String sql : m.statements().sql(dialect())) {
                        s.execute(sql);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO schema_version (component, version, description, applied_at) VALUES (?, ?, ?, ?)")) {
                    ps.setString(1, m.component());
                    ps.setInt(2, m.version());
                    ps.setString(3, m.description());
                    ps.setLong(4, System.currentTimeMillis());
                    ps.executeUpdate();
                }
                return null;
            });
        }
    }

    /** The applied version of a component, 0 when none. */
    public int schemaVersion(String component) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(version) FROM schema_version WHERE component = ?")) {
                ps.setString(1, component);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the backend store " + uri + " is closed");
        }
    }

    @Override
    public void close() {
        closed = true;
        writeLock.lock();
        try {
            synchronized (all) {
                for (Connection c : all) {
                    try {
                        c.close();
                    } catch (SQLException ignored) {
                        // closing: nothing left to protect
                    }
                }
                all.clear();
            }
        } finally {
            writeLock.unlock();
        }
    }
}
