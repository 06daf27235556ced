package dev.mlsandbox.tracking.lab;

import dev.mlsandbox.lab.MlflowRun;
import dev.mlsandbox.report.BarChart;
import dev.mlsandbox.report.LineChart;
import dev.mlsandbox.report.Report;
import dev.mlsandbox.report.Section;
import dev.mlsandbox.report.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Renders a {@link TrackingLabResult} into the report model; computes nothing new. */
final class TrackingLabReport {
    private TrackingLabReport() {}

    static Report build(TrackingLabResult r) {
        Report.Builder b = Report.builder(TrackingLab.NAME, "Experiment tracking with the MLflow client")
                .summary(r.totalRuns() + " runs in " + r.experiments().size() + " team experiments were logged to an "
                        + "MLflow-compatible server (" + r.trackingUri() + ", embedded, SQLite store) with the real "
                        + "MLflow Java client, then compared programmatically: filters, order by a metric, pagination. "
                        + "Then the usual mistakes, and what the server answers.")
                .provenance(r.provenance());

        Table.Builder exps = Table.builder("Experiments (one per team)", "experiment", "runs");
        r.experiments().forEach((k, v) -> exps.row(k, v));
        b.section(Section.builder("Experiments per team").text("Each team logs into its own experiment; a `team` tag "
                + "on the experiment and on every run lets a search cut across experiments.").add(exps.build()).build());

        Table.Builder cmp = Table.builder("Searches (MlflowClient.searchRuns)", "query", "filter", "order_by", "runs", "what it shows");
        for (var c : r.comparisons()) {
            cmp.row(c.name(), c.filter().isEmpty() ? "(none)" : c.filter(), c.orderBy(), c.matched(), c.lesson());
        }
        b.section(Section.builder("Comparing runs programmatically").add(cmp.build())
                .code("java", "client.searchRuns(experimentIds, \"params.model_type = 'gbt' AND metrics.rmse < 0.25\");\n"
                        + "client.searchRuns(experimentIds, \"\", ViewType.ACTIVE_ONLY, 5, List.of(\"metrics.rmse ASC\"));")
                .build());

        Table.Builder top = Table.builder("Top runs by final rmse (order_by metrics.rmse ASC)", "team", "run", "model",
                "max_depth", "rmse");
        for (var l : r.leaderboard()) {
            top.row(l.team(), l.runName(), l.model(), l.maxDepth(), String.format("%.4f", l.rmse()));
        }
        Map<String, Double> bestPerTeam = new LinkedHashMap<>();
        // the leaderboard holds the best runs overall; the per-team bars come from it when present
        for (var l : r.leaderboard()) {
            bestPerTeam.merge(l.team(), l.rmse(), Math::min);
        }
        List<Double> hist = r.bestHistory();
        List<Double> epochs = IntStream.range(0, hist.size()).mapToObj(i -> (double) i).toList();
        b.section(Section.builder("Leaderboard and history").add(top.build())
                .add(new BarChart("Best rmse among the top runs, per team", "team", "rmse",
                        new ArrayList<>(bestPerTeam.keySet()), List.of(new BarChart.Series("rmse",
                                new ArrayList<>(bestPerTeam.values())))))
                .add(new LineChart("History of the best run (metrics/get-history)", "step (epoch)", "rmse",
                        List.of(new LineChart.XYSeries("rmse", epochs, hist))))
                .text("runs/get returns only the latest value of each metric (highest step); get-history keeps every "
                        + "point.").build());

        List<Double> pageSizes = r.pages().stream().map(Integer::doubleValue).toList();
        List<String> pageNames = IntStream.range(0, r.pages().size()).mapToObj(i -> "page " + (i + 1)).toList();
        b.section(Section.builder("Pagination").text("max_results=" + r.options().pageSize() + " over one experiment: "
                + "each response carries an opaque next_page_token until the last page, which has none.")
                .add(new BarChart("Runs per page", "page", "runs", pageNames, List.of(new BarChart.Series("runs", pageSizes))))
                .build());

        Table.Builder fm = Table.builder("Mistakes and the server's answers", "mistake", "attempt", "HTTP", "error_code",
                "message", "lesson");
        for (var f : r.failureModes()) {
            fm.row(f.name(), f.attempt(), f.status(), f.errorCode(), f.message(), f.lesson());
        }
        b.section(Section.builder("Failure modes").add(fm.build()).build());

        var missing = r.comparisons().stream().filter(c -> c.name().equals("has auc")).findFirst().orElseThrow();
        var notReviewed = r.comparisons().stream().filter(c -> c.name().equals("not reviewed?")).findFirst().orElseThrow();
        long refused = r.failureModes().stream().filter(f -> f.status() == 400).count();
        b.takeaway("Only the " + missing.matched() + " of " + r.totalRuns() + " runs that logged auc match `metrics.auc >= 0`: "
                + "a run missing the key never matches.", "search.missingKey.matched", missing.matched());
        b.takeaway("`tags.reviewed != 'yes'` matched " + notReviewed.matched() + " runs, although most runs carry no "
                + "reviewed tag: != also skips runs without the key.", "search.notEqualOnMissingTag.matched",
                notReviewed.matched());
        b.takeaway(refused + " of " + r.failureModes().size() + " mistakes were refused with HTTP 400 and an "
                + "INVALID_PARAMETER_VALUE body that names the rule.", "failureModes.refused", refused);
        b.takeaway("Paginating " + r.options().runsPerTeam() + " runs with max_results=" + r.options().pageSize() + " took "
                + r.pages().size() + " requests.", "pagination.pages", r.pages().size());

        b.data("experiments", r.experiments());
        b.data("comparisons", r.comparisons());
        b.data("leaderboard", r.leaderboard());
        b.data("pages", r.pages());
        b.data("bestHistory", r.bestHistory());
        b.data("failureModes", r.failureModes());
        MlflowRun.addTo(b, r.mlflowRun());
        return b.build();
    }
}
