package dev.mlsandbox.tracking.store;

import dev.mlsandbox.store.Database;

import dev.mlsandbox.http.MlflowException;

import dev.mlsandbox.tracking.search.Clause;
import dev.mlsandbox.tracking.search.OrderBy;
import dev.mlsandbox.tracking.search.PageToken;
import dev.mlsandbox.tracking.search.RunSearchSql;
import dev.mlsandbox.tracking.search.SearchRules;
import dev.mlsandbox.store.Sql;
import dev.mlsandbox.tracking.store.Entities.Experiment;
import dev.mlsandbox.tracking.store.Entities.Metric;
import dev.mlsandbox.tracking.store.Entities.Page;
import dev.mlsandbox.tracking.store.Entities.Param;
import dev.mlsandbox.tracking.store.Entities.Run;
import dev.mlsandbox.tracking.store.Entities.RunInfo;
import dev.mlsandbox.tracking.store.Entities.Tag;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Runs and what is logged to them. MLflow's rules: a run is created in an active experiment;
 * only active runs accept logging; params are write-once (the same value again is fine, a
 * different one is refused); the latest metric is the point with the highest step, then
 * timestamp, then value, while the history keeps every point.
 */
public final class RunStore {
    public static final String RUN_NAME_TAG = "mlflow.runName";
    static final Set<String> STATUSES = Set.of("RUNNING", "SCHEDULED", "FINISHED", "FAILED", "KILLED");
    private static final String INFO_COLUMNS =
            "run_uuid, name, experiment_id, user_id, status, start_time, end_time, artifact_uri, lifecycle_stage";

    private final Database db;
    private final ExperimentStore experiments;
    private final MetricWriter metricWriter = new MetricWriter();

    RunStore(Database db, ExperimentStore experiments) {
        this.db = db;
        this.experiments = experiments;
    }

