package dev.mlsandbox.registry.server;

import dev.mlsandbox.http.ServerModule;
import dev.mlsandbox.tracking.TrackingServer;

/**
 * Puts the registry on a tracking server: its migrations join the store's, its endpoints join the
 * route table.
 *
 * <pre>{@code
 * TrackingServer.Builder b = TrackingServer.builder().port(0).artifactsDestination(dir);
 * RegistryServer.install(b, RegistryOptions.unityCatalog(dir));
 * try (TrackingServer server = b.build().start()) { ... }
 * }</pre>
 */
public final class RegistryServer {

    private RegistryServer() {
    }

    public static TrackingServer.Builder install(TrackingServer.Builder builder, RegistryOptions options) {
        return builder.module(module(options));
    }

    /** The registry module: its tables, the model-registry endpoints and Unity Catalog's governance ones. */
    public static ServerModule module(RegistryOptions options) {
        return ServerModule.of(RegistrySchema.migrations(), db -> routes -> {
            new RegistryRoutes(db, options).register(routes);
            new GovernanceRoutes(db, options).register(routes);
        });
    }
}
