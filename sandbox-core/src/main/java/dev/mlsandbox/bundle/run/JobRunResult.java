package dev.mlsandbox.bundle.run;

import java.time.Instant;
import java.util.List;

/**
 * A finished run of a job: its result (decided by the leaf tasks, as the Jobs service decides it),
 * a state message when it failed, and every task's run in the order they ran.
 */
public record JobRunResult(long runId, String jobId, String jobName, ResultState result, String stateMessage,
                           Instant startedAt, double seconds, List<TaskRun> tasks) {

    public JobRunResult {
        tasks = List.copyOf(tasks);
    }

    public boolean succeeded() {
        return result == ResultState.SUCCESS || result == ResultState.SUCCESS_WITH_FAILURES;
    }

    public TaskRun task(String key) {
        return tasks.stream().filter(t -> t.taskKey().equals(key)).findFirst().orElse(null);
    }
}
