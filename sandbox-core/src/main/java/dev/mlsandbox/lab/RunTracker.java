package dev.mlsandbox.lab;

import java.util.Map;

/**
 * Where labs log their runs, as {@link LabContext#logged} sees it. The tracking package implements
 * it against an MLflow-compatible server ({@code dev.mlsandbox.tracking.RunLogger}); this
 * interface keeps the lab layer free of that dependency.
 */
public interface RunTracker {

    /** Whether runs go anywhere. */
    boolean enabled();

    /**
     * Starts a run in the named experiment. When disabled, returns a run that ignores everything;
     * when enabled but unreachable, fails with a message naming where it tried to log.
     */
    TrackedRun start(String experimentName, String runName, Map<String, String> tags);

    /** Logs nowhere: every run it starts ignores what it is given. */
    static RunTracker none() {
        return NoTracking.INSTANCE;
    }
}
