package dev.mlsandbox.bundle.run;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import dev.mlsandbox.bundle.model.Job;
import dev.mlsandbox.bundle.model.RunIf;
import dev.mlsandbox.bundle.model.Task;
import dev.mlsandbox.bundle.model.TaskDependency;
import dev.mlsandbox.bundle.model.TaskKind;
import dev.mlsandbox.lab.LabContext;

/**
 * Runs a job's task graph in this JVM, with the Jobs service's rules (docs.databricks.com/jobs/run-if,
 * /jobs/conditional-tasks):
 * <ul>
 *   <li>a task runs after its dependencies, when its {@code run_if} holds: ALL_SUCCESS (default),
 *       AT_LEAST_ONE_SUCCESS, NONE_FAILED (none failed and at least one ran), ALL_DONE,
 *       AT_LEAST_ONE_FAILED, ALL_FAILED; otherwise it is UPSTREAM_FAILED (the first three) or
 *       EXCLUDED (the last two);</li>
 *   <li>an excluded dependency counts as a success, and a task whose dependencies are all excluded
 *       is excluded;</li>
 *   <li>a dependency on a condition_task with {@code outcome: "true"} is met only when the condition
 *       was true (the other branch is excluded);</li>
 *   <li>a failed task is retried up to {@code max_retries} times;</li>
 *   <li>the run's result comes from its leaf tasks: FAILED when a leaf failed (or was upstream-failed),
 *       SUCCESS_WITH_FAILURES when only inner tasks did, else SUCCESS.</li>
 * </ul>
 * The Jobs service starts independent tasks at the same time; the sandbox runs them one after the
 * other, in file order within the graph's order, which changes timings, not outcomes.
 */
public final class JobRunner {

    private final Supplier<LabContext> labContext;
    private final Path outputRoot;
    private final RunListener listener;
    private final ServerConnection server;

    /**
     * @param labContext the Spark session and lab context tasks may ask for (created on first use)
     * @param outputRoot where tasks write files: {@code <outputRoot>/run-<id>/<task_key>}
     */
    public JobRunner(Supplier<LabContext> labContext, Path outputRoot, RunListener listener) {
        this(labContext, outputRoot, listener, null);
    }

    /** @param server the sandbox server tasks reach through {@link TaskContext#server()} (null: none) */
    public JobRunner(Supplier<LabContext> labContext, Path outputRoot, RunListener listener, ServerConnection server) {
        this.labContext = new Once<>(labContext);
        this.outputRoot = outputRoot;
        this.listener = listener == null ? RunListener.NONE : listener;
        this.server = server;
    }

