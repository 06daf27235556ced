package dev.mlsandbox.tracking.store;

import dev.mlsandbox.tracking.store.Entities.Metric;
import dev.mlsandbox.tracking.store.Entities.Param;
import dev.mlsandbox.tracking.store.Entities.Run;
import dev.mlsandbox.tracking.store.Entities.RunData;
import dev.mlsandbox.tracking.store.Entities.RunInfo;
import dev.mlsandbox.tracking.store.Entities.Tag;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads runs in bulk: one query per table per chunk of ids (not one per run), so a search page of
 * a thousand runs costs a handful of queries.
 */
final class RunLoader {
    private static final int CHUNK = 500;

    private RunLoader() {}

    static List<RunInfo> infos(Connection c, List<String> ids) throws SQLException {
        Map<String, RunInfo> byId = new HashMap<>();
        for (List<String> chunk : chunks(ids)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT run_uuid, name, experiment_id, user_id, status, start_time, "
                    + "end_time, artifact_uri, lifecycle_stage FROM runs WHERE run_uuid IN (" + marks(chunk.size()) + ")")) {
                bind(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long end = rs.getLong(7);
                        Long endTime = rs.wasNull() ? null : end;
                        RunInfo info = new RunInfo(rs.getString(1), rs.getString(2), Long.toString(rs.getLong(3)), rs.getString(4),
                                rs.getString(5), rs.getLong(6), endTime, rs.getString(8), rs.getString(9));
                        byId.put(info.runId(), info);
                    }
                }
            }
        }
        List<RunInfo> out = new ArrayList<>();
        for (String id : ids) {
            RunInfo info = byId.get(id);
            if (info != null) {
                out.add(info);
            }
        }
        return out;
    }

    /** Runs in the order of {@code ids}; unknown ids are skipped. */
    static List<Run> loadAll(Connection c, List<String> ids) throws SQLException {
        List<RunInfo> infos = infos(c, ids);
        Map<String, List<Metric>> metrics = new HashMap<>();
        Map<String, List<Param>> params = new HashMap<>();
        Map<String, List<Tag>> tags = new HashMap<>();
        for (List<String> chunk : chunks(ids)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT run_uuid, key, value, is_nan, timestamp, step FROM latest_metrics "
                    + "WHERE run_uuid IN (" + marks(chunk.size()) + ") ORDER BY key")) {
                bind(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        double v = rs.getInt(4) == 1 ? Double.NaN : rs.getDouble(3);
                        metrics.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(new Metric(rs.getString(2), v, rs.getLong(5), rs.getLong(6)));
                    }
                }
            }
            keyValues(c, "params", chunk, (run, k, v) -> params.computeIfAbsent(run, x -> new ArrayList<>()).add(new Param(k, v)));
            keyValues(c, "tags", chunk, (run, k, v) -> tags.computeIfAbsent(run, x -> new ArrayList<>()).add(new Tag(k, v)));
        }
        List<Run> out = new ArrayList<>(infos.size());
        for (RunInfo info : infos) {
            String id = info.runId();
            out.add(new Run(info, new RunData(metrics.getOrDefault(id, List.of()), params.getOrDefault(id, List.of()),
                    tags.getOrDefault(id, List.of()))));
        }
        return out;
    }

    private interface Row {
        void accept(String run, String key, String value);
    }

    private static void keyValues(Connection c, String table, List<String> chunk, Row row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT run_uuid, key, value FROM " + table + " WHERE run_uuid IN ("
                + marks(chunk.size()) + ") ORDER BY key")) {
            bind(ps, chunk);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs.getString(1), rs.getString(2), rs.getString(3));
                }
            }
        }
    }

    private static List<List<String>> chunks(List<String> ids) {
        if (ids.size() <= CHUNK) {
            return Collections.singletonList(ids);
        }
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            out.add(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
        }
        return out;
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static void bind(PreparedStatement ps, List<String> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            ps.setString(i + 1, ids.get(i));
        }
    }

}
