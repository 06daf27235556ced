package dev.mlsandbox.bundle.deploy;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mlsandbox.bundle.config.Diagnostics;
import dev.mlsandbox.bundle.config.MapValue;
import dev.mlsandbox.bundle.model.Experiment;
import dev.mlsandbox.bundle.model.ModelReader;
import dev.mlsandbox.bundle.model.ResourceKey;
import dev.mlsandbox.http.Json;

/**
 * {@code resources.experiments}: MLflow experiments on the sandbox's tracking server, created with
 * their tags, renamed when the name changes, deleted (MLflow's soft delete) when the bundle drops
 * them. An experiment of the same name that this deployment did not create is an error, as
 * Databricks answers RESOURCE_ALREADY_EXISTS; a deleted one of that name is restored instead
 * (MLflow keeps deleted names reserved). Tags removed from the bundle stay on the experiment: the
 * sandbox server has no delete-experiment-tag.
 */
public final class ExperimentDeployer implements ResourceDeployer {

    static final String API = "/api/2.0/mlflow/experiments";

    @Override
    public String type() {
        return "experiments";
    }

    @Override
    public void check(DeployContext ctx, Diagnostics d) {
        for (Experiment e : ctx.config().experiments().values()) {
            if (e.name() == null || e.name().isBlank()) {
                d.error("an experiment needs a name", e.key().path().key("name"), e.location());
                continue;
            }
            if (ctx.previous(e.key()) != null) {
                continue;
            }
            JsonNode existing = byName(ctx.api(), e.name());
            if (existing != null && "active".equals(existing.path("lifecycle_stage").asText())) {
                d.error("experiment '" + e.name() + "' already exists on " + ctx.api().server() + " (id "
                        + existing.path("experiment_id").asText() + ") and is not part of this deployment: rename it in the"
                        + " bundle, or delete that experiment first", e.key().path().key("name"), e.location());
            }
        }
    }

    @Override
    public Planned plan(DeployContext ctx, ResourceKey key, MapValue r) {
        Experiment e = ModelReader.experiment(key, r);
        ObjectNode spec = Json.mapper().createObjectNode();
        spec.put("name", e.name());
        if (e.artifactLocation() != null) {
            spec.put("artifact_location", e.artifactLocation());
        }
        ObjectNode tags = spec.putObject("tags");
        e.tags().forEach(tags::put);
        return new Planned(e.name(), spec);
    }

    @Override
    public Applied create(DeployContext ctx, ResourceKey key, Planned p) {
        SandboxApi api = ctx.api();
        JsonNode spec = p.spec();
        JsonNode existing = byName(api, p.name());
        String id;
        if (existing != null && "deleted".equals(existing.path("lifecycle_stage").asText())) {
            id = existing.path("experiment_id").asText();
            api.post(API + "/restore", SandboxApi.body().put("experiment_id", id));
            setTags(api, id, spec.path("tags"));
        } else {
            ObjectNode body = SandboxApi.body().put("name", p.name());
            if (spec.has("artifact_location")) {
                body.put("artifact_location", spec.path("artifact_location").asText());
            }
            var tags = body.putArray("tags");
            spec.path("tags").fields().forEachRemaining(t -> tags.addObject().put("key", t.getKey()).put("value",
                    t.getValue().asText()));
            id = api.post(API + "/create", body).path("experiment_id").asText();
        }
        String created = id;
        return new Applied(new StateEntry(key, id, p.name(), spec),
                () -> api.post(API + "/delete", SandboxApi.body().put("experiment_id", created)));
    }

    @Override
    public Applied update(DeployContext ctx, StateEntry deployed, Planned p) {
        SandboxApi api = ctx.api();
        JsonNode before = deployed.spec();
        JsonNode after = p.spec();
        String id = deployed.id();
        if (!before.path("artifact_location").equals(after.path("artifact_location"))) {
            throw new IllegalStateException(deployed.key() + ": artifact_location cannot change on an existing experiment"
                    + " (MLflow fixes it at creation); give the experiment a new name, or destroy it first");
        }
        String oldName = before.path("name").asText();
        if (!oldName.equals(p.name())) {
            api.post(API + "/update", SandboxApi.body().put("experiment_id", id).put("new_name", p.name()));
        }
        setTags(api, id, after.path("tags"));
        return new Applied(new StateEntry(deployed.key(), id, p.name(), after), () -> {
            if (!oldName.equals(p.name())) {
                api.post(API + "/update", SandboxApi.body().put("experiment_id", id).put("new_name", oldName));
            }
            setTags(api, id, before.path("tags"));
        });
    }

    @Override
    public Applied delete(DeployContext ctx, StateEntry deployed) {
        SandboxApi api = ctx.api();
        try {
            api.post(API + "/delete", SandboxApi.body().put("experiment_id", deployed.id()));
        } catch (RemoteException e) {
            if (!e.notFound()) {
                throw e;
            }
        }
        return new Applied(null, () -> api.post(API + "/restore", SandboxApi.body().put("experiment_id", deployed.id())));
    }

    @Override
    public boolean exists(DeployContext ctx, StateEntry deployed) {
        JsonNode e = ctx.api().find(API + "/get", "experiment_id", deployed.id());
        return e != null && "active".equals(e.path("experiment").path("lifecycle_stage").asText());
    }

    @Override
    public String url(SandboxApi api, StateEntry deployed) {
        return api.server() + API + "/get?experiment_id=" + deployed.id();
    }

    private static JsonNode byName(SandboxApi api, String name) {
        JsonNode found = api.find(API + "/get-by-name", "experiment_name", name);
        return found == null ? null : found.path("experiment");
    }

    private static void setTags(SandboxApi api, String id, JsonNode tags) {
        for (Iterator<Map.Entry<String, JsonNode>> it = tags.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> t = it.next();
            api.post(API + "/set-experiment-tag", SandboxApi.body().put("experiment_id", id).put("key", t.getKey())
                    .put("value", t.getValue().asText()));
        }
    }
}
