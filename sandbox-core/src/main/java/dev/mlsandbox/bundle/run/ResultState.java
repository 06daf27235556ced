package dev.mlsandbox.bundle.run;

/**
 * How a task or a run ended, named as the Jobs API names result states. A task whose run_if was
 * not met is UPSTREAM_FAILED (ALL_SUCCESS, AT_LEAST_ONE_SUCCESS, NONE_FAILED) or EXCLUDED
 * (AT_LEAST_ONE_FAILED, ALL_FAILED, a condition branch not taken, all dependencies excluded, a
 * disabled task).
 */
public enum ResultState {
    SUCCESS, FAILED, UPSTREAM_FAILED, EXCLUDED,
    /** A run only: some tasks failed, but every leaf task succeeded (or was excluded). */
    SUCCESS_WITH_FAILURES;

    /** Counts as a success for the tasks that depend on it (an excluded task is "treated as successful"). */
    public boolean successful() {
        return this == SUCCESS || this == EXCLUDED;
    }

    public boolean failed() {
        return this == FAILED || this == UPSTREAM_FAILED;
    }
}
