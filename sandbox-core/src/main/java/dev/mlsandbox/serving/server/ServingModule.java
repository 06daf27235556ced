package dev.mlsandbox.serving.server;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.mlsandbox.http.RouteTable;
import dev.mlsandbox.http.ServerModule;
import dev.mlsandbox.serving.endpoint.InvocationListener;
import dev.mlsandbox.serving.endpoint.ServingEndpoints;
import dev.mlsandbox.store.Database;
import dev.mlsandbox.store.Migration;
import dev.mlsandbox.tracking.TrackingServer;

/**
 * Serving on the sandbox server, beside tracking and the registry (it needs the registry's API on
 * the same server to resolve models):
 *
 * <pre>{@code
 * TrackingServer.Builder b = TrackingServer.builder().port(0).storeIn(dir);
 * RegistryServer.install(b, RegistryOptions.unityCatalog(TrackingServer.artifactsIn(dir)));
 * ServingModule serving = ServingModule.install(b, ServingOptions.in(dir.resolve("serving")));
 * serving.addListener(record -> queue.offer(record));   // every request, e.g. for an inference table
 * try (TrackingServer server = b.build().start()) { ... }
 * }</pre>
 */
public final class ServingModule implements ServerModule {

    private final ServingOptions options;
    private final List<InvocationListener> listeners = new CopyOnWriteArrayList<>();
    private volatile URI uri;
    private volatile ServingEndpoints endpoints;

    public ServingModule(ServingOptions options) {
        this.options = options;
    }

    /** Adds a serving module to a tracking server's builder; returns it (for listeners and endpoints). */
    public static ServingModule install(TrackingServer.Builder builder, ServingOptions options) {
        ServingModule m = new ServingModule(options);
        builder.module(m);
        return m;
    }

    /** A listener for every request of every endpoint (may be added before or after the server starts). */
    public void addListener(InvocationListener listener) {
        listeners.add(listener);
        ServingEndpoints e = endpoints;
        if (e != null) {
            e.addListener(listener);
        }
    }

    /** The endpoints, once the server has started. */
    public ServingEndpoints endpoints() {
        if (endpoints == null) {
            throw new IllegalStateException("the serving module is not on a started server yet");
        }
        return endpoints;
    }

    @Override
    public List<Migration> migrations() {
        return JdbcEndpointStore.migrations();
    }

    @Override
    public void register(RouteTable routes, Database database) {
        ServingEndpoints e = new ServingEndpoints(new RegistryModelSource(() -> uri, options.cacheDir(), options.spark()),
                new JdbcEndpointStore(database), options.seed());
        listeners.forEach(e::addListener);
        endpoints = e;
        new ServingRoutes(e).register(routes);
    }

    @Override
    public void started(URI uri) {
        this.uri = uri;
        endpoints.reload();
    }

    @Override
    public void stopped() {
        endpoints.close();
    }
}
