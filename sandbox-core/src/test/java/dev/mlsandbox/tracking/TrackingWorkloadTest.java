package dev.mlsandbox.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.api.proto.Service.ViewType;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowHttpException;
import org.mlflow.tracking.RunsPage;

import dev.mlsandbox.testing.StoreBackend;

/**
 * One client workload on each back end ({@code --backend-store-uri sqlite:///...} and {@code
 * postgresql://user:pass@host:5432/db}), driven by the real client: schema migration, write-once
 * params, all-or-nothing batches, the latest-metric rule (NaN kept in the history), search with
 * filter, order and pages, ILIKE/LIKE, delete and restore.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreBackend.class)
class TrackingWorkloadTest {

    @Parameter
    StoreBackend backend;

    @Test
    void theClientWorkload(@TempDir Path dir) throws Exception {
        try (StoreBackend.TestStore store = backend.freshStore(dir);
                TrackingServer server = TrackingServer.builder().port(0).backendStoreUri(store.uri())
                        .artifactsDestination(dir.resolve("artifacts")).build().start();
                MlflowClient client = new MlflowClient(server.uri().toString())) {
            assertEquals(backend.dialect(), server.store().database().dialect());
            String exp = client.createExperiment("pg-" + UUID.randomUUID());
            List<String> runs = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                RunInfo run = client.createRun(exp);
                runs.add(run.getRunId());
                client.logBatch(run.getRunId(),
                        List.of(metric("rmse", i / 10.0, 1, 0), metric("rmse", 99, 2, 1), metric("rmse", Double.NaN, 3, 0)),
                        List.of(Param.newBuilder().setKey("model").setValue(i % 2 == 0 ? "gbt" : "rf").build()),
                        List.of(RunTag.newBuilder().setKey("team").setValue("t" + (i % 3)).build()));
            }
            String first = runs.get(0);
            // latest = highest step: 99 at step 1; the history keeps all three points (NaN included)
            assertEquals(99.0, client.getRun(first).getData().getMetrics(0).getValue());
            assertEquals(3, client.getMetricHistory(first, "rmse").size());
            // params are write-once and a refused batch writes nothing
            MlflowHttpException refused = assertThrows(MlflowHttpException.class, () -> client.logBatch(first,
                    List.of(metric("mae", 1, 1, 0)), List.of(Param.newBuilder().setKey("model").setValue("lr").build()), List.of()));
            assertEquals(400, refused.getStatusCode());
            assertTrue(client.getMetricHistory(first, "mae").isEmpty());

            // search: filter, order, pages
            RunsPage page = client.searchRuns(List.of(exp), "params.model = 'gbt' AND tags.team != 't1'", ViewType.ACTIVE_ONLY, 2,
                    List.of("params.model ASC", "attributes.start_time DESC"), null);
            List<String> seen = new ArrayList<>();
            page.getItems().forEach(r -> seen.add(r.getInfo().getRunId()));
            while (page.hasNextPage()) {
                page = (RunsPage) page.getNextPage();
                page.getItems().forEach(r -> seen.add(r.getInfo().getRunId()));
            }
            assertEquals(4, seen.size(), "gbt runs (even i) not in team t1: i = 0, 2, 6, 8");
            assertEquals(12, client.searchRuns(List.of(exp), "metrics.rmse > 50").size());
            assertEquals(2, client.searchRuns(List.of(exp), "tags.team ILIKE 'T0' AND params.model LIKE 'g%'").size());

            client.deleteRun(first);
            assertEquals(11, client.searchRuns(List.of(exp), "").size());
            client.restoreRun(first);
            assertEquals(12, client.searchRuns(List.of(exp), "").size());
            assertNull(client.getExperimentByName("pg-missing-" + UUID.randomUUID()).orElse(null));
        }
    }

    private static Metric metric(String key, double value, long timestamp, long step) {
        return Metric.newBuilder().setKey(key).setValue(value).setTimestamp(timestamp).setStep(step).build();
    }
}
