package dev.mlsandbox.bundle.model;

import dev.mlsandbox.bundle.config.ConfigPath;
import dev.mlsandbox.bundle.config.Location;

/** An alias a bundle pins on a model version: {@code {alias_name, version_num}}. */
public record ModelAlias(String aliasName, long versionNum, ConfigPath path, Location location) {
}
