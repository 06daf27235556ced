package dev.mlsandbox.retraining.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import dev.mlsandbox.retraining.AuditTrail;
import dev.mlsandbox.retraining.ChurnFrames;
import dev.mlsandbox.retraining.DriftingStream;
import dev.mlsandbox.retraining.LogisticScorer;
import dev.mlsandbox.retraining.OnlineLearner;
import dev.mlsandbox.retraining.Strategy;
import dev.mlsandbox.retraining.TrainedModel;
import dev.mlsandbox.retraining.Trigger;
import dev.mlsandbox.testing.SharedSpark;

/** The audit trail on a real registry matches the in-memory one: numbers, tags, aliases, rollback. */
class RegistryAuditTrailTest {

    @Test
    void versionsAliasesAndRollbackAsTheInMemoryTrailKeepsThem() {
        SparkSession spark = SharedSpark.session();
        DriftingStream stream = new DriftingStream(2, 100, 0, 1, List.of());
        TrainedModel a = model(spark, "online-w1", 0.1);
        TrainedModel b = model(spark, "online-w2", 0.2);
        Strategy s = new Strategy(Strategy.Kind.ONLINE, new Trigger.EveryWindow(), true);
        AuditTrail memory = AuditTrail.inMemory();
        try (RegistryAuditTrail registry = new RegistryAuditTrail("main.test", ChurnFrames.inputs(spark, stream.window(0), 3))) {
            for (AuditTrail t : List.of(memory, registry)) {
                assertEquals(1, t.start(s, a, Map.of("model_validation_status", "INITIAL")));
                assertEquals(2, t.register(s, b, Map.of("model_validation_status", "PASSED")));
                t.promote(s, 2);
                assertEquals(3, t.register(s, a, Map.of("model_validation_status", "FAILED")));
                assertEquals(1, t.rollback(s), "@champion back at the version before the promotion");
            }
            List<AuditTrail.VersionRecord> fromRegistry = registry.history(s);
            List<AuditTrail.VersionRecord> fromMemory = memory.history(s);
            assertEquals(fromMemory.stream().map(AuditTrail.VersionRecord::aliases).toList(),
                    fromRegistry.stream().map(AuditTrail.VersionRecord::aliases).toList());
            assertEquals(List.of(List.of("champion"), List.of(), List.of("challenger")),
                    fromRegistry.stream().map(AuditTrail.VersionRecord::aliases).toList());
            assertEquals("FAILED", fromRegistry.get(2).tags().get("model_validation_status"));
            assertEquals(2, registry.artifacts(), "model a is logged once although two versions use it");
            assertEquals(fromRegistry.get(0).source(), fromRegistry.get(2).source());
            assertTrue(fromRegistry.get(1).source().startsWith("runs:/"), fromRegistry.get(1).source());
            assertEquals("main.test.online_gated", registry.modelName(s));
        }
    }

    private static TrainedModel model(SparkSession spark, String id, double w) {
        LogisticScorer scorer = new LogisticScorer(-1, new double[] {w, 0.01, 0, 0.4, -0.3});
        return new TrainedModel(id, "online", 0, 1, scorer, OnlineLearner.pipeline(spark, scorer));
    }
}
