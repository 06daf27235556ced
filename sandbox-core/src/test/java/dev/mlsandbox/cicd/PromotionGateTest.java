package dev.mlsandbox.cicd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlsandbox.bundle.BundleLoader;
import dev.mlsandbox.bundle.BundleOptions;
import dev.mlsandbox.bundle.model.Job;
import dev.mlsandbox.bundle.run.JobRunResult;
import dev.mlsandbox.bundle.run.JobRunner;
import dev.mlsandbox.bundle.run.ResultState;
import dev.mlsandbox.bundle.run.RunListener;
import dev.mlsandbox.bundle.run.ServerConnection;
import dev.mlsandbox.lab.LabContext;
import dev.mlsandbox.registry.ChampionChallenger;
import dev.mlsandbox.registry.Registry;
import dev.mlsandbox.registry.server.RegistryOptions;
import dev.mlsandbox.registry.server.RegistryServer;
import dev.mlsandbox.testing.SharedSpark;
import dev.mlsandbox.tracking.TrackingServer;

/** The training job's train and gate tasks against a real server: the first model passes, a worse one is refused. */
class PromotionGateTest {

    static final String MODEL = "main.ml.churn";

    @TempDir
    Path dir;

    private Job job(String features) throws Exception {
        Path root = Files.createDirectories(dir.resolve("bundle-" + features));
        Files.writeString(root.resolve("databricks.yml"), """
                bundle: {name: gate}
                resources:
                  jobs:
                    train:
                      tasks:
                        - task_key: train
                          existing_cluster_id: local
                          spark_jar_task:
                            main_class_name: dev.mlsandbox.cicd.TrainChallenger
                            parameters: ["model=%s", "experiment=/Shared/gate", "rows=800", "features=%s"]
                        - task_key: gate
                          depends_on: [{task_key: train}]
                          existing_cluster_id: local
                          spark_jar_task:
                            main_class_name: dev.mlsandbox.cicd.PromotionGate
                            parameters: ["model=%s", "rows=600", "min_improvement=0.01"]
                """.formatted(MODEL, features, MODEL));
        return BundleLoader.load(new BundleOptions(root, null, List.of(), Map.of(), "jane")).orThrow().jobs().get("train");
    }

    @Test
    void theFirstModelBecomesChampionAndAWorseOneIsRefusedLeavingTheAlias() throws Exception {
        Path store = Files.createDirectories(dir.resolve("server"));
        TrackingServer.Builder b = TrackingServer.builder().port(0).storeIn(store);
        RegistryServer.install(b, RegistryOptions.unityCatalog(TrackingServer.artifactsIn(store)));
        try (TrackingServer server = b.build().start(); Registry registry = Registry.connect(server.uri())) {
            registry.createModel(MODEL, "deployed by the bundle");
            JobRunner runner = new JobRunner(() -> new LabContext(SharedSpark.session(), null), dir.resolve("out"),
                    RunListener.NONE, ServerConnection.of(server.uri()));

            JobRunResult first = runner.run(job("all"), "1", 1, Map.of());
            assertEquals(ResultState.SUCCESS, first.result(), first.stateMessage() + first.task("train").trace()
                    + first.task("gate").trace());
            assertEquals("1", first.task("train").values().get("version"));
            assertEquals("true", first.task("gate").values().get("passed"));
            assertTrue(first.task("gate").values().get("reason").startsWith("no champion yet: version 1 becomes champion"));
            assertEquals(1, registry.versionByAlias(MODEL, ChampionChallenger.CHAMPION).version());

            JobRunResult worse = runner.run(job("plan_region"), "1", 2, Map.of());
            assertEquals(ResultState.FAILED, worse.result());
            assertEquals(ResultState.SUCCESS, worse.task("train").result());
            String reason = worse.task("gate").message();
            assertTrue(reason.matches("main\\.ml\\.churn: challenger v2 areaUnderROC 0\\.\\d{4} < champion v1 0\\.\\d{4}"
                    + " \\+ 0\\.0100: gate stops it, champion stays"), reason);
            assertTrue(worse.stateMessage().startsWith("Task gate failed with message: "), worse.stateMessage());
            assertEquals("false", worse.task("gate").values().get("passed"), "the refused gate's values stay in the record");
            double challenger = Double.parseDouble(worse.task("gate").values().get("challenger_metric"));
            double champion = Double.parseDouble(worse.task("gate").values().get("champion_metric"));
            assertTrue(challenger < champion - 0.05, challenger + " vs " + champion);
            assertEquals(1, registry.versionByAlias(MODEL, ChampionChallenger.CHAMPION).version(), "the alias did not move");
            assertEquals(2, registry.versionByAlias(MODEL, ChampionChallenger.CHALLENGER).version());
        }
    }

    @Test
    void aTaskWithoutItsModelOrWithAnUnknownParameterFailsBeforeSparkStarts() throws Exception {
        Path root = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(root.resolve("databricks.yml"), """
                bundle: {name: gate}
                resources:
                  jobs:
                    j:
                      tasks:
                        - task_key: gate
                          existing_cluster_id: local
                          spark_jar_task: {main_class_name: dev.mlsandbox.cicd.PromotionGate, parameters: ["min_improvment=0.1"]}
                        - task_key: train
                          existing_cluster_id: local
                          spark_jar_task: {main_class_name: dev.mlsandbox.cicd.TrainChallenger, parameters: ["model=a.b.c", "sed=3"]}
                """);
        Job job = BundleLoader.load(new BundleOptions(root, null, List.of(), Map.of(), "jane")).orThrow().jobs().get("j");
        JobRunResult r = new JobRunner(() -> {
            throw new AssertionError("no Spark for a refused parameter");
        }, dir.resolve("out"), RunListener.NONE).run(job, "1", 1, Map.of());
        assertTrue(r.task("gate").message().contains("PromotionGate needs the parameter model=..."), r.task("gate").message());
        assertTrue(r.task("train").message().contains("TrainChallenger has no parameter 'sed'; its parameters are [experiment,"
                + " experiment_id, features, model, rows, seed]"), r.task("train").message());
    }
}
