package dev.mlsandbox.tracking;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

import dev.mlsandbox.lab.RunTracker;

/**
 * The small hook a lab logs its run through ({@code context.tracking()}). Disabled (every call a
 * no-op) unless a tracking URI is configured: {@code MLFLOW_TRACKING_URI} or a server started
 * with {@code sandbox.tracking().start()}.
 *
 * <pre>{@code
 * try (LoggedRun run = context.tracking().start("pipeline", "pipeline-seed-42", Map.of("lab", "pipeline"))) {
 *     run.params(Map.of("maxDepth", "5"));
 *     run.metric("auc", 0.91, fold);
 *     run.text("report.md", markdown);
 * }   // FINISHED; call run.fail() first to end it FAILED
 * }</pre>
 */
public final class RunLogger implements RunTracker {
    private static final RunLogger NONE = new RunLogger(null);
    private final URI uri;

    private RunLogger(URI uri) {
        this.uri = uri;
    }

    public static RunLogger none() {
        return NONE;
    }

    public static RunLogger to(URI trackingUri) {
        return new RunLogger(Objects.requireNonNull(trackingUri, "trackingUri"));
    }

    /** Logs to {@code MLFLOW_TRACKING_URI} when set, else nowhere. */
    public static RunLogger fromEnvironment() {
        return Tracking.environmentUri().map(RunLogger::to).orElse(NONE);
    }

    @Override
    public boolean enabled() {
        return uri != null;
    }

    public URI uri() {
        return uri;
    }

    /**
     * Starts a run in the named experiment (created if missing). When disabled returns a run that
     * ignores everything. When enabled but the server cannot be reached this fails with a message
     * naming the URI, rather than silently dropping the lab's record.
     */
    @Override
    public LoggedRun start(String experimentName, String runName, Map<String, String> tags) {
        if (uri == null) {
            return LoggedRun.disabled();
        }
        Tracking tracking = Tracking.connect(uri);
        try {
            String exp = tracking.experiment(experimentName);
            var info = tracking.startRun(exp, runName, tags);
            return LoggedRun.live(tracking, exp, info.getRunId());
        } catch (RuntimeException e) {
            tracking.close();
            throw new IllegalStateException("cannot log the run to the tracking server at " + uri + " ("
                    + e.getMessage() + "); start it (bin/sandbox server) or unset " + Tracking.ENV, e);
        }
    }
}
