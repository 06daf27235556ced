package dev.mlsandbox.bundle.deploy;

import java.util.Map;

import dev.mlsandbox.bundle.model.BundleConfig;
import dev.mlsandbox.bundle.model.ResourceKey;

/**
 * What a {@link ResourceDeployer} works with: the server, the bundle being deployed, and the
 * previous deployment's state.
 *
 * @param previous the last successful deployment of this target (empty when there was none)
 */
public record DeployContext(SandboxApi api, BundleConfig config, DeploymentState previous) {

    public StateEntry previous(ResourceKey key) {
        return previous.entry(key);
    }

    public Map<ResourceKey, StateEntry> previousEntries() {
        return previous.resources();
    }
}
