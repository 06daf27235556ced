package dev.mlsandbox.bundle.model;

import dev.mlsandbox.bundle.config.Location;
import dev.mlsandbox.bundle.config.MapValue;

/**
 * A resource the sandbox keeps as written (serving endpoints, quality monitors, until their
 * deployers read them): its name and its whole resolved configuration.
 */
public record GenericResource(ResourceKey key, String name, MapValue config, Location location) {
}
