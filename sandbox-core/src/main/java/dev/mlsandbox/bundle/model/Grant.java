package dev.mlsandbox.bundle.model;

import java.util.List;

import dev.mlsandbox.bundle.config.ConfigPath;
import dev.mlsandbox.bundle.config.Location;

/** A privilege assignment of a Unity Catalog securable: {@code {principal, privileges}}. */
public record Grant(String principal, List<String> privileges, ConfigPath path, Location location) {

    public Grant {
        privileges = List.copyOf(privileges);
    }
}
