package dev.mlsandbox.bundle.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mlsandbox.bundle.config.Location;
import dev.mlsandbox.bundle.config.MapValue;
import dev.mlsandbox.bundle.config.Values;
import dev.mlsandbox.bundle.deploy.DeploymentState;
import dev.mlsandbox.bundle.deploy.StateEntry;
import dev.mlsandbox.bundle.model.BundleConfig;
import dev.mlsandbox.bundle.model.Job;
import dev.mlsandbox.bundle.model.ModelReader;
import dev.mlsandbox.bundle.model.ResourceKey;
import dev.mlsandbox.http.Json;

/**
 * Finds the job {@code bundle run <key>} runs, as deployed (the CLI runs the job in the workspace,
 * not the file: edit the file and you run the old job until you deploy), and keeps each run's record
 * in {@code .databricks/bundle/<target>/runs/run-<id>.json}.
 */
public final class DeployedJobs {

    /** A deployed job: its id, its settings as deployed, and the server it was deployed to. */
    public record Deployed(String id, Job job, String server) {
    }

    private DeployedJobs() {
    }

    public static Deployed find(Path bundleRoot, BundleConfig config, String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("expected a KEY of the resource to run");
        }
        if (!config.jobs().containsKey(key)) {
            throw new IllegalArgumentException("resource with key \"" + key + "\" not found; the bundle's jobs are "
                    + config.jobs().keySet());
        }
        DeploymentState state = DeploymentState.read(DeploymentState.file(bundleRoot, config.target()));
        ResourceKey rk = new ResourceKey("jobs", key);
        StateEntry e = state == null ? null : state.entry(rk);
        if (e == null) {
            throw new IllegalStateException("job " + key + " is not deployed to target " + config.target()
                    + ": run 'bin/sandbox bundle deploy -t " + config.target() + "' first");
        }
        Object plain = Json.mapper().convertValue(e.spec(), Object.class);
        MapValue settings = (MapValue) Values.fromPlain(plain, Location.none());
        return new Deployed(e.id(), ModelReader.job(rk, settings), state.server());
    }

    /** The next run id of a target (1, 2, ...): one more than the runs recorded. */
    public static long nextRunId(Path bundleRoot, String target) {
        Path dir = runs(bundleRoot, target);
        if (!Files.isDirectory(dir)) {
            return 1;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return 1 + files.map(p -> p.getFileName().toString()).filter(n -> n.matches("run-\\d+\\.json"))
                    .mapToLong(n -> Long.parseLong(n.substring(4, n.length() - 5))).max().orElse(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the run's record; returns the file. */
    public static Path record(Path bundleRoot, String target, JobRunResult r) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("run_id", r.runId());
        n.put("job_id", r.jobId());
        n.put("run_name", r.jobName());
        n.put("result_state", r.result().name());
        n.put("state_message", r.stateMessage());
        n.put("start_time", r.startedAt().toString());
        n.put("seconds", r.seconds());
        ArrayNode tasks = n.putArray("tasks");
        for (TaskRun t : r.tasks()) {
            ObjectNode tn = tasks.addObject();
            tn.put("task_key", t.taskKey());
            tn.put("result_state", t.result().name());
            if (t.outcome() != null) {
                tn.put("outcome", t.outcome());
            }
            tn.put("message", t.message());
            tn.put("start_time", t.startedAt().toString());
            tn.put("seconds", t.seconds());
            tn.put("attempts", t.attempts());
            ObjectNode values = tn.putObject("values");
            for (Map.Entry<String, String> v : t.values().entrySet()) {
                values.put(v.getKey(), v.getValue());
            }
        }
        Path file = runs(bundleRoot, target).resolve("run-" + r.runId() + ".json");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run record " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static Path runs(Path bundleRoot, String target) {
        return DeploymentState.file(bundleRoot, target).resolveSibling("runs");
    }
}
