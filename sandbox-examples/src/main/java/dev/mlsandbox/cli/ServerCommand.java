package dev.mlsandbox.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import dev.mlsandbox.registry.RegistryMode;
import dev.mlsandbox.registry.server.AuthConfig;
import dev.mlsandbox.registry.server.RegistryOptions;
import dev.mlsandbox.registry.server.RegistryServer;
import dev.mlsandbox.serving.server.ServingModule;
import dev.mlsandbox.serving.server.ServingOptions;
import dev.mlsandbox.spark.SessionSettings;
import dev.mlsandbox.spark.SparkSessions;
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
        description = {"Run an MLflow-compatible tracking server (REST API /api/2.0/mlflow/..., artifact proxy),"
                + " the model registry and serving endpoints (/api/2.0/serving-endpoints).",
                "Point any MLflow client at it: MLFLOW_TRACKING_URI=http://127.0.0.1:5000"})
class ServerCommand implements Callable<Integer> {

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

    @Option(names = "--registry-mode", defaultValue = "uc", paramLabel = "uc|workspace",
            description = "Model registry behaviour: uc (Unity Catalog: catalog.schema.model, aliases, signatures required, no stages) or workspace (one-level names, stages). Default ${DEFAULT-VALUE}.")
    String registryMode;

    @Option(names = "--auth", description = "Require HTTP basic auth on the registry and governance endpoints (MLFLOW_TRACKING_USERNAME/PASSWORD) and enforce Unity Catalog privileges.")
    boolean auth;

    @Option(names = "--admin", paramLabel = "USER:PASSWORD", defaultValue = "admin:admin",
            description = "With --auth: the metastore admin (default ${DEFAULT-VALUE}).")
    String admin;

    @Option(names = "--user", paramLabel = "USER:PASSWORD[:GROUP,...]",
            description = "With --auth: a user, its password and groups; repeat for more users.")
    java.util.List<String> users = new java.util.ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    RegistryOptions registryOptions() {
        RegistryMode mode = switch (registryMode.toLowerCase(java.util.Locale.ROOT)) {
            case "uc", "unity-catalog" -> RegistryMode.UNITY_CATALOG;
            case "workspace" -> RegistryMode.WORKSPACE;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--registry-mode must be uc or workspace, got '" + registryMode + "'");
        };
        RegistryOptions options = new RegistryOptions(mode, artifactsDestination, null);
        if (!auth) {
            return options;
        }
        String[] a = admin.split(":", 2);
        if (a.length != 2 || a[0].isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--admin must be USER:PASSWORD, got '" + admin + "'");
        }
        AuthConfig.Builder b = AuthConfig.builder(a[0], a[1]);
        java.util.Map<String, java.util.List<String>> groups = new java.util.LinkedHashMap<>();
        for (String u : users) {
            String[] parts = u.split(":", 3);
            if (parts.length < 2 || parts[0].isBlank()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--user must be USER:PASSWORD[:GROUP,...], got '" + u + "'");
            }
            b.user(parts[0], parts[1]);
            if (parts.length == 3) {
                for (String g : parts[2].split(",")) {
                    groups.computeIfAbsent(g.trim(), k -> new java.util.ArrayList<>()).add(parts[0]);
                }
            }
        }
        groups.forEach((g, members) -> b.group(g, members.toArray(String[]::new)));
        return options.withAuth(b.build());
    }

    @Override
    public Integer call() throws InterruptedException {
        TrackingServer.Builder builder = TrackingServer.builder().host(host).port(port).backendStoreUri(backendStoreUri)
                .artifactsDestination(artifactsDestination);
        RegistryOptions registry = registryOptions();
        RegistryServer.install(builder, registry);
        // a model with a stage the row scorer cannot compile is served on Spark, started only then
        ServingModule.install(builder, ServingOptions.in(artifactsDestination.toAbsolutePath().resolveSibling("serving-cache"))
                .withSpark(() -> SparkSessions.getOrCreate(SessionSettings.fromEnvironment())));
        TrackingServer server = builder.build().start();
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
        out.println("  model registry: " + (registry.mode() == RegistryMode.UNITY_CATALOG ? "Unity Catalog mode" : "workspace mode")
                + (registry.auth() == null ? ", no authentication" : ", --auth (admin: " + admin.split(":", 2)[0] + ")"));
        out.println("  serving:        " + server.uri() + "/api/2.0/serving-endpoints (Databricks REST shape),"
                + " invocations at /serving-endpoints/<name>/invocations");
        out.println("Use it with: export MLFLOW_TRACKING_URI=" + server.uri() + "   (Ctrl-C stops the server)");
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
