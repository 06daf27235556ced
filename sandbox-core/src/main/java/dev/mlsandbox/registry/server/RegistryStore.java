package dev.mlsandbox.registry.server;

import dev.mlsandbox.store.Sql;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.mlsandbox.registry.RegistryMode;
import dev.mlsandbox.registry.RegistryRules;
import dev.mlsandbox.registry.RegistryEntities.ModelVersion;
import dev.mlsandbox.registry.RegistryEntities.Page;
import dev.mlsandbox.registry.RegistryEntities.RegisteredModel;
import dev.mlsandbox.store.Dialect;
import dev.mlsandbox.http.MlflowException;

/**
 * The registry's reads and writes over one connection: callers run each request in one
 * transaction of the shared {@code Database} and pass its connection, so permission checks,
 * validation and writes commit or roll back together. Names passed in are already validated.
 */
public final class RegistryStore {

    private final RegistryMode mode;
    private final Dialect dialect;

    public RegistryStore(RegistryMode mode, Dialect dialect) {
        this.mode = mode;
        this.dialect = dialect;
    }

    public RegistryMode mode() {
        return mode;
    }

    // ---- registered models ---------------------------------------------------------------

    public RegisteredModel createModel(Connection c, String name, String description, String userId, Map<String, String> tags) {
        if (exists(c, name)) {
            throw MlflowException.exists("Registered Model (name=" + name + ") already exists. Choose another name, or add a"
                    + " version to the existing model");
        }
        long now = System.currentTimeMillis();
        Sql.update(c, "INSERT INTO registered_models (name, creation_time, last_updated_time, description, user_id, max_version)"
                + " VALUES (?, ?, ?, ?, ?, 0)", name, now, now, description, userId);
        tags.forEach((k, v) -> setModelTag(c, name, k, v));
        return getModel(c, name);
    }

    public boolean exists(Connection c, String name) {
        return Sql.query(c, "SELECT 1 FROM registered_models WHERE name = ?", rs -> rs.next(), name);
    }

