package dev.mlsandbox.bundle.model;

/**
 * When a task with dependencies runs, as the Jobs service decides it
 * (docs.databricks.com/jobs/run-if). When the condition is not met, the first three mark the task
 * "Upstream failed", the last two "Excluded"; an excluded dependency counts as a success, and a
 * task whose dependencies were all excluded is excluded too.
 */
public enum RunIf {
    /** All dependencies ran and succeeded (the default). */
    ALL_SUCCESS,
    /** At least one dependency succeeded. */
    AT_LEAST_ONE_SUCCESS,
    /** No dependency failed and at least one ran. */
    NONE_FAILED,
    /** All dependencies finished, whatever their result. */
    ALL_DONE,
    /** At least one dependency failed. */
    AT_LEAST_ONE_FAILED,
    /** All dependencies failed. */
    ALL_FAILED;

    /** True for the conditions meant to handle failures, whose unmet condition means Excluded. */
    public boolean handlesFailure() {
        return this == AT_LEAST_ONE_FAILED || this == ALL_FAILED;
    }
}
