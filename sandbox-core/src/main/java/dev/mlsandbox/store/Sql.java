package dev.mlsandbox.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL text plus its bound values, and the two calls every store makes with it. User text only
 * ever travels as a bound value, never in the text. Values bind by their Java type (String,
 * Long, Integer, Double, Boolean, null) the same way everywhere, so SQLite and PostgreSQL see
 * the same types whichever store built the statement.
 *
 * <pre>{@code
 * Sql where = new Sql().append("name = ?", name).append(" AND version > ?", 3L);
 * long n = Sql.query(c, "SELECT COUNT(*) FROM model_versions WHERE " + where.text(), rs -> rs.next() ? rs.getLong(1) : 0,
 *         where.params().toArray());
 * }</pre>
 */
public final class Sql {
    /** Reads a result set into a value. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final StringBuilder text = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    public Sql append(String sql, Object... values) {
        text.append(sql);
        params.addAll(java.util.Arrays.asList(values));
        return this;
    }

    public Sql append(Sql other) {
        text.append(other.text);
        params.addAll(other.params);
        return this;
    }

    public String text() {
        return text.toString();
    }

    public List<Object> params() {
        return params;
    }

    /** The statement with every value bound; the caller closes it. */
    public PreparedStatement prepare(Connection c) throws SQLException {
        PreparedStatement ps = c.prepareStatement(text.toString());
        try {
            bind(ps, params.toArray());
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
        return ps;
    }

    /** Runs a query and reads its rows; a database error is a {@link StoreFailure}. */
    public static <T> T query(Connection c, String sql, Reader<T> reader, Object... values) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, values);
            try (ResultSet rs = ps.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw new StoreFailure("query failed: " + e.getMessage(), e);
        }
    }

    /** Runs an INSERT, UPDATE or DELETE; the number of rows it changed. */
    public static int update(Connection c, String sql, Object... values) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, values);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreFailure("update failed: " + e.getMessage(), e);
        }
    }

    /** Binds values by type: the one place that decides how a Java value reaches the database. */
    public static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof String s) {
                ps.setString(i + 1, s);
            } else if (v instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (v instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (v instanceof Double d) {
                ps.setDouble(i + 1, d);
            } else {
                // null, Boolean and anything else: the driver's own mapping
                ps.setObject(i + 1, v);
            }
        }
    }

    @Override
    public String toString() {
        return text + " " + params;
    }
}