    /**
     * Runs {@code job} as run {@code runId} of job {@code jobId}, with job parameters overridden by
     * {@code parameters} (as {@code bundle run --params} does).
     */
    public JobRunResult run(Job job, String jobId, long runId, Map<String, String> parameters) {
        Map<String, String> jobParameters = new LinkedHashMap<>(job.parameters());
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            if (!jobParameters.containsKey(p.getKey())) {
                throw new IllegalArgumentException("job " + job.key().key() + " has no parameter '" + p.getKey()
                        + "'; its parameters are " + jobParameters.keySet());
            }
            jobParameters.put(p.getKey(), p.getValue());
        }
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        listener.runStarted(job.name(), runId);
        Map<String, TaskRun> done = new LinkedHashMap<>();
        for (Task task : order(job)) {
            TaskRun r = decide(task, job, done);
            if (r == null) {
                listener.taskStarted(task.taskKey());
                r = execute(task, job, jobId, runId, jobParameters, done);
            }
            done.put(task.taskKey(), r);
            listener.taskFinished(r);
        }
        JobRunResult result = result(job, jobId, runId, start, (System.nanoTime() - t0) / 1e9, done);
        listener.runFinished(result);
        return result;
    }

    /** The tasks in dependency order, file order among the ready ones. */
    static List<Task> order(Job job) {
        List<Task> out = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (out.size() < job.tasks().size()) {
            boolean progress = false;
            for (Task t : job.tasks()) {
                if (!placed.contains(t.taskKey()) && t.dependsOn().stream().allMatch(d -> placed.contains(d.taskKey()))) {
                    out.add(t);
                    placed.add(t.taskKey());
                    progress = true;
                    break;
                }
            }
            if (!progress) {
                throw new IllegalStateException("job " + job.key().key() + " has a dependency cycle or depends on a missing task;"
                        + " run bundle validate");
            }
        }
        return out;
    }

    /** Whether the task runs: null to run it, else the skipped task's result. */
    private static TaskRun decide(Task task, Job job, Map<String, TaskRun> done) {
        if (task.disabled()) {
            return TaskRun.skipped(task.taskKey(), ResultState.EXCLUDED, "the task is disabled");
        }
        if (task.dependsOn().isEmpty()) {
            return null;
        }
        List<ResultState> effective = new ArrayList<>();
        List<String> branches = new ArrayList<>();
        for (TaskDependency d : task.dependsOn()) {
            TaskRun dep = done.get(d.taskKey());
            ResultState s = dep.result();
            if (d.outcome() != null && s == ResultState.SUCCESS && !d.outcome().equals(dep.outcome())) {
                s = ResultState.EXCLUDED;
                branches.add("condition " + d.taskKey() + " was " + dep.outcome() + " and this task is on its " + d.outcome()
                        + " branch");
            }
            effective.add(s);
        }
        if (effective.stream().allMatch(s -> s == ResultState.EXCLUDED)) {
            return TaskRun.skipped(task.taskKey(), ResultState.EXCLUDED, branches.size() == effective.size()
                    ? String.join("; ", branches) : "all its dependencies were excluded");
        }
        long succeeded = effective.stream().filter(ResultState::successful).count();
        long failed = effective.stream().filter(ResultState::failed).count();
        boolean ran = effective.stream().anyMatch(s -> s == ResultState.SUCCESS || s == ResultState.FAILED);
        int n = effective.size();
        RunIf runIf = task.runIf();
        boolean met = switch (runIf) {
            case ALL_SUCCESS -> succeeded == n;
            case AT_LEAST_ONE_SUCCESS -> succeeded > 0;
            case NONE_FAILED -> failed == 0 && ran;
            case ALL_DONE -> true;
            case AT_LEAST_ONE_FAILED -> failed > 0;
            case ALL_FAILED -> failed == n;
        };
        if (met) {
            return null;
        }
        ResultState skipped = runIf.handlesFailure() ? ResultState.EXCLUDED : ResultState.UPSTREAM_FAILED;
        return TaskRun.skipped(task.taskKey(), skipped, "run_if " + runIf + " not met by its dependencies "
                + describe(task, effective));
    }

    private static String describe(Task task, List<ResultState> states) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            parts.add(task.dependsOn().get(i).taskKey() + " " + states.get(i));
        }
        return "(" + String.join(", ", parts) + ")";
    }

    private TaskRun execute(Task task, Job job, String jobId, long runId, Map<String, String> jobParameters,
                            Map<String, TaskRun> done) {
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        int attempts = 0;
        String message = "";
        String trace = "";
        Map<String, String> values = Map.of();
        while (attempts <= task.maxRetries()) {
            attempts++;
            TaskContext ctx = null;
            try {
                if (task.kind() instanceof TaskKind.Condition c) {
                    String left = DynamicValues.substitute(c.left(), task.taskKey(), jobId, job.name(), runId, jobParameters, done);
                    String right = DynamicValues.substitute(c.right(), task.taskKey(), jobId, job.name(), runId, jobParameters,
                            done);
                    boolean outcome = Condition.evaluate(left, c.op(), right);
                    return new TaskRun(task.taskKey(), ResultState.SUCCESS, Boolean.toString(outcome), "'" + left + "' " + c.op()
                            + " '" + right + "' is " + outcome, "", start, seconds(t0), attempts, Map.of());
                }
                List<String> params = new ArrayList<>();
                if (task.kind() instanceof TaskKind.SparkJar jar) {
                    for (String p : jar.parameters()) {
                        params.add(DynamicValues.substitute(p, task.taskKey(), jobId, job.name(), runId, jobParameters, done));
                    }
                }
                ctx = new TaskContext(task.taskKey(), job.name(), jobId, runId, params, jobParameters, labContext,
                        outputRoot.resolve("run-" + runId).resolve(task.taskKey()), server);
                TaskBodies.run(task.kind(), ctx);
                return new TaskRun(task.taskKey(), ResultState.SUCCESS, null, "", "", start, seconds(t0), attempts, ctx.values());
            } catch (TaskBodies.CannotRun e) {
                // a task the sandbox cannot run, or a reference it cannot resolve: retrying changes nothing
                return new TaskRun(task.taskKey(), ResultState.FAILED, null, e.getMessage(), "", start, seconds(t0), attempts,
                        Map.of());
            } catch (Exception | LinkageError | AssertionError e) {
                message = oneLine(e);
                trace = trace(e);
                // what a failing task set before it threw (a gate's measured metrics) stays in the run's record
                values = ctx == null ? Map.of() : ctx.values();
            }
        }
        return new TaskRun(task.taskKey(), ResultState.FAILED, null, message, trace, start, seconds(t0), attempts, values);
    }

    private static JobRunResult result(Job job, String jobId, long runId, Instant start, double seconds,
                                       Map<String, TaskRun> done) {
        Set<String> inner = new HashSet<>();
        job.tasks().forEach(t -> t.dependsOn().forEach(d -> inner.add(d.taskKey())));
        TaskRun failedLeaf = null;
        TaskRun failedAny = null;
        for (TaskRun r : done.values()) {
            if (r.result().failed()) {
                if (failedAny == null) {
                    failedAny = r;
                }
                if (failedLeaf == null && !inner.contains(r.taskKey())) {
                    failedLeaf = r;
                }
            }
        }
        ResultState state = failedLeaf != null ? ResultState.FAILED
                : failedAny != null ? ResultState.SUCCESS_WITH_FAILURES : ResultState.SUCCESS;
        String message = "";
        if (failedLeaf != null) {
            TaskRun cause = failedAny.result() == ResultState.FAILED ? failedAny : failedLeaf;
            message = "Task " + cause.taskKey() + " failed with message: " + cause.message();
        }
        return new JobRunResult(runId, jobId, job.name(), state, message, start, seconds, new ArrayList<>(done.values()));
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static String oneLine(Throwable e) {
        Throwable shown = e;
        while (shown.getMessage() == null && shown.getCause() != null) {
            shown = shown.getCause();
        }
        String m = shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage().strip();
        String first = m.lines().findFirst().orElse(m);
        return shown instanceof IllegalArgumentException || shown instanceof IllegalStateException ? first
                : shown.getClass().getSimpleName() + ": " + first;
    }

    private static String trace(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    /** A supplier that builds its value once. */
    private static final class Once<T> implements Supplier<T> {
        private final Supplier<T> delegate;
        private T value;

        Once(Supplier<T> delegate) {
            this.delegate = delegate;
        }

        @Override
        public synchronized T get() {
            if (value == null) {
                value = delegate.get();
            }
            return value;
        }
    }
}
