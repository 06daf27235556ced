package dev.mlsandbox.lab;

import java.util.Map;
import java.util.Optional;

import dev.mlsandbox.report.Report;

/**
 * One lab run being logged, or a stand-in that ignores everything when tracking is off. Closing
 * ends the run FINISHED unless {@link #fail()} was called first.
 */
public interface TrackedRun extends AutoCloseable {

    boolean enabled();

    /** The run as a report links to it ({@code mlflowRun} in report.json); empty when tracking is off. */
    Optional<MlflowRun> mlflowRun();

    /** Uploads the report's renderings as the run's artifacts. */
    TrackedRun report(Report report);

    TrackedRun params(Map<String, String> params);

    TrackedRun tags(Map<String, String> tags);

    TrackedRun metric(String key, double value, long step);

    /** Several metrics at one step (a fold, an epoch). */
    TrackedRun metrics(Map<String, Double> values, long step);

    TrackedRun text(String artifactFile, String content);

    /** Marks the run FAILED when it is closed. */
    void fail();

    @Override
    void close();
}
