package dev.mlsandbox.lab;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.mlsandbox.report.KeyValues;
import dev.mlsandbox.report.Paragraph;
import dev.mlsandbox.report.Report;
import dev.mlsandbox.report.Section;

/**
 * Where a lab's run was logged: the {@code mlflowRun} key of report.json and a line in the
 * report, so a reader can go from the report to the run and back (the run holds the report as an
 * artifact).
 *
 * @param experimentId the experiment (one per lab, named after it)
 * @param runId        the run
 * @param uri          the run's page: {@code <tracking uri>/#/experiments/<id>/runs/<id>}
 */
public record MlflowRun(String experimentId, String runId, String uri) {
    public static final String DATA_KEY = "mlflowRun";

    public MlflowRun {
        Objects.requireNonNull(experimentId, "experimentId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(uri, "uri");
    }

    /** Adds the {@code mlflowRun} data key and a "Tracking" section; nothing when {@code run} is null (tracking off). */
    public static void addTo(Report.Builder report, MlflowRun run) {
        if (run == null) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("experimentId", run.experimentId());
        data.put("runId", run.runId());
        data.put("uri", run.uri());
        report.data(DATA_KEY, data);
        report.section(Section.of("Tracking",
                new Paragraph("This run is logged to MLflow as run " + run.runId() + " in experiment " + run.experimentId()
                        + ": " + run.uri() + " (params, metrics, tags, and this report as artifacts under report/)."),
                KeyValues.of("MLflow run", data)));
    }
}
