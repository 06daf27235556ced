package dev.mlsandbox.serving.endpoint;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mlsandbox.http.Json;

/**
 * An endpoint as the Databricks REST API shows it ({@code ServingEndpointDetailed}): name, id,
 * creator, timestamps, {@code state {ready, config_update}}, {@code config} (the serving config,
 * absent until the first one loads: served entities with their deployment state, traffic config,
 * config version), {@code pending_config} (the update loading, with {@code start_time}), and
 * {@code permission_level}. Sandbox additions, named so: {@code state.config_update_message}
 * (why the last update failed) and {@code shadow_served_entity_name} (online shadow). The
 * deployment state message says how the model was compiled ("compiled: 5 stages score without
 * Spark", or which stage made it run on Spark).
 */
public final class EndpointJson {

    private EndpointJson() {
    }

    public static ObjectNode detailed(Endpoint ep) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("name", ep.name()).put("id", ep.id()).put("creator", ep.creator())
                .put("creation_timestamp", ep.creationMillis()).put("last_updated_timestamp", ep.updatedMillis());
        ObjectNode state = n.putObject("state");
        state.put("ready", ep.ready().name()).put("config_update", ep.configUpdate().name());
        if (ep.failure() != null) {
            state.put("config_update_message", ep.failure());
        }
        Deployment live = ep.live();
        if (live != null) {
            ObjectNode config = n.putObject("config");
            ArrayNode se = config.putArray("served_entities");
            for (Deployment.Served s : live.served().values()) {
                ObjectNode e = s.entity().toJson();
                e.put("creator", ep.creator()).put("creation_timestamp", live.readyMillis());
                e.putObject("state").put("deployment", "DEPLOYMENT_READY")
                        .put("deployment_state_message", s.model().compileReport().summary());
                se.add(e);
            }
            config.set("traffic_config", live.config().toJson().get("traffic_config"));
            config.put("config_version", live.configVersion());
        }
        Endpoint.Pending p = ep.pending();
        if (p != null) {
            ObjectNode pending = n.putObject("pending_config");
            pending.put("start_time", p.startMillis());
            ArrayNode se = pending.putArray("served_entities");
            for (ServedEntity s : p.config().servedEntities()) {
                ObjectNode e = s.toJson();
                e.put("creator", p.requestedBy());
                e.putObject("state").put("deployment", "DEPLOYMENT_CREATING")
                        .put("deployment_state_message", "loading " + s.entityName() + " version " + s.entityVersion());
                se.add(e);
            }
            pending.set("traffic_config", p.config().toJson().get("traffic_config"));
            pending.put("config_version", p.configVersion());
        }
        if (ep.shadow() != null) {
            n.put("shadow_served_entity_name", ep.shadow());
        }
        n.put("permission_level", "CAN_MANAGE");
        return n;
    }
}
