package dev.mlsandbox.retraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import dev.mlsandbox.lab.Progress;
import dev.mlsandbox.testing.CheckedProgress;
import dev.mlsandbox.testing.SharedSpark;

/** The loop with real Spark fits on small streams, the audit trail in memory. */
class RetrainingLoopTest {

    private static final LoopSettings SETTINGS = new LoopSettings(2, new Gate(Quality.Metric.LOG_LOSS, 0.0), 0.02, 1.0, 3, 100);

    @Test
    void blindRetrainingOnCorruptedLabelsLosesQualityAndTheGateRefusesIt() {
        // Labels of windows 6 and 7 land inverted; the schedule retrains at window 9 on windows 6-7
        // (labels land one window late, the newest labelled window, 8, is held out for the gate).
        DriftingStream stream = new DriftingStream(12, 400, 1, 7, List.of(new StreamEvent.CorruptedLabels(6, 7)));
        RetrainingLoop loop = new RetrainingLoop(SharedSpark.session(), stream, SETTINGS, AuditTrail.inMemory());
        Trigger every4 = new Trigger.Scheduled(4, 2);
        CheckedProgress progress = new CheckedProgress();
        progress.begin("loop", loop.servedWindows());
        List<StrategyRun> runs = loop.run(List.of(new Strategy(Strategy.Kind.SCHEDULED, every4, false),
                new Strategy(Strategy.Kind.SCHEDULED, every4, true)), progress);
        progress.end();
        progress.assertEveryTaskCompleted();
        StrategyRun blind = runs.get(0);
        StrategyRun gated = runs.get(1);

        Attempt deployed = blind.attempts().stream().filter(a -> a.window() == 9).findFirst().orElseThrow();
        assertEquals(List.of("corrupted-labels@6", "corrupted-labels@7"), deployed.hazards());
        assertEquals(Attempt.Decision.DEPLOYED, deployed.decision());
        assertEquals(Attempt.Outcome.WORSE, deployed.outcome());
        assertTrue(deployed.aucDelta() < -0.3, "a model trained on inverted labels ranks backwards: " + deployed.aucDelta());
        for (int w = 10; w < 12; w++) {
            assertTrue(blind.at(w).auc() < 0.35 && gated.at(w).auc() > 0.7, "window " + w + ": blind "
                    + blind.at(w).auc() + " vs gated " + gated.at(w).auc());
        }

        Attempt refused = gated.attempts().stream().filter(a -> a.window() == 9).findFirst().orElseThrow();
        assertEquals(Attempt.Decision.REFUSED, refused.decision(), refused.gateReason());
        assertEquals(8, refused.validationWindow());
        assertTrue(refused.challengerMetric() > refused.championMetric(), "the challenger's log loss on clean window 8 is"
                + " worse: " + refused.gateReason());
        assertEquals(1, gated.stopped());
        assertEquals(1, blind.harmful());
        assertEquals(deployed.model(), refused.model(), "both strategies fired at window 9 and share one fit");
        assertEquals(2, loop.batchFits(), "windows 5 and 9, each fitted once for both strategies");
    }

    @Test
    void twoRunsOfOneSeedMakeTheSameDecisions() {
        DriftingStream stream = new DriftingStream(10, 300, 1, 11, List.of(new StreamEvent.TransientAnomaly(3),
                new StreamEvent.ConceptDrift(1.2, 5), new StreamEvent.SuddenCovariateDrift(1.5, 6)));
        double threshold = 0.75;
        List<Strategy> strategies = List.of(
                new Strategy(Strategy.Kind.DRIFT, new Trigger.OnDrift(DriftRule.anyColumn(DriftRule.Metric.PSI, 0.2)), true),
                new Strategy(Strategy.Kind.PERFORMANCE, new Trigger.OnPerformance(MetricViolationRule.below(threshold)), false),
                new Strategy(Strategy.Kind.ONLINE, new Trigger.EveryWindow(), true));
        List<StrategyRun> first = new RetrainingLoop(SharedSpark.session(), stream, SETTINGS, AuditTrail.inMemory())
                .run(strategies, Progress.none());
        List<StrategyRun> second = new RetrainingLoop(SharedSpark.session(), stream, SETTINGS, AuditTrail.inMemory())
                .run(strategies, Progress.none());
        for (int i = 0; i < strategies.size(); i++) {
            assertEquals(first.get(i).attempts(), second.get(i).attempts(), strategies.get(i).name());
            assertEquals(first.get(i).served(), second.get(i).served(), strategies.get(i).name());
            assertEquals(first.get(i).rollbacks(), second.get(i).rollbacks(), strategies.get(i).name());
        }
        assertTrue(first.stream().allMatch(r -> !r.attempts().isEmpty()), "every strategy retrained: " + first);
    }

    @Test
    void driverScoringIsWhatSparkComputesForBothKindsOfModel() {
        SparkSession spark = SharedSpark.session();
        DriftingStream stream = new DriftingStream(4, 300, 0, 3, List.of());
        List<StreamWindow> ws = List.of(stream.window(0), stream.window(1));
        TrainedModel batch = new BatchTrainer(spark, 100).fit(ws);
        OnlineLearner learner = new OnlineLearner(spark, batch, ws, 1.0, 3);
        learner.update(stream.window(2));
        TrainedModel online = learner.model();
        assertEquals("online-w2", online.id());
        StreamWindow w = stream.window(3);
        Dataset<Row> inputs = ChurnFrames.inputs(spark, w, w.size());
        List<Row> b = batch.pipeline().transform(inputs).select("probability").collectAsList();
        List<Row> o = online.pipeline().transform(inputs).select("probability_churn").collectAsList();
        double[] bs = batch.scorer().score(w.observed());
        double[] os = online.scorer().score(w.observed());
        for (int k = 0; k < w.size(); k++) {
            assertEquals(((Vector) b.get(k).get(0)).apply(1), bs[k], 1e-9);
            assertEquals(o.get(k).getDouble(0), os[k], 1e-9);
        }
        assertTrue(Quality.of(os, w.truth()).auc() > 0.7, "the online update keeps a useful model");
    }
}
