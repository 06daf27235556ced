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
    private final Map<String, String> values = new LinkedHashMap<>();

    TaskContext(String taskKey, String jobName, String jobId, long runId, List<String> parameters,
                Map<String, String> jobParameters, Supplier<LabContext> labContext, Path outputDirectory) {
        this.taskKey = taskKey;
        this.jobName = jobName;
        this.jobId = jobId;
        this.runId = runId;
        this.parameters = List.copyOf(parameters);
        this.jobParameters = Map.copyOf(jobParameters);
        this.labContext = labContext;
        this.outputDirectory = outputDirectory;
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
