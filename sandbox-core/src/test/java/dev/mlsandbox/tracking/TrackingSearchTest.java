package dev.mlsandbox.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
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

/** runs/search through the real client: the grammar, ordering, pagination, view types. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreBackend.class)
class TrackingSearchTest {
    @Parameter
    StoreBackend backend;

    static ServerFixture fx;
    static MlflowClient client;
    static String exp;
    static List<String> ids = new ArrayList<>();

    /** Ten runs: rmse = 0.1 * i, model alternates gbt/rf, team tag on even runs only. */
    @BeforeParameterizedClassInvocation
    static void seed(StoreBackend backend) throws Exception {
        ids.clear();
        fx = new ServerFixture(backend);
        client = fx.client;
        exp = client.createExperiment("search");
        for (int i = 0; i < 10; i++) {
            RunInfo run = client.createRun(org.mlflow.api.proto.Service.CreateRun.newBuilder().setExperimentId(exp)
                    .setStartTime(1000 + i).setRunName("run-" + i).build());
            List<RunTag> tags = new ArrayList<>();
            if (i % 2 == 0) {
                tags.add(RunTag.newBuilder().setKey("team").setValue(i < 5 ? "Fraud" : "churn").build());
            }
            client.logBatch(run.getRunId(),
                    List.of(Metric.newBuilder().setKey("rmse").setValue(0.1 * i).setTimestamp(1).setStep(0).build(),
                            Metric.newBuilder().setKey("val loss").setValue(1 - 0.1 * i).setTimestamp(1).setStep(0).build()),
                    List.of(Param.newBuilder().setKey("model").setValue(i % 2 == 0 ? "gbt" : "rf").build(),
                            Param.newBuilder().setKey("max_depth").setValue(Integer.toString(i)).build()),
                    tags);
            ids.add(run.getRunId());
        }
    }

    @AfterParameterizedClassInvocation
    static void stop() throws Exception {
        // fx is null when the back end was skipped
        if (fx != null) {
            fx.close();
            fx = null;
        }
    }

    static Set<String> search(String filter) {
        return new HashSet<>(client.searchRuns(List.of(exp), filter).stream().map(RunInfo::getRunId).toList());
    }

    static Set<String> runs(int... idx) {
        Set<String> s = new HashSet<>();
        for (int i : idx) {
            s.add(ids.get(i));
        }
        return s;
    }

    @Test
    void metricComparators() {
        assertEquals(runs(7, 8, 9), search("metrics.rmse > 0.65"));
        assertEquals(runs(0, 1, 2), search("metrics.rmse <= 0.2"));
        assertEquals(runs(0), search("metrics.rmse = 0"));
        assertEquals(9, search("metrics.rmse != 0").size());
        assertEquals(runs(0, 1), search("metrics.`val loss` > 0.85"), "backticked names");
        assertEquals(runs(0, 1), search("metrics.\"val loss\" > 0.85"), "double-quoted names");
    }

    @Test
    void paramsTagsAndAnd() {
        assertEquals(runs(0, 2, 4, 6, 8), search("params.model = 'gbt'"));
        assertEquals(runs(6, 8), search("params.model = 'gbt' and metrics.rmse > 0.5"));
        assertEquals(runs(0, 2, 4), search("tags.team = 'Fraud'"));
        assertEquals(runs(), search("tags.team LIKE 'fr%'"), "LIKE is case-sensitive");
        assertEquals(runs(0, 2, 4), search("tags.team ILIKE 'fr%'"));
        assertEquals(runs(6, 8), search("tags.team != 'Fraud'"), "a run missing the tag never matches, not even !=");
        assertEquals(runs(), search("params.nonexistent != 'x'"));
        assertEquals(runs(1, 3, 5, 7, 9), search("params.model LIKE '_f'"));
    }

    @Test
    void attributes() {
        assertEquals(runs(3), search("attributes.run_name = 'run-3'"));
        assertEquals(runs(2, 5), search("attributes.run_id IN ('" + ids.get(2) + "', '" + ids.get(5) + "')"));
        assertEquals(8, search("attributes.run_id NOT IN ('" + ids.get(2) + "', '" + ids.get(5) + "')").size());
        assertEquals(runs(8, 9), search("attributes.start_time >= 1008"));
        assertEquals(10, search("attributes.status = 'RUNNING'").size());
        assertEquals(runs(4), search("run_name = 'run-4'"), "bare identifiers are attributes");
    }

    @Test
    void orderByAndPagination() {
        RunsPage first = client.searchRuns(List.of(exp), "", ViewType.ACTIVE_ONLY, 4, List.of("metrics.rmse DESC"));
        assertEquals(List.of(ids.get(9), ids.get(8), ids.get(7), ids.get(6)), first.getItems().stream().map(r -> r.getInfo().getRunId()).toList());
        assertTrue(first.getNextPageToken().isPresent());
        List<String> all = new ArrayList<>(first.getItems().stream().map(r -> r.getInfo().getRunId()).toList());
        RunsPage page = first;
        while (page.hasNextPage()) {
            page = (RunsPage) page.getNextPage();
            all.addAll(page.getItems().stream().map(r -> r.getInfo().getRunId()).toList());
        }
        assertEquals(10, all.size());
        assertEquals(10, new HashSet<>(all).size(), "pages overlap");
        assertFalse(page.getNextPageToken().isPresent(), "no token on the last page");

        RunsPage byDefault = client.searchRuns(List.of(exp), "", ViewType.ACTIVE_ONLY, 1);
        assertEquals(ids.get(9), byDefault.getItems().get(0).getInfo().getRunId(), "default order is start_time DESC");
        RunsPage byParam = client.searchRuns(List.of(exp), "", ViewType.ACTIVE_ONLY, 10, List.of("params.model ASC",
                "attributes.start_time ASC"));
        assertEquals(ids.get(0), byParam.getItems().get(0).getInfo().getRunId());
        assertEquals(ids.get(1), byParam.getItems().get(5).getInfo().getRunId());
        RunsPage byTag = client.searchRuns(List.of(exp), "", ViewType.ACTIVE_ONLY, 10, List.of("tags.team DESC"));
        assertEquals(5, byTag.getItems().stream().limit(5).filter(r -> runs(0, 2, 4, 6, 8).contains(r.getInfo().getRunId())).count(),
                "runs missing the order key sort last");
    }

    @Test
    void viewTypes() {
        String e2 = client.createExperiment("views");
        String keep = client.createRun(e2).getRunId();
        String gone = client.createRun(e2).getRunId();
        client.deleteRun(gone);
        assertEquals(List.of(keep), client.searchRuns(List.of(e2), "").stream().map(RunInfo::getRunId).toList());
        assertEquals(List.of(gone), client.searchRuns(List.of(e2), "", ViewType.DELETED_ONLY).stream().map(RunInfo::getRunId).toList());
        assertEquals(2, client.searchRuns(List.of(e2), "", ViewType.ALL).size());
    }

    @Test
    void badFiltersAre400WithPosition() {
        MlflowHttpException e = assertThrows(MlflowHttpException.class, () -> search("metrics.rmse >> 1"));
        assertEquals(400, e.getStatusCode());
        assertTrue(e.getBodyMessage().contains("position 14"), e.getBodyMessage());
        for (String bad : List.of("metrics.rmse = 'a'", "params.model > 'x'", "tags.t = 3", "metrics.a < 1 OR metrics.b < 2",
                "attributes.status IN ('RUNNING')", "foo.bar = 'x'", "metrics.rmse <", "params.model = 'unclosed",
                "attributes.nope = 'x'", "metrics.rmse < 1 AND")) {
            MlflowHttpException x = assertThrows(MlflowHttpException.class, () -> search(bad), bad);
            assertEquals(400, x.getStatusCode(), bad);
            assertTrue(x.getBodyMessage().contains("INVALID_PARAMETER_VALUE"), bad);
        }
        MlflowHttpException order = assertThrows(MlflowHttpException.class,
                () -> client.searchRuns(List.of(exp), "", ViewType.ALL, 10, List.of("metrics.rmse SIDEWAYS")));
        assertEquals(400, order.getStatusCode());
        MlflowHttpException tooMany = assertThrows(MlflowHttpException.class,
                () -> client.searchRuns(List.of(exp), "", ViewType.ALL, 50001));
        assertEquals(400, tooMany.getStatusCode());
    }

    @Test
    void injectionAttemptsAreJustValues() {
        assertEquals(400, assertThrows(MlflowHttpException.class, () -> search("params.model = 'x'' OR 1=1 --'"))
                .getStatusCode(), "SQL-style quote doubling is not the grammar: refused, not executed");
        assertEquals(runs(), search("params.model = 'x\\' OR 1=1 --'"), "an escaped quote stays inside the value");
        assertEquals(runs(), search("params.model = \"gbt' OR '1'='1\""));
        assertEquals(10, client.searchRuns(List.of(exp), "").size(), "tables intact");
    }
}
