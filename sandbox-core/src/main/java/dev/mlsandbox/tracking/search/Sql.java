package dev.mlsandbox.tracking.search;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** SQL text plus its bound parameters: user text only ever travels as a parameter. */
public final class Sql {
    private final StringBuilder text = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    public Sql append(String sql, Object... values) {
        text.append(sql);
        params.addAll(List.of(values));
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

    public PreparedStatement prepare(java.sql.Connection c) throws SQLException {
        PreparedStatement ps = c.prepareStatement(text.toString());
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof Double d) {
                ps.setDouble(i + 1, d);
            } else if (p instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (p instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else {
                ps.setString(i + 1, (String) p);
            }
        }
        return ps;
    }

    @Override
    public String toString() {
        return text + " " + params;
    }
}
