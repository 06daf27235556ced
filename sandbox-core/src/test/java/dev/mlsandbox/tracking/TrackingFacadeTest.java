package dev.mlsandbox.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunStatus;
import dev.mlsandbox.testing.StoreBackend;

/** The Tracking facade's pure-Java artifacts and the RunLogger hook the labs use. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreBackend.class)
class TrackingFacadeTest {
    @Parameter
    StoreBackend backend;

    static ServerFixture fx;
    static Tracking tracking;

    @BeforeParameterizedClassInvocation
    static void start(StoreBackend backend) throws Exception {
        fx = new ServerFixture(backend);
        tracking = Tracking.connect(fx.server.uri());
    }

    @AfterParameterizedClassInvocation
    static void stop() throws Exception {
        // fx is null when the back end was skipped
        if (fx != null) {
            tracking.close();
            fx.close();
            fx = null;
        }
    }

    @Test
    void artifactsRoundTripInPlainJava() throws Exception {
        String exp = tracking.experiment("facade");
        assertEquals(exp, tracking.experiment("facade"), "get-or-create");
        String run = tracking.startRun(exp, "artifacts", Map.of("team", "a")).getRunId();
        Path local = fx.dir.resolve("local");
        Files.createDirectories(local.resolve("plots"));
        Files.writeString(local.resolve("model.txt"), "weights");
        Files.writeString(local.resolve("plots/roc curve.svg"), "<svg/>");
        tracking.logArtifacts(run, local, "bundle");
        tracking.logArtifact(run, local.resolve("model.txt"), null);
        tracking.logText(run, "{\"auc\":0.9}", "report/report.json");

        List<Tracking.ArtifactEntry> top = tracking.listArtifacts(run, null);
        assertEquals(List.of("bundle", "model.txt", "report"), top.stream().map(Tracking.ArtifactEntry::path).toList());
        List<Tracking.ArtifactEntry> plots = tracking.listArtifacts(run, "bundle/plots");
        assertEquals("bundle/plots/roc curve.svg", plots.get(0).path());
        assertEquals(6L, plots.get(0).size());
        assertEquals("{\"auc\":0.9}", new String(tracking.readArtifact(run, "report/report.json"), StandardCharsets.UTF_8));

        Path down = tracking.downloadArtifacts(run, "bundle", fx.dir.resolve("download"));
        assertEquals("weights", Files.readString(down.resolve("model.txt")));
        assertEquals("<svg/>", Files.readString(down.resolve("plots/roc curve.svg")));
        Tracking.TrackingException missing = assertThrows(Tracking.TrackingException.class,
                () -> tracking.readArtifact(run, "nope.txt"));
        assertEquals(404, missing.status());
    }

    @Test
    void runLoggerLogsAndFinishes() {
        RunLogger logger = RunLogger.to(fx.server.uri());
        assertTrue(logger.enabled());
        String runId;
        try (LoggedRun run = logger.start("lab-pipeline", "pipeline-seed-42", Map.of("lab", "pipeline"))) {
            run.params(Map.of("maxDepth", "5", "seed", "42"));
            for (int fold = 0; fold < 3; fold++) {
                run.metrics(Map.of("auc", 0.8 + fold / 100.0), fold);
            }
            run.text("report.md", "# report");
            runId = run.runId().orElseThrow();
            assertTrue(run.link().orElseThrow().contains(runId));
        }
        Run logged = fx.client.getRun(runId);
        assertEquals(RunStatus.FINISHED, logged.getInfo().getStatus());
        assertEquals(2, logged.getData().getParamsCount());
        assertEquals(3, fx.client.getMetricHistory(runId, "auc").size());
        assertEquals(0.82, logged.getData().getMetrics(0).getValue(), 1e-12);

        LoggedRun off = RunLogger.none().start("x", "y", Map.of());
        assertFalse(off.enabled());
        off.params(Map.of("a", "b")).metric("m", 1, 0).text("f", "t").close();
    }

    @Test
    void unreachableServerFailsWithTheUri() {
        RunLogger dead = RunLogger.to(java.net.URI.create("http://127.0.0.1:1"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> dead.start("x", "y", Map.of()));
        assertTrue(e.getMessage().contains("http://127.0.0.1:1"), e.getMessage());
    }
}
