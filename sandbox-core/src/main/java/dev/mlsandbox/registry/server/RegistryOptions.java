package dev.mlsandbox.registry.server;

import java.nio.file.Path;
import java.util.Objects;

import dev.mlsandbox.registry.RegistryMode;

/**
 * How the registry runs on the tracking server.
 *
 * @param mode          Unity Catalog (default) or workspace registry
 * @param artifactsRoot the server's artifact directory (its {@code --artifacts-destination}), where
 *                      {@code runs:/} and {@code mlflow-artifacts:/} sources are read
 * @param auth          users and groups for {@code --auth}, or null for no authentication
 */
public record RegistryOptions(RegistryMode mode, Path artifactsRoot, AuthConfig auth) {
    public RegistryOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(artifactsRoot, "artifactsRoot");
    }

    public static RegistryOptions unityCatalog(Path artifactsRoot) {
        return new RegistryOptions(RegistryMode.UNITY_CATALOG, artifactsRoot, null);
    }

    public RegistryOptions withAuth(AuthConfig config) {
        return new RegistryOptions(mode, artifactsRoot, config);
    }

    public RegistryOptions withMode(RegistryMode newMode) {
        return new RegistryOptions(newMode, artifactsRoot, auth);
    }
}
