package dev.mlsandbox.tracking.lab;

/**
 * Settings of the tracking lab.
 *
 * @param seed        seeds the simulated training curves (default 42)
 * @param runsPerTeam runs logged in each team's experiment (default 12)
 * @param epochs      metric points per run, the history (default 20)
 * @param pageSize    max_results used to show pagination (default 5)
 */
public record TrackingLabOptions(long seed, int runsPerTeam, int epochs, int pageSize) {
    public static final String[] TEAMS = {"fraud", "growth", "risk"};

    public TrackingLabOptions {
        if (runsPerTeam < 3) {
            throw new IllegalArgumentException("runsPerTeam must be >= 3 (one per model type), got " + runsPerTeam);
        }
        if (epochs < 2) {
            throw new IllegalArgumentException("epochs must be >= 2 to show a history, got " + epochs);
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be >= 1, got " + pageSize);
        }
    }

    public static TrackingLabOptions defaults() {
        return new TrackingLabOptions(42L, 12, 20, 5);
    }

    public TrackingLabOptions withSeed(long s) {
        return new TrackingLabOptions(s, runsPerTeam, epochs, pageSize);
    }

    public TrackingLabOptions withRunsPerTeam(int n) {
        return new TrackingLabOptions(seed, n, epochs, pageSize);
    }
}
