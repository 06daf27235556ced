package dev.mlsandbox.registry.server;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mlsandbox.governance.Action;
import dev.mlsandbox.governance.GovernanceState;
import dev.mlsandbox.governance.Securable;
import dev.mlsandbox.registry.RegistryMode;
import dev.mlsandbox.registry.RegistryRules;
import dev.mlsandbox.registry.RegistryEntities.ModelVersion;
import dev.mlsandbox.registry.RegistryEntities.Page;
import dev.mlsandbox.registry.RegistryEntities.RegisteredModel;
import dev.mlsandbox.http.Request;
import dev.mlsandbox.http.RouteModule;
import dev.mlsandbox.http.RouteTable;
import dev.mlsandbox.store.Database;
import dev.mlsandbox.http.MlflowException;

/**
 * MLflow's model-registry endpoints with Unity Catalog behaviour. Each handler validates its
 * input, then runs permission checks and the change in one transaction.
 */
public final class RegistryRoutes implements RouteModule {
    /** MLflow's REST prefix, which the registry shares with the tracking API. */
    static final String API = "/api/2.0/mlflow";
    static final String RM = API + "/registered-models";
    static final String MV = API + "/model-versions";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Database db;
    private final RegistryStore store;
    private final RegistryMode mode;
    private final RequestScope scope;
    private final ModelSources sources;

    public RegistryRoutes(Database db, RegistryOptions options) {
        this.db = db;
        this.mode = options.mode();
        this.store = new RegistryStore(mode, db.dialect());
        this.scope = new RequestScope(options);
        this.sources = new ModelSources(options.artifactsRoot());
    }

    @Override
    public void register(RouteTable r) {
        r.post(RM + "/create", scope.handler(this::createModel))
                .get(RM + "/get", scope.handler((p, user) -> read(p, user, c -> F.objectNode()
                        .set("registered_model", RegistryJson.model(store.getModel(c, name(p)))))))
                .post(RM + "/rename", scope.handler(this::renameModel))
                .patch(RM + "/update", scope.handler((p, user) -> write(p, user, Action.MODIFY_MODEL, c -> F.objectNode()
                        .set("registered_model", RegistryJson.model(store.updateModel(c, name(p), p.string("description")))))))
                .delete(RM + "/delete", scope.handler((p, user) -> write(p, user, Action.DELETE_MODEL, c -> {
                    store.deleteModel(c, name(p));
                    if (mode.unityCatalog()) {
                        governance(c).drop(Securable.model(name(p)));
                    }
                    return F.objectNode();
                })))
                .getOrPost(RM + "/search", scope.handler(this::searchModels))
                .post(RM + "/set-tag", scope.handler((p, user) -> write(p, user, Action.APPLY_TAG, c -> {
                    store.setModelTag(c, name(p), p.required("key"), p.string("value"));
                    return F.objectNode();
                })))
                .delete(RM + "/delete-tag", scope.handler((p, user) -> write(p, user, Action.APPLY_TAG, c -> {
                    store.deleteModelTag(c, name(p), p.required("key"));
                    return F.objectNode();
                })))
                .getOrPost(RM + "/get-latest-versions", scope.handler(this::latestVersions))
                .post(RM + "/alias", scope.handler((p, user) -> {
                    String alias = RegistryRules.alias(mode, p.required("alias"));
                    long version = version(p);
                    return write(p, user, Action.MODIFY_MODEL, c -> {
                        store.setAlias(c, name(p), alias, version);
                        return F.objectNode();
                    });
                }))
                .delete(RM + "/alias", scope.handler((p, user) -> {
                    String alias = RegistryRules.alias(mode, p.required("alias"));
                    return write(p, user, Action.MODIFY_MODEL, c -> {
                        store.deleteAlias(c, name(p), alias);
                        return F.objectNode();
                    });
                }))
                .get(RM + "/alias", scope.handler((p, user) -> {
                    String alias = RegistryRules.alias(mode, p.required("alias"));
                    return read(p, user, c -> F.objectNode().set("model_version",
                            RegistryJson.version(store.versionByAlias(c, name(p), alias))));
                }))
                .post(MV + "/create", scope.handler(this::createVersion))
                .get(MV + "/get", scope.handler((p, user) -> read(p, user, c -> F.objectNode().set("model_version",
                        RegistryJson.version(store.getVersion(c, name(p), version(p)))))))
                .patch(MV + "/update", scope.handler((p, user) -> write(p, user, Action.MODIFY_MODEL, c -> F.objectNode()
                        .set("model_version", RegistryJson.version(store.updateVersion(c, name(p), version(p),
                                p.string("description")))))))
                .delete(MV + "/delete", scope.handler((p, user) -> write(p, user, Action.DELETE_MODEL, c -> {
                    store.deleteVersion(c, name(p), version(p));
                    return F.objectNode();
                })))
                .getOrPost(MV + "/search", scope.handler(this::searchVersions))
                .get(MV + "/get-download-uri", scope.handler((p, user) -> read(p, user, c -> {
                    ModelVersion v = store.getVersion(c, name(p), version(p));
                    return F.objectNode().put("artifact_uri", sources.resolve(c, v.source()).artifactUri());
                })))
                .post(MV + "/transition-stage", scope.handler(this::transitionStage))
                .post(MV + "/set-tag", scope.handler((p, user) -> write(p, user, Action.APPLY_TAG, c -> {
                    store.setVersionTag(c, name(p), version(p), p.required("key"), p.string("value"));
                    return F.objectNode();
                })))
                .delete(MV + "/delete-tag", scope.handler((p, user) -> write(p, user, Action.APPLY_TAG, c -> {
                    store.deleteVersionTag(c, name(p), version(p), p.required("key"));
                    return F.objectNode();
                })));
    }

