package dev.mlsandbox.bundle.run;

/** Hears a run's state changes as they happen (the CLI prints them). Called on the running thread. */
public interface RunListener {

    RunListener NONE = new RunListener() {
    };

    default void runStarted(String jobName, long runId) {
    }

    default void taskStarted(String taskKey) {
    }

    default void taskFinished(TaskRun run) {
    }

    default void runFinished(JobRunResult result) {
    }
}
