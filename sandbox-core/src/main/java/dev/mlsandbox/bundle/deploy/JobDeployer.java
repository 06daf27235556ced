package dev.mlsandbox.bundle.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mlsandbox.bundle.config.Diagnostics;
import dev.mlsandbox.bundle.config.MapValue;
import dev.mlsandbox.bundle.model.ResourceKey;
import dev.mlsandbox.bundle.model.ModelReader;
import dev.mlsandbox.http.Json;

/**
 * {@code resources.jobs}: the sandbox has no Jobs service, so a deployed job is its resolved
 * settings in the deployment state, under a numeric id handed out once per target (never reused).
 * {@code bundle run} runs what was deployed, not what the file says now, as the CLI runs the job
 * in the workspace.
 */
public final class JobDeployer implements ResourceDeployer {

    private long lastId = -1;

    @Override
    public String type() {
        return "jobs";
    }

    @Override
    public void check(DeployContext ctx, Diagnostics d) {
        // the task graph was checked when the bundle loaded
    }

    @Override
    public Planned plan(DeployContext ctx, ResourceKey key, MapValue resolved) {
        JsonNode spec = Json.mapper().valueToTree(ModelReader.plain(resolved));
        return new Planned(resolved.string("name"), spec);
    }

    @Override
    public Applied create(DeployContext ctx, ResourceKey key, Planned planned) {
        if (lastId < 0) {
            lastId = ctx.previous().lastJobId();
        }
        lastId++;
        return new Applied(new StateEntry(key, Long.toString(lastId), planned.name(), planned.spec()), Undo.NOTHING);
    }

    /** The highest id handed out so far in this deploy (for the next state). */
    long lastId(DeploymentState previous) {
        return Math.max(lastId, previous.lastJobId());
    }

    @Override
    public Applied update(DeployContext ctx, StateEntry deployed, Planned planned) {
        return new Applied(new StateEntry(deployed.key(), deployed.id(), planned.name(), planned.spec()), Undo.NOTHING);
    }

    @Override
    public Applied delete(DeployContext ctx, StateEntry deployed) {
        return new Applied(null, Undo.NOTHING);
    }

    @Override
    public boolean exists(DeployContext ctx, StateEntry deployed) {
        return true;
    }

    @Override
    public String url(SandboxApi api, StateEntry deployed) {
        return "sandbox job " + deployed.id() + " (bin/sandbox bundle run " + deployed.key().key() + ")";
    }
}
