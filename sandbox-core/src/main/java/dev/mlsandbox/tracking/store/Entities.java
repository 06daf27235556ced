package dev.mlsandbox.tracking.store;

import java.util.List;

/** The values the store hands out; field names follow MLflow's protos. */
public final class Entities {
    private Entities() {}

    public static final String ACTIVE = "active";
    public static final String DELETED = "deleted";

    public record Tag(String key, String value) {}

    public record Param(String key, String value) {}

    /** One metric point; {@code value} may be NaN or infinite. */
    public record Metric(String key, double value, long timestamp, long step) {}

    public record Experiment(String experimentId, String name, String artifactLocation, String lifecycleStage,
            long creationTime, long lastUpdateTime, List<Tag> tags) {}

    /** {@code endTime} is null while the run has not ended. */
    public record RunInfo(String runId, String runName, String experimentId, String userId, String status,
            long startTime, Long endTime, String artifactUri, String lifecycleStage) {}

    /** Latest value per metric key, params, tags. */
    public record RunData(List<Metric> metrics, List<Param> params, List<Tag> tags) {}

    public record Run(RunInfo info, RunData data) {}

    /** One page of results; {@code nextPageToken} is null on the last page. */
    public record Page<T>(List<T> items, String nextPageToken) {}
}
