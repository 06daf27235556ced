package dev.mlsandbox.tracking.store;

import dev.mlsandbox.store.Database;

import dev.mlsandbox.http.MlflowException;

import dev.mlsandbox.tracking.search.Clause;
import dev.mlsandbox.tracking.search.ExperimentSearchSql;
import dev.mlsandbox.tracking.search.OrderBy;
import dev.mlsandbox.tracking.search.PageToken;
import dev.mlsandbox.tracking.search.SearchRules;
import dev.mlsandbox.store.Sql;
import dev.mlsandbox.tracking.store.Entities.Experiment;
import dev.mlsandbox.tracking.store.Entities.Page;
import dev.mlsandbox.tracking.store.Entities.Tag;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Experiments: create, read, rename, delete/restore (with their runs), tags, search. */
public final class ExperimentStore {
    public static final String DEFAULT_ID = "0";
    private static final String COLUMNS =
            "experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time";

    private final Database db;
    private final String artifactRoot;

    ExperimentStore(Database db, String artifactRoot) {
        this.db = db;
        this.artifactRoot = artifactRoot.endsWith("/") ? artifactRoot.substring(0, artifactRoot.length() - 1) : artifactRoot;
    }

    void ensureDefault() {
        db.write(c -> {
            if (find(c, 0L) == null) {
                long now = System.currentTimeMillis();
                insert(c, 0L, "Default", location(0L), now);
            }
            return null;
        });
    }

    private String location(long id) {
        return artifactRoot + "/" + id;
    }

