package dev.mlsandbox.tracking.store;

import dev.mlsandbox.tracking.store.Entities.Metric;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends metric points to the history and keeps {@code latest_metrics} current with one
 * conditional upsert per key: the stored row is replaced only by a point with a higher step,
 * then timestamp, then value (NaN counts as the lowest value).
 */
final class MetricWriter {
    private static final String UPSERT_LATEST = "INSERT INTO latest_metrics (run_uuid, key, value, is_nan, timestamp, step) "
            + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (run_uuid, key) DO UPDATE SET value = excluded.value, "
            + "is_nan = excluded.is_nan, timestamp = excluded.timestamp, step = excluded.step "
            + "WHERE excluded.step > latest_metrics.step "
            + "OR (excluded.step = latest_metrics.step AND excluded.timestamp > latest_metrics.timestamp) "
            + "OR (excluded.step = latest_metrics.step AND excluded.timestamp = latest_metrics.timestamp "
            + "AND excluded.is_nan = 0 AND (latest_metrics.is_nan = 1 OR excluded.value > latest_metrics.value))";

    void write(Connection c, String runId, List<Metric> metrics) throws SQLException {
        if (metrics.isEmpty()) {
            return;
        }
        Map<String, Metric> latest = new LinkedHashMap<>();
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO metrics (run_uuid, key, value, is_nan, timestamp, step) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Metric m : metrics) {
                bind(ins, runId, m);
                ins.addBatch();
                latest.merge(m.key(), m, (a, b) -> newer(b, a) ? b : a);
            }
            ins.executeBatch();
        }
        try (PreparedStatement up = c.prepareStatement(UPSERT_LATEST)) {
            for (Metric m : latest.values()) {
                bind(up, runId, m);
                up.addBatch();
            }
            up.executeBatch();
        }
    }

    static boolean newer(Metric a, Metric b) {
        if (a.step() != b.step()) {
            return a.step() > b.step();
        }
        if (a.timestamp() != b.timestamp()) {
            return a.timestamp() > b.timestamp();
        }
        if (Double.isNaN(a.value())) {
            return false;
        }
        return Double.isNaN(b.value()) || a.value() > b.value();
    }

    private static void bind(PreparedStatement ps, String runId, Metric m) throws SQLException {
        boolean nan = Double.isNaN(m.value());
        ps.setString(1, runId);
        ps.setString(2, m.key());
        ps.setDouble(3, nan ? 0.0 : m.value());
        ps.setInt(4, nan ? 1 : 0);
        ps.setLong(5, m.timestamp());
        ps.setLong(6, m.step());
    }

    static Metric read(ResultSet rs) throws SQLException {
        double v = rs.getInt(3) == 1 ? Double.NaN : rs.getDouble(2);
        return new Metric(rs.getString(1), v, rs.getLong(4), rs.getLong(5));
    }
}
