package dev.mlsandbox.tracking.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlsandbox.http.MlflowException;
import dev.mlsandbox.http.Request;
import dev.mlsandbox.http.Response;
import dev.mlsandbox.http.RouteTable;
import dev.mlsandbox.http.RouteModule;
import dev.mlsandbox.tracking.store.Entities.Experiment;
import dev.mlsandbox.tracking.store.Entities.Metric;
import dev.mlsandbox.tracking.store.Entities.Page;
import dev.mlsandbox.tracking.store.Entities.Param;
import dev.mlsandbox.tracking.store.Entities.Run;
import dev.mlsandbox.tracking.store.Entities.Tag;
import dev.mlsandbox.tracking.store.ExperimentStore;
import dev.mlsandbox.tracking.store.RunStore;
import dev.mlsandbox.tracking.store.TrackingStore;
import dev.mlsandbox.tracking.store.ViewType;
import java.util.List;

/**
 * MLflow's tracking endpoints ({@code /api/2.0/mlflow/...}). Each handler reads its fields,
 * makes one store call (one transaction) and shapes the answer like service.proto.
 */
public final class TrackingRoutes implements RouteModule {
    public static final String API = "/api/2.0/mlflow";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final ExperimentStore experiments;
    private final RunStore runs;

    public TrackingRoutes(TrackingStore store) {
        this.experiments = store.experiments();
        this.runs = store.runs();
    }

    @Override
    public void register(RouteTable r) {
        r.post(API + "/experiments/create", this::createExperiment)
                .get(API + "/experiments/get", req -> F.objectNode().set("experiment",
                        TrackingJson.experiment(experiments.get(req.required("experiment_id")))))
                .get(API + "/experiments/get-by-name", req -> F.objectNode().set("experiment",
                        TrackingJson.experiment(experiments.getByName(req.required("experiment_name")))))
                .getOrPost(API + "/experiments/search", this::searchExperiments)
                .post(API + "/experiments/update", req -> {
                    experiments.rename(req.required("experiment_id"), req.required("new_name"));
                    return empty();
                })
                .post(API + "/experiments/delete", req -> {
                    experiments.setLifecycle(req.required("experiment_id"), true);
                    return empty();
                })
                .post(API + "/experiments/restore", req -> {
                    experiments.setLifecycle(req.required("experiment_id"), false);
                    return empty();
                })
                .post(API + "/experiments/set-experiment-tag", req -> {
                    experiments.setTag(req.required("experiment_id"), new Tag(req.required("key"), req.string("value")));
                    return empty();
                })
                .post(API + "/runs/create", this::createRun)
                .get(API + "/runs/get", req -> F.objectNode().set("run", TrackingJson.run(runs.get(runId(req)))))
                .post(API + "/runs/update", req -> F.objectNode().set("run_info", TrackingJson.runInfo(runs.update(runId(req),
                        req.string("status"), req.longValue("end_time"), req.string("run_name")))))
                .post(API + "/runs/delete", req -> {
                    runs.setLifecycle(runId(req), true);
                    return empty();
                })
                .post(API + "/runs/restore", req -> {
                    runs.setLifecycle(runId(req), false);
                    return empty();
                })
                .post(API + "/runs/search", this::searchRuns)
                .post(API + "/runs/log-metric", req -> {
                    runs.logMetric(runId(req), metric(req.params()));
                    return empty();
                })
                .post(API + "/runs/log-parameter", req -> {
                    runs.logParam(runId(req), new Param(req.required("key"), req.string("value")));
                    return empty();
                })
                .post(API + "/runs/set-tag", req -> {
                    runs.setTag(runId(req), new Tag(req.required("key"), req.string("value")));
                    return empty();
                })
                .post(API + "/runs/delete-tag", req -> {
                    runs.deleteTag(runId(req), req.required("key"));
                    return empty();
                })
                .post(API + "/runs/log-batch", this::logBatch)
                .get(API + "/metrics/get-history", this::metricHistory);
    }

    private Object createExperiment(Request req) {
        String id = experiments.create(req.required("name"), req.string("artifact_location"), tags(req));
        return F.objectNode().put("experiment_id", id);
    }

    private Object searchExperiments(Request req) {
        Page<Experiment> page = experiments.search(req.string("filter"), req.strings("order_by"),
                ViewType.parse(req.string("view_type")), req.longValue("max_results"), req.string("page_token"));
        ObjectNode out = F.objectNode();
        ArrayNode list = out.putArray("experiments");
        page.items().forEach(e -> list.add(TrackingJson.experiment(e)));
        if (page.nextPageToken() != null) {
            out.put("next_page_token", page.nextPageToken());
        }
        return out;
    }

    private Object createRun(Request req) {
        Run run = runs.create(req.string("experiment_id"), req.string("user_id"), req.string("run_name"),
                req.longValue("start_time"), tags(req));
        return F.objectNode().set("run", TrackingJson.run(run));
    }

    private Object searchRuns(Request req) {
        Page<Run> page = runs.search(req.strings("experiment_ids"), req.string("filter"),
                ViewType.parse(req.string("run_view_type")), req.longValue("max_results"), req.strings("order_by"),
                req.string("page_token"));
        return Response.json(TrackingJson.runsPage(req.mapper(), page.items(), page.nextPageToken()));
    }

    private Object logBatch(Request req) {
        BatchBody batch = BatchBody.parse(req.bodyBytes(), req.mapper());
        if (batch.runId() == null || batch.runId().isEmpty()) {
            throw MlflowException.invalid("Missing value for required parameter 'run_id'. See the API request docs for the "
                    + "correct fields.");
        }
        runs.logBatch(batch.runId(), batch.metrics(), batch.params(), batch.tags());
        return empty();
    }

    private Object metricHistory(Request req) {
        Page<Metric> page = runs.history(runId(req), req.required("metric_key"), req.longValue("max_results"),
                req.string("page_token"));
        ObjectNode out = F.objectNode();
        ArrayNode list = out.putArray("metrics");
        page.items().forEach(m -> list.add(TrackingJson.metric(m)));
        if (page.nextPageToken() != null) {
            out.put("next_page_token", page.nextPageToken());
        }
        return out;
    }

    /** {@code run_id}, falling back to the deprecated {@code run_uuid}. */
    static String runId(Request req) {
        String v = req.string("run_id");
        if (v == null || v.isEmpty()) {
            v = req.string("run_uuid");
        }
        if (v == null || v.isEmpty()) {
            throw MlflowException.invalid("Missing value for required parameter 'run_id'. See the API request docs for the "
                    + "correct fields.");
        }
        return v;
    }

    private static Metric metric(ObjectNode o) {
        String key = Request.string(o, "key");
        double value = Request.doubleValue(o, "value");
        Long ts = Request.longValue(o, "timestamp");
        if (ts == null) {
            throw MlflowException.invalid("Missing value for required parameter 'timestamp' of metric '" + key + "'.");
        }
        Long step = Request.longValue(o, "step");
        return new Metric(key, value, ts, step == null ? 0L : step);
    }

    private static List<Tag> tags(Request req) {
        return req.keyValues("tags").stream().map(kv -> new Tag(kv.key(), kv.value())).toList();
    }

    private static ObjectNode empty() {
        return F.objectNode();
    }
}
