package dev.mlsandbox.tuning.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.tracking.MlflowClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mlsandbox.lab.BuildInfo;
import dev.mlsandbox.lab.LabContext;
import dev.mlsandbox.lab.Progress;
import dev.mlsandbox.testing.SharedSpark;
import dev.mlsandbox.tuning.CrossValidation;
import dev.mlsandbox.tuning.TuningGrid;
import dev.mlsandbox.lab.MlflowRun;
import dev.mlsandbox.tracking.RunLogger;
import dev.mlsandbox.tracking.Tracking;
import dev.mlsandbox.tracking.TrackingServer;

/** With a tracking URI the tuning lab logs per-fold metrics per param map; read back with the real client. */
class TuningTrackingTest {

    @Test
    void perFoldMetricsPerParamMapMeanStdTagsAndTheReport(@TempDir Path dir) throws Exception {
        try (TrackingServer server = TrackingServer.builder().port(0).backendStoreUri("sqlite:///" + dir.resolve("mlruns.db"))
                .artifactsDestination(dir.resolve("artifacts")).build().start();
                MlflowClient client = new MlflowClient(server.uri().toString());
                Tracking tracking = Tracking.connect(server.uri())) {
            TuningLabOptions options = TuningLabOptions.defaults().withRows(300).withFolds(2)
                    .withGrid(TuningGrid.of(new TuningGrid.Axis("regParam", List.of(0.01, 0.3))))
                    .withStabilitySeeds(2).withMaxIter(3).withParallelism(1).withSweeps(false);
            TuningLabResult result = new TuningLab(options)
                    .run(new LabContext(SharedSpark.session(), Progress.none(), RunLogger.to(server.uri())));

            MlflowRun link = result.mlflowRun();
            assertNotNull(link);
            Run run = client.getRun(link.runId());
            assertEquals(RunStatus.FINISHED, run.getInfo().getStatus());
            assertEquals(TuningLab.NAME, client.getExperiment(link.experimentId()).getName());
            assertEquals(options.toParameters(),
                    run.getData().getParamsList().stream().collect(Collectors.toMap(Param::getKey, Param::getValue)));
            Map<String, String> tags = run.getData().getTagsList().stream().collect(Collectors.toMap(RunTag::getKey, RunTag::getValue));
            assertEquals("tuning", tags.get("sandbox.lab"));
            assertEquals(BuildInfo.sandboxVersion(), tags.get("sandbox.version"));
            assertEquals(Long.toString(options.seed()), tags.get("sandbox.seed"));
            assertEquals(result.crossValidation().best().label(), tags.get("cv.best"));

            Map<String, Double> latest = run.getData().getMetricsList().stream()
                    .collect(Collectors.toMap(Metric::getKey, Metric::getValue));
            for (CrossValidation.FoldScores s : result.crossValidation().paramMaps()) {
                String key = "cv/" + TuningTracking.key(s.params());
                List<Metric> history = client.getMetricHistory(link.runId(), key + "/fold");
                assertEquals(options.folds(), history.size(), key);
                for (Metric m : history) {
                    assertEquals(s.foldMetrics().get((int) m.getStep()), m.getValue(), key + " fold " + m.getStep());
                }
                assertEquals(s.mean(), latest.get(key + "/mean"));
                assertEquals(s.std(), latest.get(key + "/std"));
            }
            assertTrue(latest.containsKey("cv/regParam_0.01/mean"), latest.keySet().toString());
            assertEquals(result.cvTestScore(), latest.get("cv.testScore"));
            assertEquals(result.tvsTestScore(), latest.get("tvs.testScore"));

            assertEquals(Map.of("experimentId", link.experimentId(), "runId", link.runId(), "uri", link.uri()),
                    result.report().data().get(MlflowRun.DATA_KEY));
            JsonNode uploaded = new ObjectMapper().readTree(tracking.readArtifact(link.runId(), "report/report.json"));
            assertEquals(link.runId(), uploaded.path("mlflowRun").path("runId").asText());
        }
    }
}