    /** Work inside one transaction. */
    @FunctionalInterface
    private interface Tx {
        Object run(Connection c);
    }

    /** {@code tags: [{"key": ..., "value": ...}]}, in order; a later key replaces an earlier one. */
    private static Map<String, String> tags(Request p) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Request.KeyValue kv : p.keyValues("tags")) {
            if (kv.key() == null) {
                throw MlflowException.invalid("every tag needs a \"key\"");
            }
            out.put(kv.key(), kv.value());
        }
        return out;
    }

    private static long version(Request p) {
        return p.positiveLong("version", "a model version");
    }

    private String name(Request p) {
        return RegistryRules.modelName(mode, p.required("name"));
    }

    private Object read(Request p, String user, Tx work) {
        String name = name(p);
        return db.read(c -> {
            store.getModel(c, name);
            if (scope.enforcing()) {
                scope.require(c, user, Action.READ_MODEL, Securable.model(name));
            }
            return work.run(c);
        });
    }

    private Object write(Request p, String user, Action action, Tx work) {
        String name = name(p);
        return db.write(c -> {
            store.getModel(c, name);
            if (scope.enforcing()) {
                scope.require(c, user, action, Securable.model(name));
            }
            return work.run(c);
        });
    }

    private GovernanceState governance(Connection c) {
        return new JdbcGovernanceState(c);
    }

    private Object createModel(Request p, String user) {
        String name = name(p);
        return db.write(c -> {
            if (mode.unityCatalog()) {
                Securable model = Securable.model(name);
                Securable schema = model.parent().orElseThrow();
                GovernanceState state = governance(c);
                if (!scope.enforcing()) {
                    // without --auth the catalog and schema come into being with the first model
                    Securable catalog = schema.parent().orElseThrow();
                    if (!state.exists(catalog)) {
                        state.create(catalog, user);
                    }
                    if (!state.exists(schema)) {
                        state.create(schema, user);
                    }
                } else if (!state.exists(schema)) {
                    throw MlflowException.notFound(schema.describe() + " does not exist; an admin creates it with POST"
                            + " /api/2.1/unity-catalog/schemas {\"catalog_name\": \"" + schema.fullName().split("\\.")[0]
                            + "\", \"name\": \"" + schema.fullName().split("\\.")[1] + "\"} (or CREATE SCHEMA " + schema.fullName() + ")");
                }
                scope.require(c, user, Action.CREATE_MODEL, schema);
                RegisteredModel m = store.createModel(c, name, p.string("description"), user, tags(p));
                state.create(model, user);
                return F.objectNode().set("registered_model", RegistryJson.model(m));
            }
            return F.objectNode().set("registered_model", RegistryJson.model(store.createModel(c, name,
                    p.string("description"), user, tags(p))));
        });
    }

    private Object renameModel(Request p, String user) {
        String newName = RegistryRules.modelName(mode, p.required("new_name"));
        return write(p, user, Action.MODIFY_MODEL, c -> {
            String name = name(p);
            if (mode.unityCatalog()) {
                Securable target = Securable.model(newName);
                Securable schema = target.parent().orElseThrow();
                if (!schema.equals(Securable.model(name).parent().orElseThrow())) {
                    throw MlflowException.invalid("renaming " + name + " to " + newName + " would move it to another schema;"
                            + " Unity Catalog renames a model only within its schema");
                }
                RegisteredModel m = store.renameModel(c, name, newName);
                governance(c).rename(Securable.model(name), target);
                return F.objectNode().set("registered_model", RegistryJson.model(m));
            }
            return F.objectNode().set("registered_model", RegistryJson.model(store.renameModel(c, name, newName)));
        });
    }

    private Object searchModels(Request p, String user) {
        long max = p.maxResults(100, 1000);
        return db.read(c -> {
            Page<RegisteredModel> page = store.searchModels(c, p.string("filter"), max, p.strings("order_by"),
                    p.string("page_token"));
            ObjectNode out = F.objectNode();
            ArrayNode a = out.putArray("registered_models");
            for (RegisteredModel m : page.items()) {
                // Unity Catalog lists only the models a principal may read
                if (!scope.enforcing() || scope.authorizer(c).can(user, Action.READ_MODEL, Securable.model(m.name()))) {
                    a.add(RegistryJson.model(m));
                }
            }
            if (page.nextPageToken() != null) {
                out.put("next_page_token", page.nextPageToken());
            }
            return out;
        });
    }

    private Object searchVersions(Request p, String user) {
        long max = p.maxResults(10_000, 200_000);
        return db.read(c -> {
            Page<ModelVersion> page = store.searchVersions(c, p.string("filter"), max, p.strings("order_by"),
                    p.string("page_token"));
            ObjectNode out = F.objectNode();
            ArrayNode a = out.putArray("model_versions");
            for (ModelVersion v : page.items()) {
                if (!scope.enforcing() || scope.authorizer(c).can(user, Action.READ_MODEL, Securable.model(v.name()))) {
                    a.add(RegistryJson.version(v));
                }
            }
            if (page.nextPageToken() != null) {
                out.put("next_page_token", page.nextPageToken());
            }
            return out;
        });
    }

    private Object latestVersions(Request p, String user) {
        if (mode.unityCatalog()) {
            throw MlflowException.invalid("get-latest-versions is not supported in Unity Catalog: there are no stages, so"
                    + " there is no latest version per stage. Use aliases: GET " + RM + "/alias?name=" + p.required("name")
                    + "&alias=champion, or search model versions and take the highest number");
        }
        List<String> stages = p.strings("stages");
        return read(p, user, c -> {
            ObjectNode out = F.objectNode();
            ArrayNode a = out.putArray("model_versions");
            store.latestVersions(c, name(p), stages.stream().map(s -> RegistryRules.stage(mode, name(p), 0, s)).toList())
                    .forEach(v -> a.add(RegistryJson.version(v)));
            return out;
        });
    }

    private Object createVersion(Request p, String user) {
        String source = p.required("source");
        return write(p, user, Action.MODIFY_MODEL, c -> {
            String name = name(p);
            ModelSources.Resolved resolved = sources.resolve(c, source);
            RegistryRules.requireSignature(mode, name, ModelSources.mlmodel(resolved.directory()));
            String runId = p.string("run_id") != null ? p.string("run_id") : resolved.runId();
            ModelVersion v = store.createVersion(c, name, source, runId, p.string("run_link"), p.string("description"), user,
                    resolved.directory() == null ? null : resolved.directory().toString(), tags(p));
            return F.objectNode().set("model_version", RegistryJson.version(v));
        });
    }

    private Object transitionStage(Request p, String user) {
        long version = version(p);
        String stage = RegistryRules.stage(mode, name(p), version, p.required("stage"));
        boolean archive = p.bool("archive_existing_versions");
        return write(p, user, Action.MODIFY_MODEL, c -> F.objectNode().set("model_version",
                RegistryJson.version(store.transitionStage(c, name(p), version, stage, archive))));
    }
}
