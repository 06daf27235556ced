package dev.mlsandbox.bundle.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.apache.spark.sql.SparkSession;

import dev.mlsandbox.lab.LabContext;

/**
 * What a {@link SandboxTask} runs with. Task values are the sandbox's form of
 * {@code dbutils.jobs.taskValues.set(key, value)} (which Databricks offers to Python tasks):
 * a later task, or a condition_task operand, reads them as {@code {{tasks.<key>.values.<name>}}}.
 * The Spark session and the lab context are created on first use, so a run of tasks that need no
 * Spark starts none.
 */
public final class TaskContext {

    private final String taskKey;
    private final String jobName;
    private final String jobId;
    private final long runId;
    private final List<String> parameters;
    private final Map<String, String> jobParameters;
    private final Supplier<LabContext> labContext;
    private final Path outputDirectory;
    private final ServerConnection server;
    private final Map<String, String> values = new LinkedHashMap<>();

    TaskContext(String taskKey, String jobName, String jobId, long runId, List<String> parameters,
                Map<String, String> jobParameters, Supplier<LabContext> labContext, Path outputDirectory,
                ServerConnection server) {
        this.taskKey = taskKey;
        this.jobName = jobName;
        this.jobId = jobId;
        this.runId = runId;
        this.parameters = List.copyOf(parameters);
        this.jobParameters = Map.copyOf(jobParameters);
        this.labContext = labContext;
        this.outputDirectory = outputDirectory;
        this.server = server;
    }

    public String taskKey() {
        return taskKey;
    }

    public String jobName() {
        return jobName;
    }

    public String jobId() {
        return jobId;
    }

    public long runId() {
        return runId;
    }

    /** The task's {@code parameters}, with {@code {{job.parameters.x}}} and the like substituted. */
    public List<String> parameters() {
        return parameters;
    }

    /**
     * The parameters from {@code skip} on, read as {@code key=value} (the form sandbox tasks take:
     * {@code ["pipeline", "seed=7", "rows=2000"]}); a parameter without {@code =} is refused,
     * naming it. Later keys win.
     */
    public Map<String, String> namedParameters(int skip) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String s : parameters.subList(Math.min(skip, parameters.size()), parameters.size())) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("task " + taskKey + ": parameter '" + s + "' must be key=value, e.g. seed=7");
            }
            out.put(s.substring(0, eq).strip(), s.substring(eq + 1).strip());
        }
        return out;
    }

    public Map<String, String> jobParameters() {
        return jobParameters;
    }

    /** Where the task may write files (reports): {@code <out>/<task_key>}. */
    public Path outputDirectory() {
        return outputDirectory;
    }

    /** The shared lab context (Spark session, progress, tracking), created on first use. */
    public LabContext labContext() {
        return labContext.get();
    }

    /**
     * The sandbox server the run belongs to (the job's workspace): where a task logs runs and
     * registers models. A task that calls this fails, saying why, when the run has none.
     */
    public ServerConnection server() {
        if (server == null) {
            throw new IllegalStateException("task " + taskKey + " needs the sandbox server, and this run has none: run the job"
                    + " with 'bin/sandbox bundle run', which uses the server the job was deployed to (or --tracking-uri)");
        }
        return server;
    }

    public SparkSession spark() {
        return labContext.get().spark();
    }

    /** Sets a task value for downstream tasks: {@code {{tasks.<this task>.values.<key>}}}. */
    public void setValue(String key, Object value) {
        Objects.requireNonNull(key, "key");
        if (!key.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("task value key '" + key + "' must be letters, digits, '_' or '-'");
        }
        values.put(key, String.valueOf(value));
    }

    Map<String, String> values() {
        return Map.copyOf(values);
    }
}
