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
    private static final int CHUNK = 1000;

    private RunLoader() {}

    static List<RunInfo> infos(Connection c, List<String> ids) throws SQLException {
        Map<String, RunInfo> byId = new HashMap<>();
        for (List<String> chunk : chunks(ids)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT run_uuid, name, experiment_id, user_id, status, start_time, "
                    + "end_time, artifact_uri, lifecycle_stage FROM runs WHERE run_uuid IN (" + marks(chunk.size()) + ")")) {
                bind(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        RunInfo info = info(rs);
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

    /** A row of the run columns in the order of {@code RunSearchSql.INFO_COLUMNS}. */
    static RunInfo info(ResultSet rs) throws SQLException {
        long end = rs.getLong(7);
        Long endTime = rs.wasNull() ? null : end;
        return new RunInfo(rs.getString(1), rs.getString(2), Long.toString(rs.getLong(3)), rs.getString(4), rs.getString(5),
                rs.getLong(6), endTime, rs.getString(8), rs.getString(9));
    }

    /** Runs in the order of {@code ids}; unknown ids are skipped. */
    static List<Run> loadAll(Connection c, List<String> ids) throws SQLException {
        return withData(c, infos(c, ids));
    }

    /** Adds latest metrics, params and tags to runs whose info is already read (a search page). */
    static List<Run> withData(Connection c, List<RunInfo> infos) throws SQLException {
        List<String> ids = new ArrayList<>(infos.size());
        for (RunInfo i : infos) {
            ids.add(i.runId());
        }
        Map<String, List<Metric>> metrics = new HashMap<>(infos.size() * 2);
        Map<String, List<Param>> params = new HashMap<>(infos.size() * 2);
        Map<String, List<Tag>> tags = new HashMap<>(infos.size() * 2);
        for (List<String> chunk : chunks(ids)) {
            rows(c, "SELECT run_uuid, key, value, is_nan, timestamp, step FROM latest_metrics", chunk, metrics, rs -> {
                double v = rs.getInt(4) == 1 ? Double.NaN : rs.getDouble(3);
                return new Metric(rs.getString(2), v, rs.getLong(5), rs.getLong(6));
            });
            rows(c, "SELECT run_uuid, key, value FROM params", chunk, params, rs -> new Param(rs.getString(2), rs.getString(3)));
            rows(c, "SELECT run_uuid, key, value FROM tags", chunk, tags, rs -> new Tag(rs.getString(2), rs.getString(3)));
        }
        List<Run> out = new ArrayList<>(infos.size());
        for (RunInfo info : infos) {
            String id = info.runId();
            out.add(new Run(info, new RunData(metrics.getOrDefault(id, List.of()), params.getOrDefault(id, List.of()),
                    tags.getOrDefault(id, List.of()))));
        }
        return out;
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * One query for the chunk, ordered like the (run_uuid, key) primary key so the database
     * streams it from the index without a sort, and rows of one run arrive together: the map is
     * touched once per run, not once per row.
     */
    private static <T> void rows(Connection c, String select, List<String> chunk, Map<String, List<T>> into, RowReader<T> reader)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(select + " WHERE run_uuid IN (" + marks(chunk.size())
                + ") ORDER BY run_uuid, key")) {
            bind(ps, chunk);
            try (ResultSet rs = ps.executeQuery()) {
                String current = null;
                List<T> list = null;
                while (rs.next()) {
                    String run = rs.getString(1);
                    if (!run.equals(current)) {
                        current = run;
                        list = new ArrayList<>(4);
                        into.put(run, list);
                    }
                    list.add(reader.read(rs));
                }
            }
        }
    }

    /** No chunk for no ids: {@code IN ()} is an error on PostgreSQL (SQLite accepts it). */
    private static List<List<String>> chunks(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
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