    public String create(String name, String artifactLocation, List<Tag> tags) {
        Validation.experimentName(name);
        for (Tag t : tags) {
            Validation.experimentTag(t);
        }
        if (artifactLocation != null && artifactLocation.startsWith("runs:")) {
            throw MlflowException.invalid("Artifact location cannot be a runs:/ URI; give a directory or mlflow-artifacts:/ URI");
        }
        return db.write(c -> {
            Experiment existing = findByName(c, name);
            if (existing != null) {
                throw MlflowException.exists("Experiment '" + name + "' already exists"
                        + (Entities.DELETED.equals(existing.lifecycleStage())
                                ? " in deleted state. Restore it (experiments/restore) or choose another name." : "."));
            }
            long id;
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(experiment_id), 0) + 1 FROM experiments");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            long now = System.currentTimeMillis();
            String location = artifactLocation == null || artifactLocation.isEmpty() ? location(id) : artifactLocation;
            insert(c, id, name, location, now);
            for (Tag t : tags) {
                upsertTag(c, id, t);
            }
            return Long.toString(id);
        });
    }

    private static void insert(Connection c, long id, String name, String location, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO experiments (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, name);
            ps.setString(3, location);
            ps.setString(4, Entities.ACTIVE);
            ps.setLong(5, now);
            ps.setLong(6, now);
            ps.executeUpdate();
        }
    }

    public Experiment get(String id) {
        return db.read(c -> require(c, id));
    }

    public Experiment getByName(String name) {
        if (name == null || name.isEmpty()) {
            throw MlflowException.invalid("Missing value for required parameter 'experiment_name'.");
        }
        return db.read(c -> {
            Experiment e = findByName(c, name);
            if (e == null) {
                throw MlflowException.notFound("Could not find experiment with name '" + name + "'");
            }
            return e;
        });
    }

    public void rename(String id, String newName) {
        Validation.experimentName(newName);
        db.write(c -> {
            Experiment e = require(c, id);
            if (!Entities.ACTIVE.equals(e.lifecycleStage())) {
                throw MlflowException.invalid("Cannot rename a non-active experiment " + id + "; restore it first.");
            }
            Experiment other = findByName(c, newName);
            if (other != null && !other.experimentId().equals(e.experimentId())) {
                throw MlflowException.exists("Experiment '" + newName + "' already exists.");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE experiments SET name = ?, last_update_time = ? WHERE experiment_id = ?")) {
                ps.setString(1, newName);
                ps.setLong(2, System.currentTimeMillis());
                ps.setLong(3, Long.parseLong(e.experimentId()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Deleting an experiment marks it and all its runs deleted; restoring brings both back. */
    public void setLifecycle(String id, boolean delete) {
        db.write(c -> {
            Experiment e = require(c, id);
            if (delete && DEFAULT_ID.equals(e.experimentId())) {
                throw MlflowException.invalid("Cannot delete the default experiment '0'. Delete its runs instead.");
            }
            String want = delete ? Entities.ACTIVE : Entities.DELETED;
            if (!want.equals(e.lifecycleStage())) {
                throw MlflowException.invalid("Cannot " + (delete ? "delete" : "restore") + " experiment " + id
                        + ": it is already " + e.lifecycleStage() + ".");
            }
            long now = System.currentTimeMillis();
            String to = delete ? Entities.DELETED : Entities.ACTIVE;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE experiments SET lifecycle_stage = ?, last_update_time = ? WHERE experiment_id = ?")) {
                ps.setString(1, to);
                ps.setLong(2, now);
                ps.setLong(3, Long.parseLong(e.experimentId()));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE runs SET lifecycle_stage = ?, deleted_time = ? WHERE experiment_id = ? AND lifecycle_stage = ?")) {
                ps.setString(1, to);
                if (delete) {
                    ps.setLong(2, now);
                } else {
                    ps.setNull(2, java.sql.Types.BIGINT);
                }
                ps.setLong(3, Long.parseLong(e.experimentId()));
                ps.setString(4, want);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public void setTag(String id, Tag tag) {
        Validation.experimentTag(tag);
        db.write(c -> {
            Experiment e = require(c, id);
            if (!Entities.ACTIVE.equals(e.lifecycleStage())) {
                throw MlflowException.invalid("The experiment " + id + " must be in the 'active' state. Current state is "
                        + e.lifecycleStage() + ".");
            }
            upsertTag(c, Long.parseLong(e.experimentId()), tag);
            return null;
        });
    }

    private static void upsertTag(Connection c, long id, Tag t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO experiment_tags (experiment_id, key, value) VALUES (?, ?, ?) "
                + "ON CONFLICT (experiment_id, key) DO UPDATE SET value = excluded.value")) {
            ps.setLong(1, id);
            ps.setString(2, t.key());
            ps.setString(3, t.value());
            ps.executeUpdate();
        }
    }

    public Page<Experiment> search(String filter, List<String> orderBy, ViewType view, Long maxResults, String pageToken) {
        int limit = Validation.maxResults(maxResults, Validation.SEARCH_MAX_RESULTS_DEFAULT);
        List<Clause> clauses = SearchRules.experiments(filter);
        List<OrderBy> order = OrderBy.experiments(orderBy);
        String fingerprint = "experiments|" + filter + "|" + orderBy + "|" + view;
        long offset = PageToken.decode(pageToken, fingerprint);
        Sql sql = ExperimentSearchSql.select(view.stages(), clauses, order, limit + 1, offset);
        return db.read(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            String next = null;
            if (ids.size() > limit) {
                ids = ids.subList(0, limit);
                next = PageToken.encode(offset + limit, fingerprint);
            }
            List<Experiment> out = new ArrayList<>();
            for (long id : ids) {
                out.add(find(c, id));
            }
            return new Page<>(out, next);
        });
    }

    /** The experiment, or RESOURCE_DOES_NOT_EXIST; reused by the run store inside its transaction. */
    Experiment require(Connection c, String id) throws SQLException {
        Validation.experimentId(id);
        long n;
        try {
            n = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw MlflowException.notFound("No Experiment with id=" + id + " exists");
        }
        Experiment e = find(c, n);
        if (e == null) {
            throw MlflowException.notFound("No Experiment with id=" + id + " exists");
        }
        return e;
    }

    private Experiment find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM experiments WHERE experiment_id = ?")) {
            ps.setLong(1, id);
            return one(c, ps);
        }
    }

    private Experiment findByName(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM experiments WHERE name = ?")) {
            ps.setString(1, name);
            return one(c, ps);
        }
    }

    private static Experiment one(Connection c, PreparedStatement ps) throws SQLException {
        long id;
        String name;
        String loc;
        String stage;
        long created;
        long updated;
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            id = rs.getLong(1);
            name = rs.getString(2);
            loc = rs.getString(3);
            stage = rs.getString(4);
            created = rs.getLong(5);
            updated = rs.getLong(6);
        }
        Map<String, String> tags = new LinkedHashMap<>();
        try (PreparedStatement t = c.prepareStatement("SELECT key, value FROM experiment_tags WHERE experiment_id = ? ORDER BY key")) {
            t.setLong(1, id);
            try (ResultSet rs = t.executeQuery()) {
                while (rs.next()) {
                    tags.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        List<Tag> tagList = tags.entrySet().stream().map(e -> new Tag(e.getKey(), e.getValue())).toList();
        return new Experiment(Long.toString(id), name, loc, stage, created, updated, tagList);
    }
}
