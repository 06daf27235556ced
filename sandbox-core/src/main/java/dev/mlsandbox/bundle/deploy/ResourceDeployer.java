package dev.mlsandbox.bundle.deploy;

import dev.mlsandbox.bundle.config.Diagnostics;
import dev.mlsandbox.bundle.config.MapValue;
import dev.mlsandbox.bundle.model.ResourceKey;

/**
 * Deploys one resource type ({@code experiments}, {@code registered_models} ...) to the sandbox
 * server. The {@link Deployer} calls {@link #check} for every type before anything changes (a
 * finding there is an error with the position in the bundle, and nothing is deployed), then, type
 * by type, {@link #plan} for each resource, and {@link #create} or {@link #update} when the plan
 * differs from the deployed spec, and {@link #delete} for what the bundle no longer has. Each change
 * returns an {@link Undo}: when a later step fails, the deployer runs them in reverse so the
 * previous deployment's resources are as they were.
 *
 * <p>A new resource type (serving endpoints, quality monitors) implements this interface and takes
 * its place in {@link ResourceDeployers#standard()}; until then {@link NotSupportedYet} refuses it
 * with a clear message.
 */
public interface ResourceDeployer {

    /** The resource type, as in {@code resources.<type>}. */
    String type();

    /** Checks the bundle's resources of this type against the server; errors go to {@code d}. */
    void check(DeployContext ctx, Diagnostics d);

    /** The spec of one resource, its {@code ${resources...}} references already resolved. */
    Planned plan(DeployContext ctx, ResourceKey key, MapValue resolved);

    Applied create(DeployContext ctx, ResourceKey key, Planned planned);

    Applied update(DeployContext ctx, StateEntry deployed, Planned planned);

    Applied delete(DeployContext ctx, StateEntry deployed);

    /** Whether a deployed resource still exists on the server (a deleted one is created again). */
    boolean exists(DeployContext ctx, StateEntry deployed);

    /** Where to look at a deployed resource. */
    String url(SandboxApi api, StateEntry deployed);
}
