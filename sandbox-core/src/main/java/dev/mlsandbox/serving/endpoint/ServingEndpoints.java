package dev.mlsandbox.serving.endpoint;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mlsandbox.http.ErrorCode;
import dev.mlsandbox.http.Json;
import dev.mlsandbox.http.MlflowException;
import dev.mlsandbox.serving.protocol.Invocation;
import dev.mlsandbox.serving.protocol.ServingModel;

/**
 * The endpoints one server hosts, with Databricks Model Serving's rules:
 *
 * <ul>
 *   <li>create and update-config check every served entity with the {@link ModelSource} on behalf
 *       of the caller before anything is applied (a version that does not exist, or a model the
 *       caller may not EXECUTE, refuses the whole request), then load in the background: the
 *       endpoint is NOT_READY until its first config has loaded;</li>
 *   <li>an update is zero-downtime: the old config answers every request until the new one has
 *       loaded, then one write swaps them; only one update at a time (a second is 409
 *       RESOURCE_CONFLICT); an update that fails to load leaves the old config serving
 *       ({@code config_update} UPDATE_FAILED);</li>
 *   <li>each request goes to a served entity by the seeded {@link TrafficSplit}, or to the one
 *       named in the served-models route;</li>
 *   <li>online shadow (a sandbox pattern, not a Databricks feature): a served entity named with
 *       {@link #shadow} also scores every request the others answer, on a separate thread, its
 *       answer recorded and never returned.</li>
 * </ul>
 *
 * Every answered or refused request is handed to the {@link InvocationListener}s. Definitions
 * persist through the {@link EndpointStore}; {@link #reload()} serves them again after a restart.
 */
