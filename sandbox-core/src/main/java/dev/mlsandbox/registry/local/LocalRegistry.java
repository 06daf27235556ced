package dev.mlsandbox.registry.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

import dev.mlsandbox.registry.Registry;
import dev.mlsandbox.registry.server.RegistryOptions;
import dev.mlsandbox.registry.server.RegistryServer;
import dev.mlsandbox.tracking.TrackingServer;

/**
 * A tracking server with the Unity-Catalog-style registry on a free loopback port, its store and
 * artifacts in a temporary directory that {@link #close()} deletes: what a lab of another area
 * (retraining, serving, monitoring) needs to register and promote models without touching the
 * user's {@code ./mlruns}. No authentication; use the registry lab's setup for grants.
 *
 * <pre>{@code
 * try (LocalRegistry local = LocalRegistry.start("retraining-lab")) {
 *     Registry registry = local.registry();
 *     registry.createModel("main.ml.churn", null);
 * }
 * }</pre>
 */
public final class LocalRegistry implements AutoCloseable {

    private final Path directory;
    private final TrackingServer server;
    private final Registry registry;

    private LocalRegistry(Path directory) {
        this.directory = directory;
        TrackingServer.Builder builder = TrackingServer.builder().port(0).storeIn(directory);
        RegistryServer.install(builder, RegistryOptions.unityCatalog(TrackingServer.artifactsIn(directory)));
        this.server = builder.build().start();
        this.registry = Registry.connect(server.uri());
    }

    /** Starts a server whose store lives in a new temporary directory named after {@code purpose}. */
    public static LocalRegistry start(String purpose) {
        try {
            return new LocalRegistry(Files.createTempDirectory("sandbox-" + purpose));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the " + purpose + " registry", e);
        }
    }

    /** The server's URI, for the MLflow client ({@code new MlflowClient(uri.toString())}). */
    public URI uri() {
        return server.uri();
    }

    /** A registry client of this server. */
    public Registry registry() {
        return registry;
    }

    /** The store directory (a cache for downloaded models may go below it). */
    public Path directory() {
        return directory;
    }

    /** Stops the server and deletes its directory. */
    @Override
    public void close() {
        server.close();
        try (var walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
