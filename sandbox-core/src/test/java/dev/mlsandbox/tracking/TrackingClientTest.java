package dev.mlsandbox.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlflow.api.proto.Service.Experiment;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.api.proto.Service.ViewType;
import org.mlflow.tracking.ExperimentsPage;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowHttpException;
import dev.mlsandbox.testing.StoreBackend;

/** The real MLflow Java client against the embedded server: experiments, runs, logging, rules. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreBackend.class)
class TrackingClientTest {
    @Parameter
    StoreBackend backend;

    static ServerFixture fx;
    static MlflowClient client;

    @BeforeParameterizedClassInvocation
    static void start(StoreBackend backend) throws Exception {
        fx = new ServerFixture(backend);
        client = fx.client;
    }

    @AfterParameterizedClassInvocation
    static void stop() throws Exception {
        // fx is null when the back end was skipped
        if (fx != null) {
            fx.close();
            fx = null;
        }
    }

    static MlflowHttpException httpError(Runnable r) {
        return assertThrows(MlflowHttpException.class, r::run);
    }

    @Test
    void experimentLifecycle() {
        String id = client.createExperiment("team-a/churn");
        Experiment e = client.getExperiment(id);
        assertEquals("team-a/churn", e.getName());
        assertEquals("active", e.getLifecycleStage());
        assertEquals("mlflow-artifacts:/" + id, e.getArtifactLocation());
        assertTrue(e.getCreationTime() > 0);
        assertEquals(id, client.getExperimentByName("team-a/churn").orElseThrow().getExperimentId());
        assertTrue(client.getExperimentByName("no-such-experiment").isEmpty());

        MlflowHttpException dup = httpError(() -> client.createExperiment("team-a/churn"));
        assertEquals(400, dup.getStatusCode());
        assertTrue(dup.getBodyMessage().contains("RESOURCE_ALREADY_EXISTS"), dup.getBodyMessage());

        client.renameExperiment(id, "team-a/churn-v2");
        assertEquals("team-a/churn-v2", client.getExperiment(id).getName());

        client.setExperimentTag(id, "team", "a");
        assertEquals("a", client.getExperiment(id).getTagsList().get(0).getValue());

        client.deleteExperiment(id);
        assertEquals("deleted", client.getExperiment(id).getLifecycleStage());
        MlflowHttpException runInDeleted = httpError(() -> client.createRun(id));
        assertEquals(400, runInDeleted.getStatusCode());
        client.restoreExperiment(id);
        assertEquals("active", client.getExperiment(id).getLifecycleStage());

        MlflowHttpException missing = httpError(() -> client.getExperiment("987654"));
        assertEquals(404, missing.getStatusCode());
        assertTrue(missing.getBodyMessage().contains("RESOURCE_DOES_NOT_EXIST"));
    }

    @Test
    void defaultExperimentExists() {
        assertEquals("Default", client.getExperiment("0").getName());
        RunInfo run = client.createRun();
        assertEquals("0", run.getExperimentId());
    }

    @Test
    void runLoggingAndHistory() {
        String exp = client.createExperiment("logging");
        RunInfo info = client.createRun(exp);
        String runId = info.getRunId();
        assertEquals("RUNNING", info.getStatus().name());
        assertEquals("mlflow-artifacts:/" + exp + "/" + runId + "/artifacts", info.getArtifactUri());

        client.logParam(runId, "max_depth", "5");
        client.logParam(runId, "max_depth", "5"); // same value again: fine
        client.logMetric(runId, "rmse", 0.9, 1000, 0);
        client.logMetric(runId, "rmse", 0.5, 1001, 2);
        client.logMetric(runId, "rmse", 0.7, 1002, 1); // lower step, later: not the latest
        client.logMetric(runId, "nan_metric", Double.NaN, 1000, 0);
        client.setTag(runId, "team", "a");
        client.setTag(runId, "tmp", "x");
        client.deleteTag(runId, "tmp");

        Run run = client.getRun(runId);
        Map<String, Double> latest = run.getData().getMetricsList().stream()
                .collect(Collectors.toMap(Metric::getKey, Metric::getValue));
        assertEquals(0.5, latest.get("rmse"), "latest = highest step");
        assertTrue(Double.isNaN(latest.get("nan_metric")));
        assertEquals("5", run.getData().getParams(0).getValue());
        List<String> tagKeys = run.getData().getTagsList().stream().map(RunTag::getKey).toList();
        assertTrue(tagKeys.contains("team"));
        assertFalse(tagKeys.contains("tmp"));

        List<Metric> history = client.getMetricHistory(runId, "rmse");
        assertEquals(List.of(0L, 1L, 2L), history.stream().map(Metric::getStep).toList(), "history keeps every point");

        MlflowHttpException rewrite = httpError(() -> client.logParam(runId, "max_depth", "6"));
        assertEquals(400, rewrite.getStatusCode());
        assertTrue(rewrite.getBodyMessage().contains("INVALID_PARAMETER_VALUE"));
        assertTrue(rewrite.getBodyMessage().contains("max_depth"));

        MlflowHttpException deleteMissingTag = httpError(() -> client.deleteTag(runId, "never-set"));
        assertEquals(404, deleteMissingTag.getStatusCode());

        client.setTerminated(runId, RunStatus.FINISHED, 5000);
        RunInfo done = client.getRun(runId).getInfo();
        assertEquals(RunStatus.FINISHED, done.getStatus());
        assertEquals(5000, done.getEndTime());

        client.deleteRun(runId);
        assertEquals("deleted", client.getRun(runId).getInfo().getLifecycleStage());
        MlflowHttpException logDeleted = httpError(() -> client.logMetric(runId, "rmse", 1.0));
        assertEquals(400, logDeleted.getStatusCode());
        client.restoreRun(runId);
        client.logMetric(runId, "rmse", 1.0, 2000, 3);
        assertEquals(4, client.getMetricHistory(runId, "rmse").size());

        MlflowHttpException missingRun = httpError(() -> client.getRun("0123456789abcdef0123456789abcdef"));
        assertEquals(404, missingRun.getStatusCode());
    }

    @Test
    void logBatchIsAllOrNothingAndLimited() {
        String runId = client.createRun(client.createExperiment("batch")).getRunId();
        List<Metric> metrics = new ArrayList<>();
        for (int i = 0; i < 998; i++) { // 998 + 1 param + 1 tag = the 1000-entity limit
            metrics.add(Metric.newBuilder().setKey("loss").setValue(1.0 / (i + 1)).setTimestamp(i).setStep(i).build());
        }
        client.logBatch(runId, metrics, List.of(Param.newBuilder().setKey("lr").setValue("0.1").build()),
                List.of(RunTag.newBuilder().setKey("kind").setValue("batch").build()));
        assertEquals(998, client.getMetricHistory(runId, "loss").size());

        List<Metric> tooMany = new ArrayList<>(metrics);
        tooMany.addAll(metrics.subList(0, 3));
        MlflowHttpException over = httpError(() -> client.logBatch(runId, tooMany, List.of(), List.of()));
        assertEquals(400, over.getStatusCode());
        assertTrue(over.getBodyMessage().contains("at most 1000 metrics"), over.getBodyMessage());

        // A batch whose param rewrites an existing one writes nothing, not even its metrics.
        MlflowHttpException refused = httpError(() -> client.logBatch(runId,
                List.of(Metric.newBuilder().setKey("other").setValue(1).setTimestamp(1).setStep(0).build()),
                List.of(Param.newBuilder().setKey("lr").setValue("0.2").build()), List.of()));
        assertEquals(400, refused.getStatusCode());
        assertTrue(client.getMetricHistory(runId, "other").isEmpty(), "a refused batch wrote a metric");

        List<Param> params = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            params.add(Param.newBuilder().setKey("p" + i).setValue("v").build());
        }
        assertEquals(400, httpError(() -> client.logBatch(runId, List.of(), params, List.of())).getStatusCode());
        String longValue = "x".repeat(6001);
        assertEquals(400, httpError(() -> client.logParam(runId, "long", longValue)).getStatusCode());
        assertEquals(400, httpError(() -> client.logMetric(runId, "../escape", 1.0)).getStatusCode());
    }

    @Test
    void searchExperimentsByNameAndTag() {
        String a = client.createExperiment("search-exp/alpha");
        String b = client.createExperiment("search-exp/beta");
        client.createExperiment("other-exp");
        client.setExperimentTag(a, "owner", "ana");
        ExperimentsPage page = client.searchExperiments("name LIKE 'search-exp/%'");
        List<String> names = page.getItems().stream().map(Experiment::getName).toList();
        assertEquals(2, names.size(), names.toString());
        ExperimentsPage tagged = client.searchExperiments("tags.owner = 'ana'");
        assertEquals(List.of(a), tagged.getItems().stream().map(Experiment::getExperimentId).toList());

        client.deleteExperiment(b);
        assertEquals(1, client.searchExperiments("name LIKE 'search-exp/%'").getItems().size());
        ExperimentsPage deleted = client.searchExperiments("name LIKE 'search-exp/%'", ViewType.DELETED_ONLY, 10, List.of());
        assertEquals(List.of(b), deleted.getItems().stream().map(Experiment::getExperimentId).toList());
        ExperimentsPage ordered = client.searchExperiments("name ILIKE 'SEARCH-EXP/%'", ViewType.ALL, 1, List.of("name ASC"));
        assertEquals("search-exp/alpha", ordered.getItems().get(0).getName());
        assertTrue(ordered.getNextPageToken().isPresent());
        ExperimentsPage second = (ExperimentsPage) ordered.getNextPage();
        assertEquals("search-exp/beta", second.getItems().get(0).getName());
        assertNotNull(second);
    }
}
