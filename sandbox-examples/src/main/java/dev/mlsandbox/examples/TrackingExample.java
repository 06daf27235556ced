package dev.mlsandbox.examples;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.ViewType;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.RunsPage;

import dev.mlsandbox.tracking.Tracking;
import dev.mlsandbox.tracking.TrackingServer;

/**
 * {@code bin/sandbox example tracking [TRACKING_URI]}: logs a small sweep with the MLflow Java
 * client and compares the runs. Without an argument it starts an embedded server on a free port
 * (store under ./mlruns-example); with one (or MLFLOW_TRACKING_URI) it logs there instead.
 */
public final class TrackingExample {
    private TrackingExample() {}

    public static void main(String[] args) {
        String given = args.length > 0 ? args[0] : System.getenv(Tracking.ENV);
        TrackingServer server = null;
        URI uri;
        if (given == null || given.isBlank()) {
            server = TrackingServer.builder().port(0).backendStoreUri("sqlite:///mlruns-example/mlruns.db")
                    .artifactsDestination(java.nio.file.Path.of("mlruns-example/mlartifacts")).build().start();
            uri = server.uri();
        } else {
            uri = URI.create(given);
        }
        try (Tracking t = Tracking.connect(uri)) {
            MlflowClient client = t.client();
            String exp = t.experiment("example/sweep");
            for (int depth = 2; depth <= 8; depth += 2) {
                RunInfo run = t.startRun(exp, "gbt-d" + depth, Map.of("team", "example"));
                client.logParam(run.getRunId(), "max_depth", Integer.toString(depth));
                client.logMetric(run.getRunId(), "rmse", 0.2 + 0.01 * Math.abs(depth - 5), System.currentTimeMillis(), 0);
                t.logText(run.getRunId(), "depth " + depth, "notes.txt");
                client.setTerminated(run.getRunId());
            }
            RunsPage best = client.searchRuns(List.of(exp), "metrics.rmse < 0.25", ViewType.ACTIVE_ONLY, 3,
                    List.of("metrics.rmse ASC"));
            System.out.println("tracking URI: " + uri);
            best.getItems().forEach(r -> System.out.printf("  %-8s rmse %.3f  %s%n", r.getInfo().getRunName(),
                    r.getData().getMetrics(0).getValue(), t.runLink(exp, r.getInfo().getRunId())));
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }
}
