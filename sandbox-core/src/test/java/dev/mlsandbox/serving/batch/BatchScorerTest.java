package dev.mlsandbox.serving.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.tracking.MlflowClient;

import dev.mlsandbox.registry.Registry;
import dev.mlsandbox.registry.server.RegistryOptions;
import dev.mlsandbox.registry.server.RegistryServer;
import dev.mlsandbox.registry.signature.ModelSignature;
import dev.mlsandbox.serving.scorer.FittedPipelines;
import dev.mlsandbox.spark.ChurnData;
import dev.mlsandbox.tracking.TrackingServer;

class BatchScorerTest {

    static final String MODEL = "main.ml.churn";

    static Dataset<Row> inputs() {
        return FittedPipelines.training().na().drop().drop(ChurnData.ID, ChurnData.LABEL, "segment");
    }

    @Test
    void batchScoringFollowsAnAliasMoveAtOnce(@TempDir Path dir) throws Exception {
        PipelineModel forest = FittedPipelines.studyGuide();
        PipelineModel logistic = FittedPipelines.featureEngineering();
        Dataset<Row> table = inputs();
        TrackingServer.Builder builder = TrackingServer.builder().port(0).storeIn(dir);
        RegistryServer.install(builder, RegistryOptions.unityCatalog(TrackingServer.artifactsIn(dir)));
        try (TrackingServer server = builder.build().start();
                MlflowClient mlflow = new MlflowClient(server.uri().toString())) {
            Registry registry = Registry.connect(server.uri());
            String experiment = mlflow.createExperiment("batch-scoring");
            registry.createModel(MODEL, "churn");
            for (PipelineModel model : List.of(forest, logistic)) {
                String run = mlflow.createRun(experiment).getRunId();
                ModelSignature signature = ModelSignature.infer(table, model.transform(table).select("prediction"));
                registry.createVersion(MODEL, registry.logSparkModel(run, "model", model, signature, table.limit(5)), run);
            }
            registry.setAlias(MODEL, "champion", 1);
            BatchScorer batch = new BatchScorer(registry, dir.resolve("cache"));

            BatchScore first = batch.score("models:/" + MODEL + "@champion", table);
            assertEquals(1, first.version());
            assertEquals(predictions(forest.transform(table)), predictions(first.predictions()));

            registry.setAlias(MODEL, "champion", 2); // a promotion: the next batch uses version 2 at once
            BatchScore second = batch.score("models:/" + MODEL + "@champion", table);
            assertEquals(2, second.version());
            assertEquals(predictions(logistic.transform(table)), predictions(second.predictions()));
            assertNotEquals(predictions(first.predictions()), predictions(second.predictions()));

            registry.setAlias(MODEL, "champion", 1); // a rollback, also at once
            assertEquals(1, batch.score("models:/" + MODEL + "@champion", table).version());
        }
    }

    @Test
    void throughputIsMeasuredThreeWays() {
        ScoringThroughput t = ScoringThroughput.measure(FittedPipelines.featureEngineering(), inputs().limit(500));
        assertTrue(t.rows() > 400, "rows " + t.rows());
        assertTrue(t.sparkBatchRowsPerSecond() > 0 && t.perRecordRowsPerSecond() > 0 && t.wholeTableRowsPerSecond() > 0);
    }

    private static List<Row> predictions(Dataset<Row> scored) {
        return scored.select("prediction").collectAsList();
    }
}
