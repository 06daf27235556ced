package dev.mlsandbox.bundle.model;

import java.util.Map;

import dev.mlsandbox.bundle.config.Location;

/** An MLflow experiment of the bundle: its name (prefixed in development mode) and tags. */
public record Experiment(ResourceKey key, String name, String artifactLocation, Map<String, String> tags, Location location) {

    public Experiment {
        tags = Map.copyOf(tags);
    }
}
