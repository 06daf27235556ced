package dev.mlsandbox.tracking.lab;

import java.util.Map;

import dev.mlsandbox.lab.LabOptions;
import dev.mlsandbox.lab.LabParameters;
import dev.mlsandbox.lab.Parameter;

/**
 * Settings of the tracking lab. Every parameter has a documented default ({@link #defaults()});
 * change one with its {@code with...} method, or from text with {@link #fromParameters}.
 */
public record TrackingLabOptions(
        @Parameter("Seed of the simulated training curves.") long seed,
        @Parameter("Runs logged in each team's experiment, at least 3 (one per model type).") int runsPerTeam,
        @Parameter("Metric points per run (its history), at least 2.") int epochs,
        @Parameter("max_results of the pagination example, at least 1.") int pageSize) implements LabOptions {

    /** The teams, one experiment each. */
    public static final String[] TEAMS = {"fraud", "growth", "risk"};

    public TrackingLabOptions {
        require(runsPerTeam >= 3, "runsPerTeam", runsPerTeam, "must be >= 3 (one run per model type)");
        require(epochs >= 2, "epochs", epochs, "must be >= 2 to show a history");
        require(pageSize >= 1, "pageSize", pageSize, "must be >= 1");
    }

    public static TrackingLabOptions defaults() {
        return new TrackingLabOptions(42L, 12, 20, 5);
    }

    /**
     * Options from parameter text ({@link #toParameters()} gives it); parameters the map leaves out
     * keep their defaults.
     *
     * @throws IllegalArgumentException naming the parameter, its value and the rule it broke
     */
    public static TrackingLabOptions fromParameters(Map<String, String> parameters) {
        return LabParameters.fromMap(TrackingLab.NAME, defaults(), parameters);
    }

    public TrackingLabOptions withSeed(long s) {
        return new TrackingLabOptions(s, runsPerTeam, epochs, pageSize);
    }

    public TrackingLabOptions withRunsPerTeam(int n) {
        return new TrackingLabOptions(seed, n, epochs, pageSize);
    }

    public TrackingLabOptions withEpochs(int n) {
        return new TrackingLabOptions(seed, runsPerTeam, n, pageSize);
    }

    public TrackingLabOptions withPageSize(int n) {
        return new TrackingLabOptions(seed, runsPerTeam, epochs, n);
    }

    private static void require(boolean ok, String name, Object value, String rule) {
        LabParameters.require(ok, TrackingLab.NAME, name, value, rule);
    }
}
