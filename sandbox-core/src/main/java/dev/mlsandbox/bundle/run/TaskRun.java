package dev.mlsandbox.bundle.run;

import java.time.Instant;
import java.util.Map;

/**
 * One task of a run, finished.
 *
 * @param outcome   for a condition_task: "true" or "false"; else null
 * @param message   why it failed or was skipped ("" on success)
 * @param trace     the exception's stack trace when a task threw, else ""
 * @param attempts  how many times it ran (1 + retries used; 0 when it did not run)
 * @param values    the task values it set ({@code {{tasks.<key>.values.<name>}}})
 */
public record TaskRun(String taskKey, ResultState result, String outcome, String message, String trace, Instant startedAt,
                      double seconds, int attempts, Map<String, String> values) {

    public TaskRun {
        values = Map.copyOf(values);
        message = message == null ? "" : message;
        trace = trace == null ? "" : trace;
    }

    /** A task that did not run, with why. */
    static TaskRun skipped(String taskKey, ResultState result, String message) {
        return new TaskRun(taskKey, result, null, message, "", Instant.now(), 0, 0, Map.of());
    }
}
