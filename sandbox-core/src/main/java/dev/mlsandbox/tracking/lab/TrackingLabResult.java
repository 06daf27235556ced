package dev.mlsandbox.tracking.lab;

import dev.mlsandbox.lab.LabResult;
import dev.mlsandbox.lab.MlflowRun;
import dev.mlsandbox.report.Provenance;
import dev.mlsandbox.report.Report;
import java.util.List;
import java.util.Map;

/**
 * What the tracking lab measured.
 *
 * @param trackingUri     the server the lab logged to
 * @param experiments     experiment name to run count
 * @param comparisons     each programmatic query, its filter/order and what it returned
 * @param leaderboard     best runs across all teams, by final rmse
 * @param pages           runs per page when paginating one experiment with max_results=pageSize
 * @param bestHistory     rmse by epoch of the overall best run (from metrics/get-history)
 * @param failureModes    what the server answered to each mistake
 * @param provenance      versions, seed, sizes, timings
 * @param options         the options it ran with
 * @param mlflowRun       where the run was logged (in the sandbox's tracking server, not the lab's own),
 *                        or null when tracking is off
 */
public record TrackingLabResult(String trackingUri, Map<String, Integer> experiments, List<Comparison> comparisons,
        List<LeaderboardRow> leaderboard, List<Integer> pages, List<Double> bestHistory, List<FailureMode> failureModes,
        Provenance provenance, TrackingLabOptions options, MlflowRun mlflowRun) implements LabResult {

    /** One query: what was asked (filter, order), how many runs matched, and what that shows. */
    public record Comparison(String name, String filter, String orderBy, int matched, String lesson) {}

    public record LeaderboardRow(String team, String runName, String model, String maxDepth, double rmse) {}

    /** A mistake and the server's answer: HTTP status, MLflow error code, message (shortened). */
    public record FailureMode(String name, String attempt, int status, String errorCode, String message, String lesson) {}

    public TrackingLabResult {
        experiments = Map.copyOf(experiments);
        comparisons = List.copyOf(comparisons);
        leaderboard = List.copyOf(leaderboard);
        pages = List.copyOf(pages);
        bestHistory = List.copyOf(bestHistory);
        failureModes = List.copyOf(failureModes);
    }

    public int totalRuns() {
        return experiments.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public Report report() {
        return TrackingLabReport.build(this);
    }
}