public final class ServingEndpoints implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ServingEndpoints.class.getName());

    /** Who is asking: the principal (for {@code creator} and {@code requester}) and the Authorization header to pass on. */
    public record Caller(String principal, String authorization) {
        public static final String ANONYMOUS = "anonymous";

        public static Caller anonymous() {
            return new Caller(ANONYMOUS, null);
        }
    }

    /**
     * An answered request.
     *
     * @param body             {@code {"predictions": [...]}}
     * @param requestId        the request's id (its inference-table {@code databricks_request_id})
     * @param servedEntityName the served entity that answered
     */
    public record Answer(String body, String requestId, String servedEntityName) {
    }

    private final ModelSource source;
    private final EndpointStore store;
    private final long seed;
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
    private final List<InvocationListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService loader;
    private final ThreadPoolExecutor shadowPool;
    private final AtomicLong shadowDropped = new AtomicLong();

    /**
     * @param source where models come from
     * @param store  where definitions persist
     * @param seed   the traffic split's seed (the same seed and request order give the same split)
     */
    public ServingEndpoints(ModelSource source, EndpointStore store, long seed) {
        this.source = Objects.requireNonNull(source, "source");
        this.store = Objects.requireNonNull(store, "store");
        this.seed = seed;
        this.loader = Executors.newFixedThreadPool(2, daemon("serving-load"));
        // one shadow thread with a bounded queue: when the Challenger falls behind, shadow
        // requests are dropped (and counted) rather than slowing or queueing the Champion's
        this.shadowPool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000),
                daemon("serving-shadow"), (r, pool) -> shadowDropped.incrementAndGet());
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Adds a listener that receives every request from now on. */
    public void addListener(InvocationListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(InvocationListener listener) {
        listeners.remove(listener);
    }

    /** Serves again every persisted endpoint (their configs load in the background). */
    public synchronized void reload() {
        for (EndpointStore.Saved s : store.all()) {
            if (endpoints.containsKey(s.name())) {
                continue;
            }
            Endpoint ep = new Endpoint(s.name(), s.id(), s.creator(), s.creationMillis());
            endpoints.put(s.name(), ep);
            load(ep, new Endpoint.Pending(s.config(), s.configVersion(), System.currentTimeMillis(), s.creator()), null);
        }
    }

    /** {@code POST /api/2.0/serving-endpoints}: checks, persists, and starts loading; returns at once. */
    public synchronized Endpoint create(String name, EndpointConfig config, Caller caller) {
        EndpointConfig.checkName(name);
        Objects.requireNonNull(config, "config");
        if (endpoints.containsKey(name)) {
            throw MlflowException.exists("Endpoint with name '" + name + "' already exists");
        }
        check(config, caller);
        long now = System.currentTimeMillis();
        Endpoint ep = new Endpoint(name, UUID.randomUUID().toString().replace("-", ""), caller.principal(), now);
        store.insert(new EndpointStore.Saved(name, ep.id(), ep.creator(), now, now, 1, config));
        endpoints.put(name, ep);
        load(ep, new Endpoint.Pending(config, 1, now, caller.principal()), caller.authorization());
        return ep;
    }

    /** {@code PUT /api/2.0/serving-endpoints/{name}/config}: checks, then loads beside the serving config. */
    public synchronized Endpoint updateConfig(String name, EndpointConfig config, Caller caller) {
        Endpoint ep = get(name);
        Endpoint.Pending busy = ep.pending();
        if (busy != null) {
            throw new MlflowException(ErrorCode.RESOURCE_CONFLICT, "Endpoint '" + name + "' already has an update in"
                    + " progress (config version " + busy.configVersion() + ", started at " + java.time.Instant.ofEpochMilli(
                    busy.startMillis()) + "); an endpoint takes one config update at a time: wait until state.config_update"
                    + " is no longer IN_PROGRESS, then retry");
        }
        check(config, caller);
        load(ep, new Endpoint.Pending(config, ep.nextConfigVersion(), System.currentTimeMillis(), caller.principal()),
                caller.authorization());
        return ep;
    }

    private void check(EndpointConfig config, Caller caller) {
        for (ServedEntity e : config.servedEntities()) {
            source.check(e, caller.authorization());
        }
    }

    /** {@code DELETE /api/2.0/serving-endpoints/{name}}. */
    public synchronized void delete(String name) {
        Endpoint ep = get(name);
        store.delete(name);
        endpoints.remove(name);
        ep.markDeleted();
    }

    /** The endpoint; 404 RESOURCE_DOES_NOT_EXIST when there is none. */
    public Endpoint get(String name) {
        Endpoint ep = endpoints.get(name);
        if (ep == null) {
            throw MlflowException.notFound("Endpoint with name '" + name + "' does not exist."
                    + (endpoints.isEmpty() ? " No endpoints exist yet." : " Endpoints: " + names() + "."));
        }
        return ep;
    }

    private List<String> names() {
        List<String> n = new ArrayList<>(endpoints.keySet());
        n.sort(null);
        return n.size() > 20 ? n.subList(0, 20) : n;
    }

    /** Every endpoint, by name. */
    public List<Endpoint> list() {
        List<Endpoint> all = new ArrayList<>(endpoints.values());
        all.sort(Comparator.comparing(Endpoint::name));
        return all;
    }

    /**
     * Online shadow (sandbox only): {@code servedEntityName} also scores every request another
     * served entity answers, off the response path; null stops it. The entity must be in the
     * serving config (a route of 0 % keeps it out of the live traffic).
     */
    public synchronized void shadow(String name, String servedEntityName) {
        Endpoint ep = get(name);
        if (servedEntityName != null) {
            Deployment d = ep.live();
            if (d == null || !d.served().containsKey(servedEntityName)) {
                throw MlflowException.invalid("Served entity '" + servedEntityName + "' is not in the serving config of endpoint '"
                        + name + "'" + (d == null ? " (the endpoint is not ready yet)" : "; served entities: " + d.served().keySet()));
            }
        }
        ep.shadow(servedEntityName);
    }

    /** Shadow requests dropped because the shadow queue was full. */
    public long shadowDropped() {
        return shadowDropped.get();
    }

    /** Waits until no update is in progress; returns the endpoint (check its state). */
    public Endpoint awaitUpdate(String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Endpoint ep = get(name);
        while (ep.pending() != null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("endpoint '" + name + "' still updating after " + timeout);
            }
            Thread.sleep(2);
        }
        return ep;
    }

    /**
     * Scores a request: to the served entity the traffic split picks, or to {@code servedEntity}
     * when one is named. A refusal is an {@link MlflowException} (recorded first).
     */
    public Answer invoke(String name, String servedEntity, String body, String contentType, String requester) {
        Endpoint ep = get(name);
        Deployment d = ep.live();
        if (d == null) {
            throw new MlflowException(ErrorCode.TEMPORARILY_UNAVAILABLE, "Endpoint '" + name + "' is not ready: "
                    + (ep.failure() == null ? "its config is still loading (state.config_update IN_PROGRESS); retry shortly"
                    : "its config failed to load: " + ep.failure()));
        }
        Deployment.Served s;
        if (servedEntity == null) {
            s = d.route();
        } else {
            s = d.served().get(servedEntity);
            if (s == null) {
                throw MlflowException.notFound("Served entity '" + servedEntity + "' does not exist in endpoint '" + name
                        + "'; served entities: " + d.served().keySet());
            }
        }
        long arrived = System.currentTimeMillis();
        String requestId = UUID.randomUUID().toString();
        long t0 = System.nanoTime();
        String response;
        int status;
        MlflowException refused = null;
        try {
            Invocation inv = s.model().invoke(body, contentType);
            response = inv.body();
            status = 200;
        } catch (MlflowException e) {
            refused = e;
            status = e.status();
            response = errorBody(e);
        }
        long nanos = System.nanoTime() - t0;
        if (!listeners.isEmpty()) {
            notify(new InvocationRecord(requestId, clientRequestId(body, contentType), name, s.entity().name(), s.id(),
                    s.entity().entityName(), s.entity().entityVersion(), arrived, nanos, status, body, response, requester,
                    false));
        }
        String shadow = ep.shadow();
        if (servedEntity == null && shadow != null && !shadow.equals(s.entity().name())) {
            Deployment.Served challenger = d.served().get(shadow);
            if (challenger != null) {
                shadowPool.execute(() -> shadow(name, challenger, requestId, body, contentType, requester));
            }
        }
        if (refused != null) {
            throw refused;
        }
        return new Answer(response, requestId, s.entity().name());
    }

    private void shadow(String name, Deployment.Served s, String requestId, String body, String contentType, String requester) {
        long arrived = System.currentTimeMillis();
        long t0 = System.nanoTime();
        String response;
        int status;
        try {
            response = s.model().invoke(body, contentType).body();
            status = 200;
        } catch (MlflowException e) {
            status = e.status();
            response = errorBody(e);
        } catch (RuntimeException e) {
            status = 500;
            response = Json.mapper().createObjectNode().put("error_code", ErrorCode.INTERNAL_ERROR.name())
                    .put("message", oneLine(e)).toString();
        }
        notify(new InvocationRecord(requestId, null, name, s.entity().name(), s.id(), s.entity().entityName(),
                s.entity().entityVersion(), arrived, System.nanoTime() - t0, status, body, response, requester, true));
    }

    private void notify(InvocationRecord r) {
        for (InvocationListener l : listeners) {
            try {
                l.onInvocation(r);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "an invocation listener failed on request " + r.requestId(), e);
            }
        }
    }

    static String errorBody(MlflowException e) {
        return Json.mapper().createObjectNode().put("error_code", e.code().name()).put("message", e.getMessage()).toString();
    }

    /** The body's {@code client_request_id} (Databricks reads it from the JSON body), or null. */
    static String clientRequestId(String body, String contentType) {
        if (body == null || !body.contains("\"client_request_id\"") || (contentType != null && contentType.contains("csv"))) {
            return null;
        }
        try {
            JsonNode id = Json.mapper().readTree(body).get("client_request_id");
            return id == null || id.isNull() ? null : id.asText();
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private void load(Endpoint ep, Endpoint.Pending p, String authorization) {
        ep.begin(p);
        loader.execute(() -> {
            try {
                Deployment d = deploy(ep, p, authorization);
                synchronized (this) {
                    if (ep.deleted()) {
                        return;
                    }
                    long now = System.currentTimeMillis();
                    store.update(new EndpointStore.Saved(ep.name(), ep.id(), ep.creator(), ep.creationMillis(), now,
                            p.configVersion(), p.config()));
                    String shadow = ep.shadow();
                    if (shadow != null && !d.served().containsKey(shadow)) {
                        ep.shadow(null);
                    }
                    ep.succeed(d);
                }
            } catch (Exception | Error e) {
                LOG.log(Level.FINE, "config " + p.configVersion() + " of endpoint " + ep.name() + " failed to load", e);
                ep.fail(oneLine(e));
            }
        });
    }

    private Deployment deploy(Endpoint ep, Endpoint.Pending p, String authorization) throws Exception {
        Deployment old = ep.live();
        Map<String, Deployment.Served> served = new LinkedHashMap<>();
        for (ServedEntity e : p.config().servedEntities()) {
            Deployment.Served reuse = null;
            if (old != null) {
                for (Deployment.Served s : old.served().values()) {
                    if (s.entity().entityName().equals(e.entityName()) && s.entity().entityVersion().equals(e.entityVersion())) {
                        reuse = s;
                    }
                }
            }
            String id = servedEntityId(ep.id(), e);
            if (reuse != null) {
                served.put(e.name(), new Deployment.Served(e, id, reuse.model(), reuse.loadMillis()));
                continue;
            }
            long t0 = System.nanoTime();
            ServingModel model;
            try {
                model = source.load(e, authorization);
            } catch (Exception ex) {
                throw new IllegalStateException("served entity '" + e.name() + "' (" + e.entityName() + " version "
                        + e.entityVersion() + ") failed to load: " + oneLine(ex), ex);
            }
            served.put(e.name(), new Deployment.Served(e, id, model, (System.nanoTime() - t0) / 1_000_000L));
        }
        return new Deployment(p.config(), p.configVersion(), served, new TrafficSplit(p.config().routes(), seed),
                System.currentTimeMillis());
    }

    /** Stable for the same endpoint, served entity name and version (an inference table's {@code served_entity_id}). */
    static String servedEntityId(String endpointId, ServedEntity e) {
        return UUID.nameUUIDFromBytes((endpointId + "/" + e.name() + "/" + e.entityName() + "/" + e.entityVersion())
                .getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = m.replaceAll("\\s*\\n\\s*", " ");
        return m.length() > 400 ? m.substring(0, 400) + "..." : m;
    }

    @Override
    public void close() {
        loader.shutdownNow();
        shadowPool.shutdownNow();
    }
}
