package dev.mlsandbox.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.tracking.MlflowClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mlsandbox.lab.LabContext;
import dev.mlsandbox.lab.LabOptions;
import dev.mlsandbox.lab.LabResult;
import dev.mlsandbox.lab.MlflowRun;
import dev.mlsandbox.lab.Progress;
import dev.mlsandbox.report.Report;
import dev.mlsandbox.report.Takeaway;
import dev.mlsandbox.tracking.RunLogger;
import dev.mlsandbox.tracking.Tracking;
import dev.mlsandbox.tracking.TrackingServer;

/**
 * An embedded tracking server for a lab test, and the check every lab's logged run must pass: the
 * lab family's contract that a run goes through {@code LabContext.logged}.
 */
public final class TrackedLabs implements AutoCloseable {

    private final TrackingServer server;
    private final MlflowClient client;
    private final Tracking tracking;

    private TrackedLabs(Path directory) {
        this.server = TrackingServer.builder().port(0).storeIn(directory).build().start();
        this.client = new MlflowClient(server.uri().toString());
        this.tracking = Tracking.connect(server.uri());
    }

    /** A server keeping its store and artifacts in {@code directory} (a test's {@code @TempDir}). */
    public static TrackedLabs in(Path directory) {
        return new TrackedLabs(directory);
    }

    /** The shared session, {@code progress}, and this server to log to. */
    public LabContext context(Progress progress) {
        return new LabContext(SharedSpark.session(), progress, RunLogger.to(server.uri()));
    }

    /**
     * The run {@code link} names exists and FINISHED in the experiment named after the lab, with the
     * options as params, the report's takeaways as metrics, and the report (linking back) as artifacts.
     */
    public void assertLogged(String lab, LabOptions options, LabResult result, MlflowRun link) throws IOException {
        assertNotNull(link, lab + ": the result names its run");
        Run run = client.getRun(link.runId());
        assertEquals(RunStatus.FINISHED, run.getInfo().getStatus(), lab);
        assertEquals(lab, client.getExperiment(link.experimentId()).getName());
        assertEquals(options.toParameters(), run.getData().getParamsList().stream()
                .collect(Collectors.toMap(Param::getKey, Param::getValue)), lab + ": params are the options' parameters");
        Map<String, Double> metrics = run.getData().getMetricsList().stream()
                .collect(Collectors.toMap(Metric::getKey, Metric::getValue));
        Report report = result.report();
        assertTrue(report.takeaways().size() > 0, lab);
        for (Takeaway t : report.takeaways()) {
            if (Double.isFinite(t.value())) {
                assertEquals(t.value(), metrics.get(t.measure()), lab + ": takeaway " + t.measure() + " as a metric");
            }
        }
        assertEquals(link.runId(), new ObjectMapper().readTree(tracking.readArtifact(link.runId(), "report/report.json"))
                .path(MlflowRun.DATA_KEY).path("runId").asText(), lab + ": the uploaded report links to its run");
    }

    @Override
    public void close() {
        tracking.close();
        client.close();
        server.close();
    }
}
