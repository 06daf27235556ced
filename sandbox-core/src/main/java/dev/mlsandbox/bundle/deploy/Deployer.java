package dev.mlsandbox.bundle.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.mlsandbox.bundle.BundleException;
import dev.mlsandbox.bundle.config.Diagnostics;
import dev.mlsandbox.bundle.config.MapValue;
import dev.mlsandbox.bundle.model.BundleConfig;
import dev.mlsandbox.bundle.model.ResourceKey;

/**
 * {@code bundle deploy} and {@code bundle destroy} against a sandbox server.
 *
 * <p>Deploy: (1) every resource deployer checks the bundle against the server (principals,
 * schemas, versions an alias needs, names taken by resources of another deployment): any error
 * stops the deploy before anything changes; (2) type by type, each resource is planned
 * ({@code ${resources...}} resolved against what is deployed so far) and created, updated, or left
 * unchanged when its spec equals the deployed one (a deployed resource that vanished from the
 * server is created again); (3) resources the bundle no longer has are deleted, last; (4) the new
 * state is written. If any step of (2) or (3) fails, the steps already taken are undone in reverse
 * and the state file is not touched: the previous deployment's resources are as they were (a deleted
 * registered model cannot come back, which is why deletes run last). One deploy or destroy per
 * target at a time (a lock file next to the state).
 */
public final class Deployer {

    private final List<ResourceDeployer> deployers;

    public Deployer(List<ResourceDeployer> deployers) {
        this.deployers = List.copyOf(deployers);
    }

    public static Deployer standard() {
        return new Deployer(ResourceDeployers.standard());
    }