    public Run create(String experimentId, String userId, String runName, Long startTime, List<Tag> tags) {
        String expId = experimentId == null || experimentId.isEmpty() ? ExperimentStore.DEFAULT_ID : experimentId;
        tags.forEach(Validation::tag);
        String tagName = tags.stream().filter(t -> RUN_NAME_TAG.equals(t.key())).map(Tag::value).findFirst().orElse(null);
        if (runName != null && !runName.isEmpty() && tagName != null && !tagName.equals(runName)) {
            throw MlflowException.invalid("Both 'run_name' ('" + runName + "') and the '" + RUN_NAME_TAG + "' tag ('" + tagName
                    + "') are given with different values; give one of them.");
        }
        String name = runName != null && !runName.isEmpty() ? runName : tagName != null ? tagName : RunNames.generate();
        Validation.length("Run name", Validation.MAX_RUN_NAME_LENGTH, name);
        return db.write(c -> {
            Experiment e = experiments.require(c, expId);
            if (!Entities.ACTIVE.equals(e.lifecycleStage())) {
                throw MlflowException.invalid("The experiment " + expId + " must be in the 'active' state. Current state is "
                        + e.lifecycleStage() + ".");
            }
            String runId = UUID.randomUUID().toString().replace("-", "");
            long start = startTime == null ? System.currentTimeMillis() : startTime;
            String artifactUri = e.artifactLocation() + "/" + runId + "/artifacts";
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO runs (" + INFO_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)")) {
                ps.setString(1, runId);
                ps.setString(2, name);
                ps.setLong(3, Long.parseLong(e.experimentId()));
                ps.setString(4, userId);
                ps.setString(5, "RUNNING");
                ps.setLong(6, start);
                ps.setString(7, artifactUri);
                ps.setString(8, Entities.ACTIVE);
                ps.executeUpdate();
            }
            for (Tag t : tags) {
                upsertTag(c, runId, t);
            }
            upsertTag(c, runId, new Tag(RUN_NAME_TAG, name));
            return load(c, runId);
        });
    }

    public Run get(String runId) {
        Validation.runId(runId);
        return db.read(c -> load(c, runId));
    }

    public RunInfo update(String runId, String status, Long endTime, String runName) {
        Validation.runId(runId);
        if (status != null && !STATUSES.contains(status.toUpperCase(Locale.ROOT))) {
            throw MlflowException.invalid("Invalid run status '" + status + "'; use one of " + STATUSES);
        }
        if (runName != null) {
            Validation.length("Run name", Validation.MAX_RUN_NAME_LENGTH, runName);
        }
        return db.write(c -> {
            RunInfo info = requireActive(c, runId);
            try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET status = ?, end_time = ?, name = ? WHERE run_uuid = ?")) {
                ps.setString(1, status == null ? info.status() : status.toUpperCase(Locale.ROOT));
                Long end = endTime != null ? endTime : info.endTime();
                if (end == null) {
                    ps.setNull(2, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(2, end);
                }
                ps.setString(3, runName == null || runName.isEmpty() ? info.runName() : runName);
                ps.setString(4, runId);
                ps.executeUpdate();
            }
            if (runName != null && !runName.isEmpty()) {
                upsertTag(c, runId, new Tag(RUN_NAME_TAG, runName));
            }
            return info(c, runId);
        });
    }

    public void setLifecycle(String runId, boolean delete) {
        Validation.runId(runId);
        db.write(c -> {
            require(c, runId);
            try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET lifecycle_stage = ?, deleted_time = ? WHERE run_uuid = ?")) {
                ps.setString(1, delete ? Entities.DELETED : Entities.ACTIVE);
                if (delete) {
                    ps.setLong(2, System.currentTimeMillis());
                } else {
                    ps.setNull(2, java.sql.Types.BIGINT);
                }
                ps.setString(3, runId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public void logMetric(String runId, Metric m) {
        logBatch(runId, List.of(m), List.of(), List.of());
    }

    public void logParam(String runId, Param p) {
        logBatch(runId, List.of(), List.of(p), List.of());
    }

    public void setTag(String runId, Tag t) {
        logBatch(runId, List.of(), List.of(), List.of(t));
    }

    /** All or nothing: a refused param or a bad metric leaves the run as it was. */
    public void logBatch(String runId, List<Metric> metrics, List<Param> params, List<Tag> tags) {
        Validation.runId(runId);
        Validation.batch(metrics, params, tags);
        db.write(c -> {
            requireActive(c, runId);
            logParams(c, runId, params);
            metricWriter.write(c, runId, metrics);
            for (Tag t : tags) {
                upsertTag(c, runId, t);
                if (RUN_NAME_TAG.equals(t.key())) {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET name = ? WHERE run_uuid = ?")) {
                        ps.setString(1, t.value());
                        ps.setString(2, runId);
                        ps.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    private static void logParams(Connection c, String runId, List<Param> params) throws SQLException {
        if (params.isEmpty()) {
            return;
        }
        try (PreparedStatement find = c.prepareStatement("SELECT value FROM params WHERE run_uuid = ? AND key = ?");
                PreparedStatement ins = c.prepareStatement("INSERT INTO params (run_uuid, key, value) VALUES (?, ?, ?)")) {
            for (Param p : params) {
                find.setString(1, runId);
                find.setString(2, p.key());
                try (ResultSet rs = find.executeQuery()) {
                    if (rs.next()) {
                        String old = rs.getString(1);
                        if (!old.equals(p.value())) {
                            throw MlflowException.invalid("Changing param values is not allowed. Param with key='" + p.key()
                                    + "' was already logged with value='" + old + "' for run ID='" + runId
                                    + "'. Attempted logging new value '" + p.value() + "'. Params are write-once: start a new run "
                                    + "(or a nested run) to try another value.");
                        }
                        continue;
                    }
                }
                ins.setString(1, runId);
                ins.setString(2, p.key());
                ins.setString(3, p.value());
                ins.executeUpdate();
            }
        }
    }

    public void deleteTag(String runId, String key) {
        Validation.runId(runId);
        if (key == null || key.isEmpty()) {
            throw MlflowException.invalid("Missing value for required parameter 'key'.");
        }
        db.write(c -> {
            requireActive(c, runId);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM tags WHERE run_uuid = ? AND key = ?")) {
                ps.setString(1, runId);
                ps.setString(2, key);
                if (ps.executeUpdate() == 0) {
                    throw MlflowException.notFound("No tag with name: " + key + " in run with id " + runId);
                }
            }
            return null;
        });
    }

    /** Every point of one metric, ordered by step then timestamp; pages when maxResults is given. */
    public Page<Metric> history(String runId, String key, Long maxResults, String pageToken) {
        Validation.runId(runId);
        if (key == null || key.isEmpty()) {
            throw MlflowException.invalid("Missing value for required parameter 'metric_key'.");
        }
        int limit = maxResults == null ? Integer.MAX_VALUE - 1 : Validation.maxResults(maxResults, 25000);
        String fingerprint = "history|" + runId + "|" + key;
        long offset = PageToken.decode(pageToken, fingerprint);
        return db.read(c -> {
            require(c, runId);
            List<Metric> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT key, value, is_nan, timestamp, step FROM metrics "
                    + "WHERE run_uuid = ? AND key = ? ORDER BY step, timestamp, value LIMIT ? OFFSET ?")) {
                ps.setString(1, runId);
                ps.setString(2, key);
                ps.setLong(3, (long) limit + 1);
                ps.setLong(4, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(MetricWriter.read(rs));
                    }
                }
            }
            String next = null;
            if (out.size() > limit) {
                out = new ArrayList<>(out.subList(0, limit));
                next = PageToken.encode(offset + limit, fingerprint);
            }
            return new Page<>(out, next);
        });
    }

    public Page<Run> search(List<String> experimentIds, String filter, ViewType view, Long maxResults, List<String> orderBy,
            String pageToken) {
        int limit = Validation.maxResults(maxResults, Validation.SEARCH_MAX_RESULTS_DEFAULT);
        List<Clause> clauses = SearchRules.runs(filter);
        List<OrderBy> order = OrderBy.runs(orderBy);
        List<Long> ids = new ArrayList<>();
        for (String id : experimentIds) {
            Validation.experimentId(id);
            try {
                ids.add(Long.parseLong(id));
            } catch (NumberFormatException e) {
                // an id this store never issues matches no run
            }
        }
        String fingerprint = "runs|" + experimentIds + "|" + filter + "|" + orderBy + "|" + view;
        long offset = PageToken.decode(pageToken, fingerprint);
        if (ids.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        Sql sql = RunSearchSql.select(ids, view.stages(), clauses, order, limit + 1, offset);
        return db.read(c -> {
            List<RunInfo> infos = new ArrayList<>();
            try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    infos.add(RunLoader.info(rs));
                }
            }
            String next = null;
            if (infos.size() > limit) {
                infos = infos.subList(0, limit);
                next = PageToken.encode(offset + limit, fingerprint);
            }
            return new Page<>(RunLoader.withData(c, infos), next);
        });
    }

    RunInfo require(Connection c, String runId) throws SQLException {
        RunInfo info = info(c, runId);
        if (info == null) {
            throw MlflowException.notFound("Run with id=" + runId + " not found");
        }
        return info;
    }

    private RunInfo requireActive(Connection c, String runId) throws SQLException {
        RunInfo info = require(c, runId);
        if (!Entities.ACTIVE.equals(info.lifecycleStage())) {
            throw MlflowException.invalid("The run " + runId + " must be in the 'active' state. Current state is "
                    + info.lifecycleStage() + ". Restore it (runs/restore) before logging to it.");
        }
        return info;
    }

    private static RunInfo info(Connection c, String runId) throws SQLException {
        List<RunInfo> infos = RunLoader.infos(c, List.of(runId));
        return infos.isEmpty() ? null : infos.get(0);
    }

    private static Run load(Connection c, String runId) throws SQLException {
        List<Run> runs = RunLoader.loadAll(c, List.of(runId));
        if (runs.isEmpty()) {
            throw MlflowException.notFound("Run with id=" + runId + " not found");
        }
        return runs.get(0);
    }

    private static void upsertTag(Connection c, String runId, Tag t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tags (run_uuid, key, value) VALUES (?, ?, ?) "
                + "ON CONFLICT (run_uuid, key) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, runId);
            ps.setString(2, t.key());
            ps.setString(3, t.value());
            ps.executeUpdate();
        }
    }
}
