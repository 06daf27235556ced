package dev.mlsandbox.tracking.lab;

import dev.mlsandbox.lab.TempDirectories;

import dev.mlsandbox.http.Json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlsandbox.lab.Lab;
import dev.mlsandbox.lab.LabContext;
import dev.mlsandbox.lab.LabDescriptor;
import dev.mlsandbox.lab.MlflowRun;
import dev.mlsandbox.tracking.TrackingServer;
import dev.mlsandbox.tracking.lab.TrackingLabResult.Comparison;
import dev.mlsandbox.tracking.lab.TrackingLabResult.FailureMode;
import dev.mlsandbox.tracking.lab.TrackingLabResult.LeaderboardRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.mlflow.api.proto.Service.CreateRun;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.api.proto.Service.ViewType;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowHttpException;
import org.mlflow.tracking.RunsPage;

/**
 * Experiment management with the real MLflow Java client against an embedded tracking server
 * (in a temporary directory, so every run of the lab starts from the same empty store). Three
 * teams each get an experiment; runs are simulated training jobs with seeded learning curves, so
 * the lab needs no Spark job and takes a few seconds.
 */
public final class TrackingLab implements Lab<TrackingLabResult> {

    public static final String NAME = "tracking";
    /** The catalog entry: {@code bin/sandbox lab tracking}, the tour, {@code sandbox.trackingLab()}. */
    public static final LabDescriptor<TrackingLabOptions, TrackingLabResult> DESCRIPTOR = LabDescriptor.of(NAME,
                    "Experiment tracking: team experiments, tagged runs, search/order/paginate with the MLflow client, "
                            + "and its failure modes",
                    TrackingLabOptions::defaults, TrackingLabOptions::fromParameters, TrackingLab::new)
            .withCost("The default run logs 36 simulated runs with the MLflow Java client to an embedded server; no "
                    + "Spark job: a few seconds.");

    private static final String[] MODELS = {"gbt", "rf", "lr"};
    private static final ObjectMapper JSON = Json.mapper();
    private final TrackingLabOptions options;

