package dev.mlsandbox.bundle.model;

import java.util.List;

import dev.mlsandbox.bundle.config.ConfigPath;
import dev.mlsandbox.bundle.config.Location;

/**
 * A privilege assignment of a Unity Catalog securable: {@code {principal, privileges}}.
 *
 * @param location          where the grant was written
 * @param principalLocation where its principal was written (errors about the principal point there)
 */
public record Grant(String principal, List<String> privileges, ConfigPath path, Location location, Location principalLocation) {

    public Grant {
        privileges = List.copyOf(privileges);
    }
}
