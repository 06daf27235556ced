package dev.mlsandbox.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import dev.mlsandbox.registry.Registry;
import dev.mlsandbox.serving.protocol.ServingModel;
import dev.mlsandbox.serving.server.ModelServer;
import dev.mlsandbox.spark.SessionSettings;
import dev.mlsandbox.spark.SparkSessions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/sandbox serve}: with {@code --model}, one model behind MLflow's scoring routes, as
 * {@code mlflow models serve -m models:/main.ml.churn@champion} runs it; without, the whole server
 * ({@code bin/sandbox server}: tracking, registry and the serving-endpoints API).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve one model (--model) at POST /invocations as `mlflow models serve` does, or, without --model,"
                + " run the server with the serving-endpoints API (the same as `sandbox server`).",
                "Example: sandbox serve --model models:/main.ml.churn@champion --port 5001"})
final class ServeCommand extends ServerCommand {

    @Option(names = {"-m", "--model"}, paramLabel = "URI",
            description = "models:/catalog.schema.model@alias, models:/catalog.schema.model/3, or an MLflow model directory.")
    String model;

    @Option(names = "--tracking-uri", paramLabel = "URL",
            description = "The server holding the registry, for a models:/ URI (default: $MLFLOW_TRACKING_URI, else http://127.0.0.1:5000).")
    String trackingUri;

    @Option(names = "--cache-dir", defaultValue = "serving-cache", paramLabel = "DIR",
            description = "Where a registered version is downloaded (default ./${DEFAULT-VALUE}).")
    Path cacheDir;

    @Override
    public Integer call() throws InterruptedException {
        if (model == null) {
            return super.call();
        }
        ServingModel loaded;
        String source;
        try {
            Path dir;
            if (model.startsWith("models:/")) {
                String uri = trackingUri != null ? trackingUri
                        : System.getenv().getOrDefault("MLFLOW_TRACKING_URI", "http://127.0.0.1:5000");
                try (Registry registry = Registry.connect(URI.create(uri))) {
                    dir = registry.download(model, cacheDir);
                }
                source = model + " from " + uri;
            } else {
                dir = Path.of(model);
                if (!Files.isRegularFile(dir.resolve("MLmodel"))) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--model " + model
                            + " is neither a models:/ URI nor a directory with an MLmodel file");
                }
                source = dir.toAbsolutePath().toString();
            }
            loaded = ServingModel.load(dir, () -> SparkSessions.getOrCreate(SessionSettings.fromEnvironment()));
        } catch (CommandLine.ParameterException e) {
            throw e;
        } catch (Exception e) {
            spec.commandLine().getErr().println("Cannot serve " + model + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
        ModelServer server = ModelServer.start(host, port, loaded);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "serve-shutdown"));
        var out = spec.commandLine().getOut();
        out.println("Serving " + source + " at " + server.uri() + "/invocations");
        out.println("  model: " + loaded.compileReport().summary());
        out.println("  try:   curl -X POST " + server.uri() + "/invocations -H 'Content-Type: application/json'"
                + " -d '{\"dataframe_split\": {\"columns\": [...], \"data\": [[...]]}}'   (Ctrl-C stops it)");
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
