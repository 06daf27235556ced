package dev.mlsandbox.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What differs between databases, and nothing else: column types, connection setup, and whether
 * the database itself serializes writers. The query layer uses only SQL both SQLite and
 * PostgreSQL accept ({@code INSERT ... ON CONFLICT ... DO UPDATE}, {@code LIMIT/OFFSET}, {@code
 * LOWER(x) LIKE LOWER(?)}).
 */
public enum Dialect {
    SQLITE {
        @Override
        public String bigint() {
            return "INTEGER";
        }

        @Override
        public String floatType() {
            return "REAL";
        }

        @Override
        public String text() {
            return "TEXT";
        }

        @Override
        public void configure(Connection c, String synchronous) throws SQLException {
            try (Statement s = c.createStatement()) {
                // WAL: readers never block the writer; a committed transaction is in the WAL file, so
                // it survives kill -9 of the server (NORMAL) and, with FULL, a power cut too.
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=" + synchronous);
                s.execute("PRAGMA busy_timeout=30000");
                s.execute("PRAGMA foreign_keys=ON");
                // MLflow's LIKE is case-sensitive (ILIKE is not); SQLite's default LIKE is not.
                s.execute("PRAGMA case_sensitive_like=ON");
            }
        }
    },
    POSTGRESQL {
        @Override
        public String bigint() {
            return "BIGINT";
        }

        @Override
        public String floatType() {
            return "DOUBLE PRECISION";
        }

        @Override
        public String text() {
            return "TEXT";
        }

        @Override
        public void configure(Connection c, String synchronous) {
            // PostgreSQL is durable on commit by default (synchronous_commit=on).
        }
    };

    public abstract String bigint();

    public abstract String floatType();

    public abstract String text();

    /** String column with a length, for keys that are indexed. */
    public String varchar(int n) {
        return "VARCHAR(" + n + ")";
    }

    public abstract void configure(Connection c, String synchronous) throws SQLException;
}