    public TrackingLab(TrackingLabOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public TrackingLab() {
        this(TrackingLabOptions.defaults());
    }

    @Override
    public String name() {
        return NAME;
    }

    public TrackingLabOptions options() {
        return options;
    }

    /**
     * Logs the run when tracking is on (see LabContext#logged): the lab's own embedded server holds
     * the simulated team runs; the sandbox's tracking server gets the lab's run, as for every lab.
     */
    @Override
    public TrackingLabResult run(LabContext context) {
        return context.logged(NAME, options, run -> run(context, run.mlflowRun().orElse(null)));
    }

    private TrackingLabResult run(LabContext context, MlflowRun mlflowRun) {
        var clock = context.startClock();
        Path dir;
        try {
            dir = Files.createTempDirectory("sandbox-tracking-lab");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the lab's store", e);
        }
        try (TrackingServer server = TrackingServer.builder().port(0).storeIn(dir).build().start();
                MlflowClient client = new MlflowClient(server.uri().toString())) {
            context.progress().begin("tracking: log runs", (long) TrackingLabOptions.TEAMS.length * options.runsPerTeam() + 2);
            Map<String, String> experimentIds = new LinkedHashMap<>();
            Map<String, Integer> counts = new LinkedHashMap<>();
            List<String> allRunIds = new ArrayList<>();
            SplittableRandom random = new SplittableRandom(options.seed());
            for (int t = 0; t < TrackingLabOptions.TEAMS.length; t++) {
                String team = TrackingLabOptions.TEAMS[t];
                String name = "team-" + team + "/churn-model";
                String exp = client.createExperiment(name);
                client.setExperimentTag(exp, "team", team);
                experimentIds.put(team, exp);
                for (int i = 0; i < options.runsPerTeam(); i++) {
                    allRunIds.add(logRun(client, exp, team, t, i, random));
                    context.progress().advance(team + " run " + i);
                }
                counts.put(name, options.runsPerTeam());
            }
            List<String> ids = new ArrayList<>(experimentIds.values());

            List<Comparison> comparisons = compare(client, ids, experimentIds.get("fraud"), allRunIds);
            List<LeaderboardRow> leaderboard = leaderboard(client, ids);
            List<Integer> pages = paginate(client, experimentIds.get("fraud"));
            String bestId = client.searchRuns(ids, "", ViewType.ACTIVE_ONLY, 1, List.of("metrics.rmse ASC")).getItems().get(0)
                    .getInfo().getRunId();
            List<Double> history = client.getMetricHistory(bestId, "rmse").stream().map(Metric::getValue).toList();
            context.progress().advance("searches compared");

            List<FailureMode> failures = failureModes(client, experimentIds.get("growth"));
            context.progress().advance("failure modes");
            context.progress().end();

            return new TrackingLabResult(server.uri().toString(), counts, comparisons, leaderboard, pages, history, failures,
                    clock.provenance(options, allRunIds.size()), options, mlflowRun);
        } finally {
            TempDirectories.deleteQuietly(dir);
        }
    }

    /**
     * One simulated training run: params, a learning curve logged as history (one log-batch),
     * tags. gbt runs also log "auc" and lr runs have no max_depth: keys some runs lack.
     */
    private String logRun(MlflowClient client, String exp, String team, int teamIndex, int i, SplittableRandom random) {
        String model = MODELS[i % MODELS.length];
        int depth = 2 + (i / MODELS.length) % 5;
        double base = switch (model) {
            case "gbt" -> 0.24;
            case "rf" -> 0.27;
            default -> 0.33;
        };
        double finalRmse = base + 0.02 * teamIndex - (model.equals("lr") ? 0 : 0.01 * depth) + random.nextDouble(-0.01, 0.01);
        String runName = model + "-" + (model.equals("lr") ? "l2" : "d" + depth) + "-" + i;
        boolean candidate = i >= options.runsPerTeam() / 2;
        CreateRun.Builder create = CreateRun.newBuilder().setExperimentId(exp).setRunName(runName)
                .setStartTime(1_700_000_000_000L + teamIndex * 1000L + i).setUserId("lab")
                .addTags(RunTag.newBuilder().setKey("team").setValue(team))
                .addTags(RunTag.newBuilder().setKey("stage").setValue(candidate ? "candidate" : "baseline"));
        if (i % 4 == 0) {
            create.addTags(RunTag.newBuilder().setKey("reviewed").setValue("yes"));
        }
        RunInfo run = client.createRun(create.build());
        List<Param> params = new ArrayList<>();
        params.add(Param.newBuilder().setKey("model_type").setValue(model).build());
        if (model.equals("lr")) {
            params.add(Param.newBuilder().setKey("reg_param").setValue("0.01").build());
        } else {
            params.add(Param.newBuilder().setKey("max_depth").setValue(Integer.toString(depth)).build());
        }
        List<Metric> metrics = new ArrayList<>();
        double start = 0.6;
        for (int e = 0; e < options.epochs(); e++) {
            double v = finalRmse + (start - finalRmse) * Math.exp(-e / 4.0);
            metrics.add(Metric.newBuilder().setKey("rmse").setValue(v).setTimestamp(1_700_000_000_000L + e).setStep(e).build());
        }
        if (model.equals("gbt")) {
            metrics.add(Metric.newBuilder().setKey("auc").setValue(1 - finalRmse).setTimestamp(1_700_000_000_000L).setStep(0)
                    .build());
        }
        client.logBatch(run.getRunId(), metrics, params, List.of());
        client.setTerminated(run.getRunId());
        return run.getRunId();
    }

    private static List<Comparison> compare(MlflowClient client, List<String> ids, String fraud, List<String> runIds) {
        List<Comparison> out = new ArrayList<>();
        out.add(query(client, ids, "gbt below 0.25", "params.model_type = 'gbt' AND metrics.rmse < 0.25", null,
                "AND combines a param and a metric; metrics compare as numbers, params as strings"));
        out.add(query(client, List.of(fraud), "fraud candidates", "tags.stage = 'candidate'", null,
                "tags categorise runs; filter on them like on params"));
        out.add(query(client, ids, "depth 4", "params.max_depth = '4'", null,
                "params are strings: '4' not 4; lr runs have no max_depth and never match"));
        out.add(query(client, ids, "has auc", "metrics.auc >= 0", null,
                "only gbt runs logged auc; a run missing the key never matches, whatever the comparison"));
        out.add(query(client, ids, "not reviewed?", "tags.reviewed != 'yes'", null,
                "!= does not match runs without the tag: to find unreviewed runs, tag them reviewed=no"));
        out.add(query(client, ids, "name pattern", "attributes.run_name ILIKE 'GBT-%'", null,
                "ILIKE ignores case, LIKE does not; % and _ are the wildcards"));
        out.add(query(client, ids, "by id", "attributes.run_id IN ('" + runIds.get(0) + "', '" + runIds.get(1) + "')", null,
                "IN takes a list of run ids"));
        out.add(query(client, ids, "top 5 by rmse", "", "metrics.rmse ASC", "order_by ranks runs by a metric's latest value"));
        return out;
    }

    private static Comparison query(MlflowClient client, List<String> ids, String name, String filter, String order,
            String lesson) {
        int matched;
        if (order == null) {
            matched = client.searchRuns(ids, filter).size();
        } else {
            matched = client.searchRuns(ids, filter, ViewType.ACTIVE_ONLY, 5, List.of(order)).getItems().size();
        }
        return new Comparison(name, filter, order == null ? "" : order, matched, lesson);
    }

    private static List<LeaderboardRow> leaderboard(MlflowClient client, List<String> ids) {
        RunsPage top = client.searchRuns(ids, "", ViewType.ACTIVE_ONLY, 5, List.of("metrics.rmse ASC"));
        List<LeaderboardRow> rows = new ArrayList<>();
        for (Run r : top.getItems()) {
            Map<String, String> params = new LinkedHashMap<>();
            r.getData().getParamsList().forEach(p -> params.put(p.getKey(), p.getValue()));
            Map<String, String> tags = new LinkedHashMap<>();
            r.getData().getTagsList().forEach(t -> tags.put(t.getKey(), t.getValue()));
            double rmse = r.getData().getMetricsList().stream().filter(m -> m.getKey().equals("rmse")).findFirst()
                    .orElseThrow().getValue();
            rows.add(new LeaderboardRow(tags.get("team"), r.getInfo().getRunName(), params.get("model_type"),
                    params.getOrDefault("max_depth", "-"), rmse));
        }
        return rows;
    }

    private List<Integer> paginate(MlflowClient client, String exp) {
        List<Integer> sizes = new ArrayList<>();
        RunsPage page = client.searchRuns(List.of(exp), "", ViewType.ACTIVE_ONLY, options.pageSize(),
                List.of("metrics.rmse ASC"));
        sizes.add(page.getItems().size());
        while (page.hasNextPage()) {
            page = (RunsPage) page.getNextPage();
            sizes.add(page.getItems().size());
        }
        return sizes;
    }

    private static List<FailureMode> failureModes(MlflowClient client, String exp) {
        List<FailureMode> out = new ArrayList<>();
        String run = client.createRun(exp).getRunId();
        client.logParam(run, "model_type", "gbt");
        out.add(attempt("re-log a param", "logParam(run, \"model_type\", \"xgboost\") after \"gbt\"",
                () -> client.logParam(run, "model_type", "xgboost"),
                "params are write-once: a new value needs a new run"));
        List<Metric> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(Metric.newBuilder().setKey("loss").setValue(i).setTimestamp(i).setStep(i).build());
        }
        out.add(attempt("batch over the limit", "logBatch with 1001 metrics",
                () -> client.logBatch(run, tooMany, List.of(), List.of()),
                "log-batch takes at most 1000 metrics and 100 params+tags; split, and nothing of a refused batch is kept"));
        out.add(attempt("OR in a filter", "searchRuns(\"metrics.rmse < 0.3 OR params.model_type = 'rf'\")",
                () -> client.searchRuns(List.of(exp), "metrics.rmse < 0.3 OR params.model_type = 'rf'"),
                "the grammar is AND-only; the error points at the position"));
        out.add(attempt("metric compared with a string", "searchRuns(\"metrics.rmse < '0.3'\")",
                () -> client.searchRuns(List.of(exp), "metrics.rmse < '0.3'"),
                "metrics take numbers; params and tags take quoted strings"));
        String gone = client.createRun(exp).getRunId();
        client.deleteRun(gone);
        out.add(attempt("log to a deleted run", "logMetric on a deleted run",
                () -> client.logMetric(gone, "rmse", 0.1), "only active runs accept logging; restore first"));
        return out;
    }

    private static FailureMode attempt(String name, String what, Runnable action, String lesson) {
        try {
            action.run();
            return new FailureMode(name, what, 200, "accepted", "the server accepted it (unexpected)", lesson);
        } catch (MlflowHttpException e) {
            String code = "?";
            String message = e.getBodyMessage();
            try {
                JsonNode body = JSON.readTree(e.getBodyMessage());
                code = body.path("error_code").asText();
                message = body.path("message").asText();
            } catch (IOException ignored) {
                // keep the raw body
            }
            String firstLine = message.split("\n")[0];
            if (firstLine.length() > 220) {
                firstLine = firstLine.substring(0, 217) + "...";
            }
            return new FailureMode(name, what, e.getStatusCode(), code, firstLine, lesson);
        }
    }
}
