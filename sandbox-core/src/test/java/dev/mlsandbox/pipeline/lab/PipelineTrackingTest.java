package dev.mlsandbox.pipeline.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
import dev.mlsandbox.lab.MlflowRun;
import dev.mlsandbox.tracking.RunLogger;
import dev.mlsandbox.tracking.Tracking;
import dev.mlsandbox.tracking.TrackingServer;

/** With a tracking URI the lab logs its run; checked through the real MLflow client. */
class PipelineTrackingTest {

    @Test
    void theLabLogsItsRunAndTheReportLinksToIt(@TempDir Path dir) throws Exception {
        try (TrackingServer server = TrackingServer.builder().port(0).backendStoreUri("sqlite:///" + dir.resolve("mlruns.db"))
                .artifactsDestination(dir.resolve("artifacts")).build().start();
                MlflowClient client = new MlflowClient(server.uri().toString());
                Tracking tracking = Tracking.connect(server.uri())) {
            PipelineLabOptions options = PipelineLabOptions.defaults().withRows(1_200).withNumTrees(4).withMaxDepth(3);
            PipelineLabResult result = new PipelineLab(options)
                    .run(new LabContext(SharedSpark.session(), Progress.none(), RunLogger.to(server.uri())));

            MlflowRun link = result.mlflowRun();
            assertNotNull(link, "the result names its run");
            Run run = client.getRun(link.runId());
            assertEquals(link.experimentId(), run.getInfo().getExperimentId());
            assertEquals(PipelineLab.NAME, client.getExperiment(link.experimentId()).getName());
            assertEquals(RunStatus.FINISHED, run.getInfo().getStatus());

            Map<String, String> params = run.getData().getParamsList().stream().collect(Collectors.toMap(Param::getKey, Param::getValue));
            assertEquals(options.toParameters(), params);
            Map<String, Double> metrics = run.getData().getMetricsList().stream()
                    .collect(Collectors.toMap(Metric::getKey, Metric::getValue));
            assertEquals(result.studyGuide().metricValue(), metrics.get("studyGuide.areaUnderROC"));
            assertEquals(result.featureEngineering().metricValue(), metrics.get("featureEngineering.areaUnderROC"));
            Map<String, String> tags = run.getData().getTagsList().stream().collect(Collectors.toMap(RunTag::getKey, RunTag::getValue));
            assertEquals("pipeline", tags.get("sandbox.lab"));
            assertEquals(BuildInfo.sandboxVersion(), tags.get("sandbox.version"));
            assertEquals(Long.toString(options.seed()), tags.get("sandbox.seed"));

            // the report links to the run, and the run holds the report
            Map<String, Object> data = result.report().data();
            assertEquals(Map.of("experimentId", link.experimentId(), "runId", link.runId(), "uri", link.uri()),
                    data.get(MlflowRun.DATA_KEY));
            assertTrue(link.uri().startsWith(server.uri() + "/#/experiments/" + link.experimentId() + "/runs/" + link.runId()),
                    link.uri());
            JsonNode uploaded = new ObjectMapper().readTree(tracking.readArtifact(link.runId(), "report/report.json"));
            assertEquals(link.runId(), uploaded.path("mlflowRun").path("runId").asText());
            String markdown = new String(tracking.readArtifact(link.runId(), "report/report.md"), StandardCharsets.UTF_8);
            assertTrue(markdown.contains(link.uri()), "the report has a line with the run's link");
            assertTrue(tracking.readArtifact(link.runId(), "report/report.html").length > 0);
        }
    }
}