    public DeployResult deploy(BundleConfig config, Path bundleRoot, SandboxApi api) {
        Path stateFile = DeploymentState.file(bundleRoot, config.target());
        try (FileLock ignored = lock(stateFile)) {
            DeploymentState previous = previous(stateFile, config, api);
            DeployContext ctx = new DeployContext(api, config, previous);
            Diagnostics d = new Diagnostics();
            for (ResourceDeployer r : deployers) {
                r.check(ctx, d);
            }
            unknownTypes(previous, d);
            if (d.hasErrors()) {
                throw new BundleException(d.list());
            }
            List<DeployAction> actions = new ArrayList<>();
            List<Undo> undos = new ArrayList<>();
            Map<ResourceKey, StateEntry> next = new TreeMap<>();
            ResourceKey current = null;
            try {
                for (ResourceDeployer r : deployers) {
                    for (ResourceKey key : keys(config, r.type())) {
                        current = key;
                        MapValue resolved = ResourceRefs.resolve((MapValue) config.tree().find(key.path()), key.path(),
                                config.tree(), next);
                        Planned planned = r.plan(ctx, key, resolved);
                        StateEntry deployed = previous.entry(key);
                        Applied applied;
                        if (deployed == null || !r.exists(ctx, deployed)) {
                            applied = r.create(ctx, key, planned);
                            actions.add(new DeployAction(DeployAction.Kind.CREATE, key));
                        } else if (deployed.spec().equals(planned.spec()) && sameName(deployed, planned)) {
                            applied = new Applied(deployed, Undo.NOTHING);
                            actions.add(new DeployAction(DeployAction.Kind.UNCHANGED, key));
                        } else {
                            applied = r.update(ctx, deployed, planned);
                            actions.add(new DeployAction(DeployAction.Kind.UPDATE, key));
                        }
                        undos.add(applied.undo());
                        next.put(key, applied.entry());
                    }
                }
                List<ResourceDeployer> reversed = new ArrayList<>(deployers);
                java.util.Collections.reverse(reversed);
                for (ResourceDeployer r : reversed) {
                    for (StateEntry gone : previous.resources().values()) {
                        if (gone.key().type().equals(r.type()) && !next.containsKey(gone.key())) {
                            current = gone.key();
                            undos.add(r.delete(ctx, gone).undo());
                            actions.add(new DeployAction(DeployAction.Kind.DELETE, gone.key()));
                        }
                    }
                }
            } catch (RuntimeException e) {
                throw rollback("deploy", current, undos, e);
            }
            long lastJobId = deployers.stream().filter(JobDeployer.class::isInstance).map(JobDeployer.class::cast)
                    .mapToLong(j -> j.lastId(previous)).max().orElse(previous.lastJobId());
            DeploymentState state = new DeploymentState(previous.serial() + 1, api.server().toString(), config.name(),
                    config.target(), config.user().userName(), Instant.now().toString(), lastJobId, next);
            state.write(stateFile);
            return new DeployResult(actions, state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What destroy would delete: the deployed resources, in the order it deletes them. */
    public List<ResourceKey> destroyPlan(Path bundleRoot, String target) {
        DeploymentState state = DeploymentState.read(DeploymentState.file(bundleRoot, target));
        List<ResourceKey> out = new ArrayList<>();
        if (state == null) {
            return out;
        }
        for (int i = deployers.size() - 1; i >= 0; i--) {
            String type = deployers.get(i).type();
            state.resources().keySet().stream().filter(k -> k.type().equals(type)).forEach(out::add);
        }
        return out;
    }

    /**
     * Deletes every resource the target's state lists, jobs first, then the state file. Returns null
     * when there is no deployment ("No active deployment found to destroy!").
     */
    public DeployResult destroy(BundleConfig config, Path bundleRoot, SandboxApi api) {
        Path stateFile = DeploymentState.file(bundleRoot, config.target());
        try (FileLock ignored = lock(stateFile)) {
            DeploymentState previous = DeploymentState.read(stateFile);
            if (previous == null || previous.resources().isEmpty()) {
                Files.deleteIfExists(stateFile);
                return null;
            }
            requireSameServer(previous, api, stateFile);
            DeployContext ctx = new DeployContext(api, config, previous);
            Map<ResourceKey, StateEntry> left = new LinkedHashMap<>(previous.resources());
            List<DeployAction> actions = new ArrayList<>();
            for (ResourceKey key : destroyPlan(bundleRoot, config.target())) {
                ResourceDeployer r = deployer(key.type());
                try {
                    r.delete(ctx, previous.entry(key));
                } catch (RuntimeException e) {
                    DeploymentState remaining = new DeploymentState(previous.serial() + 1, previous.server(), previous.bundle(),
                            previous.target(), previous.user(), Instant.now().toString(), previous.lastJobId(), left);
                    remaining.write(stateFile);
                    throw new DeployFailedException("destroy failed at " + key + ": " + e.getMessage() + "; "
                            + actions.size() + " resource(s) deleted, " + left.size() + " left in " + stateFile, e);
                }
                left.remove(key);
                actions.add(new DeployAction(DeployAction.Kind.DELETE, key));
            }
            Files.deleteIfExists(stateFile);
            return new DeployResult(actions, DeploymentState.empty(api.server().toString(), config.name(), config.target(),
                    config.user().userName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ResourceDeployer deployer(String type) {
        return deployers.stream().filter(r -> r.type().equals(type)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no deployer for resources of type " + type));
    }

    private static boolean sameName(StateEntry deployed, Planned planned) {
        return deployed.name() == null ? planned.name() == null : deployed.name().equals(planned.name());
    }

    private static List<ResourceKey> keys(BundleConfig config, String type) {
        return config.resourceKeys().stream().filter(k -> k.type().equals(type)).toList();
    }

    private void unknownTypes(DeploymentState previous, Diagnostics d) {
        for (ResourceKey k : previous.resources().keySet()) {
            if (deployers.stream().noneMatch(r -> r.type().equals(k.type()))) {
                d.error("the deployment state lists " + k + ", a resource type this sandbox does not deploy", k.path(), null);
            }
        }
    }

    private static DeploymentState previous(Path stateFile, BundleConfig config, SandboxApi api) {
        DeploymentState s = DeploymentState.read(stateFile);
        if (s == null) {
            return DeploymentState.empty(api.server().toString(), config.name(), config.target(), config.user().userName());
        }
        requireSameServer(s, api, stateFile);
        return s;
    }

    private static void requireSameServer(DeploymentState s, SandboxApi api, Path stateFile) {
        if (s.server() != null && !s.resources().isEmpty() && !s.server().equals(api.server().toString())) {
            throw new IllegalStateException("target " + s.target() + " is deployed on " + s.server() + ", not "
                    + api.server() + ": destroy it there first (or point MLFLOW_TRACKING_URI there), or delete " + stateFile
                    + " if those resources are gone");
        }
    }

    private static DeployFailedException rollback(String what, ResourceKey at, List<Undo> undos, RuntimeException cause) {
        List<String> failed = new ArrayList<>();
        for (int i = undos.size() - 1; i >= 0; i--) {
            try {
                undos.get(i).run();
            } catch (RuntimeException e) {
                failed.add(e.getMessage());
                cause.addSuppressed(e);
            }
        }
        String reason = cause instanceof RemoteException re ? re.getMessage() + " (" + re.errorCode() + ")" : cause.getMessage();
        String outcome = failed.isEmpty()
                ? "the previous deployment was restored (" + undos.size() + " step(s) undone) and the state is unchanged"
                : failed.size() + " step(s) could not be undone (" + String.join("; ", failed) + "): check the server";
        return new DeployFailedException(what + " failed at " + at + ": " + reason + "; " + outcome, cause);
    }

    /** One deploy or destroy per target at a time. */
    private static FileLock lock(Path stateFile) throws IOException {
        Files.createDirectories(stateFile.getParent());
        FileChannel ch = FileChannel.open(stateFile.resolveSibling("deploy.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = ch.tryLock();
        if (lock == null) {
            ch.close();
            throw new IllegalStateException("another deploy or destroy of this target is running (" + stateFile.getParent()
                    + "/deploy.lock); wait for it to finish");
        }
        return new FileLock(ch, 0, Long.MAX_VALUE, false) {
            @Override
            public boolean isValid() {
                return lock.isValid();
            }

            @Override
            public void release() throws IOException {
                lock.release();
                ch.close();
            }
        };
    }
}
