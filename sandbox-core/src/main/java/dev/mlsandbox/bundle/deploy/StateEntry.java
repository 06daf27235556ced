package dev.mlsandbox.bundle.deploy;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mlsandbox.bundle.model.ResourceKey;

/**
 * One deployed resource as the deployment state remembers it.
 *
 * @param id   its id on the server (an experiment id, a model's full name, a sandbox job id)
 * @param name its name as deployed
 * @param spec what was deployed, compared with the next deploy's to decide "unchanged"
 */
public record StateEntry(ResourceKey key, String id, String name, JsonNode spec) {

    public StateEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(spec, "spec");
        spec = spec.deepCopy();
    }

    @Override
    public JsonNode spec() {
        return spec.deepCopy();
    }
}
