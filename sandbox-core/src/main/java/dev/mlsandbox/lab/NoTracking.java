package dev.mlsandbox.lab;

import java.util.Map;
import java.util.Optional;

import dev.mlsandbox.report.Report;

/** {@link RunTracker#none()}: tracking off; its runs accept everything and keep nothing. */
enum NoTracking implements RunTracker, TrackedRun {
    INSTANCE;

    @Override
    public boolean enabled() {
        return false;
    }

    @Override
    public TrackedRun start(String experimentName, String runName, Map<String, String> tags) {
        return this;
    }

    @Override
    public Optional<MlflowRun> mlflowRun() {
        return Optional.empty();
    }

    @Override
    public TrackedRun report(Report report) {
        return this;
    }

    @Override
    public TrackedRun params(Map<String, String> params) {
        return this;
    }

    @Override
    public TrackedRun tags(Map<String, String> tags) {
        return this;
    }

    @Override
    public TrackedRun metric(String key, double value, long step) {
        return this;
    }

    @Override
    public TrackedRun metrics(Map<String, Double> values, long step) {
        return this;
    }

    @Override
    public TrackedRun text(String artifactFile, String content) {
        return this;
    }

    @Override
    public void fail() {
    }

    @Override
    public void close() {
    }
}
