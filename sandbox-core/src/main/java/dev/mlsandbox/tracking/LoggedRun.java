package dev.mlsandbox.tracking;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.api.proto.Service.RunTag;

import dev.mlsandbox.lab.MlflowRun;
import dev.mlsandbox.lab.TrackedRun;
import dev.mlsandbox.report.Report;
import dev.mlsandbox.report.ReportWriter;

/**
 * One run being logged by a lab, or a no-op stand-in when tracking is off. Params and tags go
 * in batches within MLflow's limits; closing ends the run FINISHED unless {@link #fail()} was
 * called.
 */
public final class LoggedRun implements TrackedRun {
    private final Tracking tracking;
    private final String experimentId;
    private final String runId;
    private boolean failed;
    private boolean closed;

    private LoggedRun(Tracking tracking, String experimentId, String runId) {
        this.tracking = tracking;
        this.experimentId = experimentId;
        this.runId = runId;
    }

    static LoggedRun disabled() {
        return new LoggedRun(null, null, null);
    }

    static LoggedRun live(Tracking tracking, String experimentId, String runId) {
        return new LoggedRun(tracking, experimentId, runId);
    }

    @Override
    public boolean enabled() {
        return tracking != null;
    }

    public Optional<String> runId() {
        return Optional.ofNullable(runId);
    }

    public Optional<String> experimentId() {
        return Optional.ofNullable(experimentId);
    }

    /** Where to look at the run: {@code <tracking uri>/#/experiments/<id>/runs/<id>}. */
    public Optional<String> link() {
        return enabled() ? Optional.of(tracking.runLink(experimentId, runId)) : Optional.empty();
    }

    /** The run as a report links to it ({@code mlflowRun} in report.json); empty when tracking is off. */
    @Override
    public Optional<MlflowRun> mlflowRun() {
        return enabled() ? Optional.of(new MlflowRun(experimentId, runId, tracking.runLink(experimentId, runId)))
                : Optional.empty();
    }

    /** Uploads the report's three renderings (report.html, report.md, report.json) under {@code report/}. */
    @Override
    public LoggedRun report(Report report) {
        if (enabled()) {
            ReportWriter.render(report).forEach((file, text) -> text("report/" + file, text));
        }
        return this;
    }

    @Override
    public LoggedRun params(Map<String, String> params) {
        if (enabled() && !params.isEmpty()) {
            List<Param> ps = new ArrayList<>();
            params.forEach((k, v) -> ps.add(Param.newBuilder().setKey(k).setValue(v).build()));
            for (int i = 0; i < ps.size(); i += 100) {
                tracking.client().logBatch(runId, List.of(), ps.subList(i, Math.min(ps.size(), i + 100)), List.of());
            }
        }
        return this;
    }

    @Override
    public LoggedRun tags(Map<String, String> tags) {
        if (enabled() && !tags.isEmpty()) {
            List<RunTag> ts = new ArrayList<>();
            tags.forEach((k, v) -> ts.add(RunTag.newBuilder().setKey(k).setValue(v).build()));
            for (int i = 0; i < ts.size(); i += 100) {
                tracking.client().logBatch(runId, List.of(), List.of(), ts.subList(i, Math.min(ts.size(), i + 100)));
            }
        }
        return this;
    }

    @Override
    public LoggedRun metric(String key, double value, long step) {
        return metrics(Map.of(key, value), step);
    }

    /** Several metrics at one step (a fold, an epoch). */
    @Override
    public LoggedRun metrics(Map<String, Double> values, long step) {
        if (enabled() && !values.isEmpty()) {
            long now = System.currentTimeMillis();
            List<Metric> ms = new ArrayList<>();
            values.forEach((k, v) -> ms.add(Metric.newBuilder().setKey(k).setValue(v).setTimestamp(now).setStep(step).build()));
            for (int i = 0; i < ms.size(); i += 1000) {
                tracking.client().logBatch(runId, ms.subList(i, Math.min(ms.size(), i + 1000)), List.of(), List.of());
            }
        }
        return this;
    }

    @Override
    public LoggedRun text(String artifactFile, String content) {
        return bytes(artifactFile, content.getBytes(StandardCharsets.UTF_8));
    }

    public LoggedRun bytes(String artifactFile, byte[] content) {
        if (enabled()) {
            tracking.logBytes(runId, content, artifactFile);
        }
        return this;
    }

    /** Marks the run FAILED when it is closed. */
    @Override
    public void fail() {
        failed = true;
    }

    @Override
    public void close() {
        if (!enabled() || closed) {
            return;
        }
        closed = true;
        try {
            tracking.client().setTerminated(runId, failed ? RunStatus.FAILED : RunStatus.FINISHED,
                    System.currentTimeMillis());
        } finally {
            tracking.close();
        }
    }
}
