package dev.mlsandbox.bundle.deploy;

import dev.mlsandbox.bundle.config.Diagnostics;
import dev.mlsandbox.bundle.config.MapValue;
import dev.mlsandbox.bundle.model.BundleConfig;
import dev.mlsandbox.bundle.model.GenericResource;
import dev.mlsandbox.bundle.model.ResourceKey;

/**
 * A resource type the sandbox reads but cannot deploy yet (model serving endpoints, quality
 * monitors): a bundle with one fails its deploy's checks with an error at the resource, and nothing
 * is deployed. Validate accepts it.
 */
public final class NotSupportedYet implements ResourceDeployer {

    private final String type;
    private final String what;

    public NotSupportedYet(String type, String what) {
        this.type = type;
        this.what = what;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public void check(DeployContext ctx, Diagnostics d) {
        for (GenericResource r : resources(ctx.config()).values()) {
            d.error(what + " are not supported yet by the sandbox's deploy: remove " + r.key().path() + " from this target"
                    + " (validate accepts it; the real CLI deploys it)", r.key().path(), r.location());
        }
        for (StateEntry e : ctx.previousEntries().values()) {
            if (e.key().type().equals(type)) {
                d.error(what + " are not supported yet by the sandbox's deploy, yet the state lists " + e.key(), e.key().path(),
                        null);
            }
        }
    }

    private java.util.Map<String, GenericResource> resources(BundleConfig c) {
        return type.equals("model_serving_endpoints") ? c.servingEndpoints() : c.qualityMonitors();
    }

    @Override
    public Planned plan(DeployContext ctx, ResourceKey key, MapValue resolved) {
        throw unsupported();
    }

    @Override
    public Applied create(DeployContext ctx, ResourceKey key, Planned planned) {
        throw unsupported();
    }

    @Override
    public Applied update(DeployContext ctx, StateEntry deployed, Planned planned) {
        throw unsupported();
    }

    @Override
    public Applied delete(DeployContext ctx, StateEntry deployed) {
        throw unsupported();
    }

    @Override
    public boolean exists(DeployContext ctx, StateEntry deployed) {
        throw unsupported();
    }

    @Override
    public String url(SandboxApi api, StateEntry deployed) {
        return "(not supported yet)";
    }

    private IllegalStateException unsupported() {
        return new IllegalStateException(what + " are not supported yet by the sandbox's deploy");
    }
}
