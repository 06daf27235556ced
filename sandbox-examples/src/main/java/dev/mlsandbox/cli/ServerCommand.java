package dev.mlsandbox.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import dev.mlsandbox.tracking.TrackingServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/sandbox server}: an MLflow-compatible tracking server, flags named like
 * {@code mlflow server}'s. Binds loopback unless told otherwise; Ctrl-C stops it cleanly (in-flight
 * requests finish, the store is closed).
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = {"Run an MLflow-compatible tracking server (REST API /api/2.0/mlflow/..., artifact proxy).",
                "Point any MLflow client at it: MLFLOW_TRACKING_URI=http://127.0.0.1:5000"})
final class ServerCommand implements Callable<Integer> {

    @Option(names = "--host", defaultValue = TrackingServer.DEFAULT_HOST,
            description = "Address to bind (default ${DEFAULT-VALUE}; 0.0.0.0 exposes it to the network).")
    String host;

    @Option(names = {"-p", "--port"}, defaultValue = "5000", description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--backend-store-uri", defaultValue = TrackingServer.DEFAULT_STORE,
            description = "Where runs are stored: sqlite:///relative.db, sqlite:////absolute.db (default ${DEFAULT-VALUE}).")
    String backendStoreUri;

    @Option(names = "--artifacts-destination", defaultValue = "mlartifacts",
            description = "Directory behind the artifact proxy (default ./${DEFAULT-VALUE}).")
    Path artifactsDestination;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        TrackingServer server = TrackingServer.builder().host(host).port(port).backendStoreUri(backendStoreUri)
                .artifactsDestination(artifactsDestination).build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            System.err.println("tracking server stopped; store closed");
            stopped.countDown();
        }, "tracking-shutdown"));
        var out = spec.commandLine().getOut();
        out.println("Tracking server listening at " + server.uri());
        out.println("  backend store:  " + server.backendStoreUri());
        out.println("  artifacts:      " + server.artifactsDestination());
        out.println("  health:         " + server.uri() + "/health");
        out.println("Use it with: export MLFLOW_TRACKING_URI=" + server.uri() + "   (Ctrl-C stops the server)");
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
