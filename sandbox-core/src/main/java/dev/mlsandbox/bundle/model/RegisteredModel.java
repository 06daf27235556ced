package dev.mlsandbox.bundle.model;

import java.util.List;

import dev.mlsandbox.bundle.config.Location;

/**
 * A Unity Catalog registered model of the bundle ({@code dev_jane_churn} in development mode),
 * with the grants it should carry and the aliases it pins.
 */
public record RegisteredModel(ResourceKey key, String catalogName, String schemaName, String name, String comment,
                              List<Grant> grants, List<ModelAlias> aliases, Location location) {

    public RegisteredModel {
        grants = List.copyOf(grants);
        aliases = List.copyOf(aliases);
    }

    /** {@code catalog.schema.name}. */
    public String fullName() {
        return catalogName + "." + schemaName + "." + name;
    }
}