    public RegisteredModel getModel(Connection c, String name) {
        RegisteredModel m = Sql.query(c, "SELECT name, creation_time, last_updated_time, user_id, description"
                + " FROM registered_models WHERE name = ?", rs -> rs.next() ? new RegisteredModel(rs.getString(1),
                        rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), Map.of(), Map.of(), List.of()) : null, name);
        if (m == null) {
            throw MlflowException.notFound("Registered Model with name=" + name + " not found");
        }
        return new RegisteredModel(m.name(), m.creationTimestamp(), m.lastUpdatedTimestamp(), m.userId(), m.description(),
                modelTags(c, name), aliases(c, name), mode.unityCatalog() ? List.of() : latestVersions(c, name, List.of()));
    }

    public RegisteredModel updateModel(Connection c, String name, String description) {
        getModel(c, name);
        Sql.update(c, "UPDATE registered_models SET description = ?, last_updated_time = ? WHERE name = ?", description,
                System.currentTimeMillis(), name);
        return getModel(c, name);
    }

    public RegisteredModel renameModel(Connection c, String name, String newName) {
        getModel(c, name);
        if (exists(c, newName)) {
            throw MlflowException.exists("Registered Model (name=" + newName + ") already exists; pick another new_name");
        }
        for (String table : List.of("registered_models", "registered_model_tags", "model_versions", "model_version_tags",
                "registered_model_aliases")) {
            Sql.update(c, "UPDATE " + table + " SET name = ? WHERE name = ?", newName, name);
        }
        Sql.update(c, "UPDATE registered_models SET last_updated_time = ? WHERE name = ?", System.currentTimeMillis(), newName);
        return getModel(c, newName);
    }

    public void deleteModel(Connection c, String name) {
        getModel(c, name);
        for (String table : List.of("registered_model_aliases", "model_version_tags", "model_versions",
                "registered_model_tags", "registered_models")) {
            Sql.update(c, "DELETE FROM " + table + " WHERE name = ?", name);
        }
    }

    public Page<RegisteredModel> searchModels(Connection c, String filter, long maxResults, List<String> orderBy, String pageToken) {
        RegistryFilter.Compiled where = RegistryFilter.compile(filter, RegistryFilter.Target.MODELS, dialect);
        String order = RegistryFilter.orderBy(orderBy, RegistryFilter.Target.MODELS);
        long offset = RegistryFilter.offset(pageToken);
        List<Object> args = new ArrayList<>(where.args());
        args.add(maxResults + 1);
        args.add(offset);
        List<String> names = Sql.query(c, "SELECT name FROM registered_models m WHERE " + where.sql() + " ORDER BY " + order
                + " LIMIT ? OFFSET ?", rs -> {
                    List<String> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                    return out;
                }, args.toArray());
        String next = names.size() > maxResults ? RegistryFilter.token(offset + maxResults) : null;
        return new Page<>(names.stream().limit(maxResults).map(n -> getModel(c, n)).toList(), next);
    }

    public void setModelTag(Connection c, String name, String key, String value) {
        getModel(c, name);
        Sql.update(c, "DELETE FROM registered_model_tags WHERE name = ? AND key = ?", name, key);
        Sql.update(c, "INSERT INTO registered_model_tags (name, key, value) VALUES (?, ?, ?)", name, key, value);
    }

    public void deleteModelTag(Connection c, String name, String key) {
        getModel(c, name);
        if (Sql.update(c, "DELETE FROM registered_model_tags WHERE name = ? AND key = ?", name, key) == 0) {
            throw MlflowException.notFound("No tag with name: " + key + " on registered model " + name);
        }
    }

    // ---- versions -------------------------------------------------------------------------

    public ModelVersion createVersion(Connection c, String name, String source, String runId, String runLink,
                                      String description, String userId, String storageLocation, Map<String, String> tags) {
        getModel(c, name);
        long highest = Sql.query(c, "SELECT max_version FROM registered_models WHERE name = ?", rs -> {
            rs.next();
            return rs.getLong(1);
        }, name);
        long version = RegistryRules.nextVersion(highest);
        Sql.update(c, "UPDATE registered_models SET max_version = ?, last_updated_time = ? WHERE name = ?", version,
                System.currentTimeMillis(), name);
        long now = System.currentTimeMillis();
        Sql.update(c, "INSERT INTO model_versions (name, version, creation_time, last_updated_time, description, user_id,"
                + " current_stage, source, run_id, run_link, status, storage_location) VALUES (?, ?, ?, ?, ?, ?, 'None', ?, ?, ?,"
                + " 'READY', ?)", name, version, now, now, description, userId, source, runId, runLink, storageLocation);
        tags.forEach((k, v) -> setVersionTag(c, name, version, k, v));
        return getVersion(c, name, version);
    }

    public ModelVersion getVersion(Connection c, String name, long version) {
        ModelVersion v = Sql.query(c, "SELECT name, version, creation_time, last_updated_time, user_id, current_stage, description,"
                + " source, run_id, run_link, status, storage_location FROM model_versions WHERE name = ? AND version = ?",
                rs -> rs.next() ? new ModelVersion(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                        rs.getString(12), Map.of(), List.of()) : null, name, version);
        if (v == null) {
            getModel(c, name);
            throw MlflowException.notFound("Model Version (name=" + name + ", version=" + version + ") not found");
        }
        return withTagsAndAliases(c, v);
    }

    private ModelVersion withTagsAndAliases(Connection c, ModelVersion v) {
        Map<String, String> tags = Sql.query(c, "SELECT key, value FROM model_version_tags WHERE name = ? AND version = ?"
                + " ORDER BY key", rs -> {
                    Map<String, String> m = new LinkedHashMap<>();
                    while (rs.next()) {
                        m.put(rs.getString(1), rs.getString(2));
                    }
                    return m;
                }, v.name(), v.version());
        List<String> aliases = new ArrayList<>();
        aliases(c, v.name()).forEach((alias, version) -> {
            if (version == v.version()) {
                aliases.add(alias);
            }
        });
        return new ModelVersion(v.name(), v.version(), v.creationTimestamp(), v.lastUpdatedTimestamp(), v.userId(),
                v.currentStage(), v.description(), v.source(), v.runId(), v.runLink(), v.status(), v.storageLocation(), tags,
                aliases);
    }

    public ModelVersion updateVersion(Connection c, String name, long version, String description) {
        getVersion(c, name, version);
        Sql.update(c, "UPDATE model_versions SET description = ?, last_updated_time = ? WHERE name = ? AND version = ?",
                description, System.currentTimeMillis(), name, version);
        return getVersion(c, name, version);
    }

    /** Deletes a version and the aliases that pointed at it; its number stays retired. */
    public void deleteVersion(Connection c, String name, long version) {
        getVersion(c, name, version);
        Sql.update(c, "DELETE FROM registered_model_aliases WHERE name = ? AND version = ?", name, version);
        Sql.update(c, "DELETE FROM model_version_tags WHERE name = ? AND version = ?", name, version);
        Sql.update(c, "DELETE FROM model_versions WHERE name = ? AND version = ?", name, version);
    }

    public Page<ModelVersion> searchVersions(Connection c, String filter, long maxResults, List<String> orderBy, String pageToken) {
        RegistryFilter.Compiled where = RegistryFilter.compile(filter, RegistryFilter.Target.VERSIONS, dialect);
        String order = RegistryFilter.orderBy(orderBy, RegistryFilter.Target.VERSIONS);
        long offset = RegistryFilter.offset(pageToken);
        List<Object> args = new ArrayList<>(where.args());
        args.add(maxResults + 1);
        args.add(offset);
        List<Object[]> keys = Sql.query(c, "SELECT name, version FROM model_versions v WHERE " + where.sql() + " ORDER BY "
                + order + " LIMIT ? OFFSET ?", rs -> {
                    List<Object[]> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new Object[]{rs.getString(1), rs.getLong(2)});
                    }
                    return out;
                }, args.toArray());
        String next = keys.size() > maxResults ? RegistryFilter.token(offset + maxResults) : null;
        return new Page<>(keys.stream().limit(maxResults).map(k -> getVersion(c, (String) k[0], (Long) k[1])).toList(), next);
    }

    /** Workspace registry: the newest version per stage (all stages when none are given). */
    public List<ModelVersion> latestVersions(Connection c, String name, List<String> stages) {
        List<ModelVersion> out = new ArrayList<>();
        for (String stage : stages.isEmpty() ? List.of("None", "Staging", "Production", "Archived") : stages) {
            Optional<Long> v = Sql.query(c, "SELECT MAX(version) FROM model_versions WHERE name = ? AND current_stage = ?",
                    rs -> {
                        rs.next();
                        long x = rs.getLong(1);
                        return rs.wasNull() ? Optional.<Long>empty() : Optional.of(x);
                    }, name, stage);
            v.ifPresent(x -> out.add(getVersion(c, name, x)));
        }
        return out;
    }

    public ModelVersion transitionStage(Connection c, String name, long version, String stage, boolean archiveExisting) {
        getVersion(c, name, version);
        long now = System.currentTimeMillis();
        if (archiveExisting && (stage.equals("Staging") || stage.equals("Production"))) {
            Sql.update(c, "UPDATE model_versions SET current_stage = 'Archived', last_updated_time = ? WHERE name = ? AND"
                    + " current_stage = ? AND version <> ?", now, name, stage, version);
        }
        Sql.update(c, "UPDATE model_versions SET current_stage = ?, last_updated_time = ? WHERE name = ? AND version = ?",
                stage, now, name, version);
        return getVersion(c, name, version);
    }

    public void setVersionTag(Connection c, String name, long version, String key, String value) {
        getVersion(c, name, version);
        Sql.update(c, "DELETE FROM model_version_tags WHERE name = ? AND version = ? AND key = ?", name, version, key);
        Sql.update(c, "INSERT INTO model_version_tags (name, version, key, value) VALUES (?, ?, ?, ?)", name, version, key, value);
    }

    public void deleteVersionTag(Connection c, String name, long version, String key) {
        getVersion(c, name, version);
        if (Sql.update(c, "DELETE FROM model_version_tags WHERE name = ? AND version = ? AND key = ?", name, version, key) == 0) {
            throw MlflowException.notFound("No tag with name: " + key + " on model version " + name + "/" + version);
        }
    }

    // ---- aliases --------------------------------------------------------------------------

    /** Points the alias at the version, moving it if it pointed elsewhere. */
    public void setAlias(Connection c, String name, String alias, long version) {
        getVersion(c, name, version);
        Sql.update(c, "DELETE FROM registered_model_aliases WHERE name = ? AND alias = ?", name, alias);
        Sql.update(c, "INSERT INTO registered_model_aliases (name, alias, version) VALUES (?, ?, ?)", name, alias, version);
    }

    public void deleteAlias(Connection c, String name, String alias) {
        getModel(c, name);
        if (Sql.update(c, "DELETE FROM registered_model_aliases WHERE name = ? AND alias = ?", name, alias) == 0) {
            throw MlflowException.notFound("Registered model alias " + alias + " not found on model " + name);
        }
    }

    public ModelVersion versionByAlias(Connection c, String name, String alias) {
        getModel(c, name);
        Long v = aliases(c, name).get(alias);
        if (v == null) {
            throw MlflowException.notFound("Registered model alias " + alias + " not found on model " + name
                    + "; set it with POST /api/2.0/mlflow/registered-models/alias");
        }
        return getVersion(c, name, v);
    }

    public Map<String, Long> aliases(Connection c, String name) {
        return Sql.query(c, "SELECT alias, version FROM registered_model_aliases WHERE name = ? ORDER BY alias", rs -> {
            Map<String, Long> m = new LinkedHashMap<>();
            while (rs.next()) {
                m.put(rs.getString(1), rs.getLong(2));
            }
            return m;
        }, name);
    }

    private Map<String, String> modelTags(Connection c, String name) {
        return Sql.query(c, "SELECT key, value FROM registered_model_tags WHERE name = ? ORDER BY key", rs -> {
            Map<String, String> m = new LinkedHashMap<>();
            while (rs.next()) {
                m.put(rs.getString(1), rs.getString(2));
            }
            return m;
        }, name);
    }
}
