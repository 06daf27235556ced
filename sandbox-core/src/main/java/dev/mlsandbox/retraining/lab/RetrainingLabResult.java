package dev.mlsandbox.retraining.lab;

import java.util.List;
import java.util.Map;

import dev.mlsandbox.lab.LabResult;
import dev.mlsandbox.lab.MlflowRun;
import dev.mlsandbox.report.Provenance;
import dev.mlsandbox.report.Report;
import dev.mlsandbox.retraining.AuditTrail;
import dev.mlsandbox.retraining.Quality;
import dev.mlsandbox.retraining.StrategyRun;

/**
 * What the retraining lab measured.
 *
 * @param options              the options it ran with
 * @param events               what happened to the stream, and when
 * @param windows              one row per window: churn rate, input drift against the first model's data, active events
 * @param baseline             the first model's quality on a fresh reference sample
 * @param performanceThreshold the performance trigger's AUC threshold (baseline AUC minus the drop)
 * @param runs                 one per strategy, in the order they ran
 * @param auditTrail           each strategy's versions as the registry holds them after the run
 * @param registryUri          the embedded registry the lab used (stopped when the lab ends)
 * @param loggedModels         distinct models logged to the registry as MLflow Spark models
 * @param batchFits            Spark ML fits the lab ran (shared by the strategies that fired together), the first model excluded
 * @param onlineUpdates        online updates the lab ran (shared by both online strategies)
 * @param sparkAgreement       largest |P(churn)| difference between Spark's transform and the driver-side scoring
 * @param provenance           seed, sizes, versions, timing
 * @param mlflowRun            where the run was logged, or null when tracking is off
 */
public record RetrainingLabResult(RetrainingLabOptions options, List<EventRow> events, List<WindowRow> windows,
                                  Quality baseline, double performanceThreshold, List<StrategyRun> runs,
                                  Map<String, List<AuditTrail.VersionRecord>> auditTrail, String registryUri,
                                  int loggedModels, int batchFits, int onlineUpdates, double sparkAgreement,
                                  Provenance provenance, MlflowRun mlflowRun) implements LabResult {

    public RetrainingLabResult {
        events = List.copyOf(events);
        windows = List.copyOf(windows);
        runs = List.copyOf(runs);
        auditTrail = Map.copyOf(auditTrail);
    }

    /** One event of the stream. */
    public record EventRow(String kind, int from, int to, boolean hazard, String description) {
    }

    /**
     * One window of the stream.
     *
     * @param window    its index
     * @param churnRate share of churners (true labels)
     * @param maxPsi    the largest PSI of its inputs against the first model's training windows (BASELINE)
     * @param consecutivePsi the largest PSI of its inputs against the window before (CONSECUTIVE; NaN for the first)
     * @param drifted   the columns at or above the drift trigger's PSI threshold against the baseline
     * @param events    the events active in it
     */
    public record WindowRow(int window, double churnRate, double maxPsi, double consecutivePsi, List<String> drifted,
                            List<String> events) {
        public WindowRow {
            drifted = List.copyOf(drifted);
            events = List.copyOf(events);
        }
    }

    /** A strategy's run by name, or null. */
    public StrategyRun run(String strategy) {
        return runs.stream().filter(r -> r.strategy().equals(strategy)).findFirst().orElse(null);
    }

    /** The first event of a kind, or null. */
    public EventRow event(String kind) {
        return events.stream().filter(e -> e.kind().equals(kind)).findFirst().orElse(null);
    }

    @Override
    public Report report() {
        return RetrainingLabReport.build(this);
    }
}
