package dev.mlsandbox.registry.server;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mlsandbox.registry.RegistryEntities.ModelVersion;
import dev.mlsandbox.registry.RegistryEntities.RegisteredModel;

/** Registry records as the JSON of model_registry.proto (versions are strings there). */
final class RegistryJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private RegistryJson() {
    }

    static ObjectNode model(RegisteredModel m) {
        ObjectNode n = F.objectNode();
        n.put("name", m.name());
        n.put("creation_timestamp", m.creationTimestamp());
        n.put("last_updated_timestamp", m.lastUpdatedTimestamp());
        if (m.userId() != null) {
            n.put("user_id", m.userId());
        }
        if (m.description() != null) {
            n.put("description", m.description());
        }
        if (!m.latestVersions().isEmpty()) {
            ArrayNode a = n.putArray("latest_versions");
            m.latestVersions().forEach(v -> a.add(version(v)));
        }
        if (!m.tags().isEmpty()) {
            n.set("tags", tags(m.tags()));
        }
        if (!m.aliases().isEmpty()) {
            ArrayNode a = n.putArray("aliases");
            m.aliases().forEach((alias, v) -> a.addObject().put("alias", alias).put("version", Long.toString(v)));
        }
        return n;
    }

    static ObjectNode version(ModelVersion v) {
        ObjectNode n = F.objectNode();
        n.put("name", v.name());
        n.put("version", Long.toString(v.version()));
        n.put("creation_timestamp", v.creationTimestamp());
        n.put("last_updated_timestamp", v.lastUpdatedTimestamp());
        if (v.userId() != null) {
            n.put("user_id", v.userId());
        }
        n.put("current_stage", v.currentStage());
        if (v.description() != null) {
            n.put("description", v.description());
        }
        if (v.source() != null) {
            n.put("source", v.source());
        }
        if (v.runId() != null) {
            n.put("run_id", v.runId());
        }
        if (v.runLink() != null) {
            n.put("run_link", v.runLink());
        }
        n.put("status", v.status());
        if (!v.tags().isEmpty()) {
            n.set("tags", tags(v.tags()));
        }
        if (!v.aliases().isEmpty()) {
            ArrayNode a = n.putArray("aliases");
            v.aliases().forEach(a::add);
        }
        return n;
    }

    private static ArrayNode tags(Map<String, String> tags) {
        ArrayNode a = F.arrayNode();
        tags.forEach((k, val) -> {
            ObjectNode t = a.addObject().put("key", k);
            if (val != null) {
                t.put("value", val);
            }
        });
        return a;
    }
}
