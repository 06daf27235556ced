package dev.mlsandbox.bundle.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mlsandbox.bundle.model.ResourceKey;
import dev.mlsandbox.http.Json;

/**
 * What a target's last successful deploy created, kept where the Databricks CLI keeps its local
 * state: {@code .databricks/bundle/<target>/} under the bundle root, in
 * {@code sandbox-resources.json} (a name of its own, so a real CLI's {@code resources.json} next to
 * it is never touched). The CLI also copies its state to the workspace's {@code state_path}; the
 * sandbox keeps one copy, so deploying one bundle from two checkouts is not coordinated. The file is
 * replaced atomically, and only after a deploy succeeded.
 *
 * @param serial     how many successful deploys (and destroys) this state has seen
 * @param server     the server the resources live on
 * @param deployedAt when the last deploy finished (ISO-8601)
 * @param lastJobId  the highest job id this target has handed out (sandbox jobs live in this state;
 *                   ids are never reused, as in the Jobs service)
 */
public record DeploymentState(long serial, String server, String bundle, String target, String user, String deployedAt,
                              long lastJobId, Map<ResourceKey, StateEntry> resources) {

    public static final String FILE = "sandbox-resources.json";
    public static final int VERSION = 1;

    public DeploymentState {
        resources = Collections.unmodifiableMap(new TreeMap<>(resources));
    }

    public static DeploymentState empty(String server, String bundle, String target, String user) {
        return new DeploymentState(0, server, bundle, target, user, null, 0, Map.of());
    }

    /** {@code <root>/.databricks/bundle/<target>/sandbox-resources.json}. */
    public static Path file(Path bundleRoot, String target) {
        return bundleRoot.resolve(".databricks").resolve("bundle").resolve(target).resolve(FILE);
    }

    /** The state in {@code file}, or null when there is none (never deployed, or destroyed). */
    public static DeploymentState read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode n = Json.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
            int version = n.path("state_version").asInt(-1);
            if (version != VERSION) {
                throw new IllegalStateException(file + " has state_version " + version + "; this sandbox reads version "
                        + VERSION + ". Destroy with the sandbox that wrote it, or delete the file and the resources it lists");
            }
            Map<ResourceKey, StateEntry> resources = new TreeMap<>();
            n.path("resources").fields().forEachRemaining(e -> {
                ResourceKey key = ResourceKey.parse(e.getKey());
                JsonNode r = e.getValue();
                resources.put(key, new StateEntry(key, r.path("id").asText(), r.path("name").asText(null), r.path("spec")));
            });
            return new DeploymentState(n.path("serial").asLong(), n.path("server").asText(null), n.path("bundle").asText(null),
                    n.path("target").asText(null), n.path("user").asText(null), n.path("deployed_at").asText(null),
                    n.path("last_job_id").asLong(), resources);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the deployment state " + file + ": " + e.getMessage()
                    + "; delete it only if the resources it lists are gone", e);
        }
    }

    /** Writes the state to a temporary sibling, then moves it into place. */
    public void write(Path file) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("state_version", VERSION);
        n.put("serial", serial);
        n.put("server", server);
        n.put("bundle", bundle);
        n.put("target", target);
        n.put("user", user);
        n.put("deployed_at", deployedAt);
        n.put("last_job_id", lastJobId);
        ObjectNode rs = n.putObject("resources");
        resources.forEach((k, e) -> {
            ObjectNode r = rs.putObject(k.toString());
            r.put("id", e.id());
            r.put("name", e.name());
            r.set("spec", e.spec());
        });
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n",
                    StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the deployment state " + file + ": " + e.getMessage(), e);
        }
    }

    public StateEntry entry(ResourceKey key) {
        return resources.get(key);
    }
}
