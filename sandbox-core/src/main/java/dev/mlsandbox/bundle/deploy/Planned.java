package dev.mlsandbox.bundle.deploy;

import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.mlsandbox.http.Json;

/**
 * A resource as this deploy wants it: its name and the spec compared with the deployed one (equal
 * specs mean "unchanged", and nothing is sent to the server). The spec is kept as it reads back
 * from the state file (a long 1 and an int 1 are different JSON nodes), so the comparison is exact.
 */
public record Planned(String name, JsonNode spec) {

    public Planned {
        Objects.requireNonNull(spec, "spec");
        try {
            spec = Json.mapper().readTree(Json.mapper().writeValueAsString(spec));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("spec of " + name + " is not JSON: " + e.getMessage(), e);
        }
    }
}
