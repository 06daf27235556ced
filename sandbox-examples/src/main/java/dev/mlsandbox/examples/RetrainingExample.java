package dev.mlsandbox.examples;

import java.util.List;

import dev.mlsandbox.Sandbox;
import dev.mlsandbox.lab.Progress;
import dev.mlsandbox.retraining.Attempt;
import dev.mlsandbox.retraining.AuditTrail;
import dev.mlsandbox.retraining.DriftingStream;
import dev.mlsandbox.retraining.Gate;
import dev.mlsandbox.retraining.LoopSettings;
import dev.mlsandbox.retraining.MetricViolationRule;
import dev.mlsandbox.retraining.Quality;
import dev.mlsandbox.retraining.RetrainingLoop;
import dev.mlsandbox.retraining.Strategy;
import dev.mlsandbox.retraining.StrategyRun;
import dev.mlsandbox.retraining.StreamEvent;
import dev.mlsandbox.retraining.Trigger;

/**
 * {@code bin/sandbox example retraining}: the retraining loop from Java. First MLOps Stacks'
 * rule on a few AUC values (no Spark); then a short stream whose labels go bad for two windows,
 * a weekly schedule without and with the validation gate, every decision printed. See
 * docs/retraining.md; the whole comparison is {@code bin/sandbox lab retraining}.
 */
public final class RetrainingExample {
    private RetrainingExample() {
    }

    public static void main(String[] args) {
        // 1. The rule: violated in >= 2 of the last 5 labelled windows and in the newest one.
        MetricViolationRule rule = MetricViolationRule.below(0.75);
        System.out.println(rule.describe());
        System.out.println("  one dip            " + rule.violated(List.of(0.80, 0.70, 0.80, 0.81)));
        System.out.println("  two dips, newest   " + rule.violated(List.of(0.80, 0.70, 0.80, 0.72)));
        System.out.println("  two dips, cleared  " + rule.violated(List.of(0.70, 0.72, 0.80, 0.81)));

        // 2. Twelve windows of 500 rows; the labels of windows 6 and 7 land inverted (a labelling bug).
        DriftingStream stream = new DriftingStream(12, 500, 1, 42, List.of(new StreamEvent.CorruptedLabels(6, 7)));
        LoopSettings settings = new LoopSettings(2, new Gate(Quality.Metric.LOG_LOSS, 0.0), 0.02, 1.0, 3, 100);
        Trigger weekly = new Trigger.Scheduled(4, 2);
        try (Sandbox sandbox = Sandbox.local()) {
            RetrainingLoop loop = new RetrainingLoop(sandbox.spark(), stream, settings, AuditTrail.inMemory());
            List<StrategyRun> runs = loop.run(List.of(new Strategy(Strategy.Kind.SCHEDULED, weekly, false),
                    new Strategy(Strategy.Kind.SCHEDULED, weekly, true)), Progress.none());
            for (StrategyRun run : runs) {
                System.out.printf("%n%s: mean AUC %.3f over windows 2-11%n", run.strategy(), run.meanAuc());
                for (Attempt a : run.attempts()) {
                    System.out.printf("  window %2d: trained on %d-%d %-44s -> %s (%s in hindsight, AUC %+.2f)%n",
                            a.window(), a.trainedFrom(), a.trainedTo(), a.hazards(), a.gateReason(),
                            a.outcome().name().toLowerCase(), a.aucDelta());
                }
                System.out.printf("  AUC served in windows 10-11: %.3f, %.3f%n", run.at(10).auc(), run.at(11).auc());
            }
        }
    }
}
