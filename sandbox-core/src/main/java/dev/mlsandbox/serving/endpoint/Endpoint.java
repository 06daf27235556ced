package dev.mlsandbox.serving.endpoint;

/**
 * One serving endpoint: who made it and when, the deployment serving now ({@code config}; null
 * until the first config has loaded), the update loading beside it ({@code pending_config}), and
 * the state Databricks reports: {@code ready} READY once a config serves, {@code config_update}
 * IN_PROGRESS while an update loads, UPDATE_FAILED when the last one failed (the old config still
 * serving), NOT_UPDATING otherwise. Mutable only through {@link ServingEndpoints}; reads are safe
 * from any thread.
 */
public final class Endpoint {

    /** {@code state.ready}. */
    public enum Ready { READY, NOT_READY }

    /** {@code state.config_update}. */
    public enum ConfigUpdate { IN_PROGRESS, NOT_UPDATING, UPDATE_FAILED }

    /**
     * An update loading: its config, version, when it started, who asked.
     */
    public record Pending(EndpointConfig config, long configVersion, long startMillis, String requestedBy) {
    }

    private final String name;
    private final String id;
    private final String creator;
    private final long creationMillis;
    private volatile long updatedMillis;
    private volatile Deployment live;
    private volatile Pending pending;
    private volatile String failure;
    private volatile String shadow;
    private volatile boolean deleted;
    private volatile long lastConfigVersion;

    Endpoint(String name, String id, String creator, long creationMillis) {
        this.name = name;
        this.id = id;
        this.creator = creator;
        this.creationMillis = creationMillis;
        this.updatedMillis = creationMillis;
    }

    public String name() {
        return name;
    }

    public String id() {
        return id;
    }

    public String creator() {
        return creator;
    }

    public long creationMillis() {
        return creationMillis;
    }

    public long updatedMillis() {
        return updatedMillis;
    }

    /** The deployment serving now, or null while the first config loads (or after it failed). */
    public Deployment live() {
        return live;
    }

    /** The update loading, or null. */
    public Pending pending() {
        return pending;
    }

    /** Why the last config failed to load, or null. */
    public String failure() {
        return failure;
    }

    /** The served entity that shadows every request (sandbox only), or null. */
    public String shadow() {
        return shadow;
    }

    public Ready ready() {
        return live == null ? Ready.NOT_READY : Ready.READY;
    }

    public ConfigUpdate configUpdate() {
        if (pending != null) {
            return ConfigUpdate.IN_PROGRESS;
        }
        return failure == null ? ConfigUpdate.NOT_UPDATING : ConfigUpdate.UPDATE_FAILED;
    }

    /** The config version serving now (0 before the first config loads). */
    public long configVersion() {
        Deployment d = live;
        return d == null ? 0 : d.configVersion();
    }

    boolean deleted() {
        return deleted;
    }

    void markDeleted() {
        deleted = true;
    }

    /** The version the next update gets: one more than the last one tried. */
    long nextConfigVersion() {
        return lastConfigVersion + 1;
    }

    void begin(Pending p) {
        lastConfigVersion = Math.max(lastConfigVersion, p.configVersion());
        pending = p;
        updatedMillis = p.startMillis();
    }

    void succeed(Deployment d) {
        live = d;
        failure = null;
        pending = null;
    }

    void fail(String why) {
        failure = why;
        pending = null;
    }

    void restore(Deployment d) {
        live = d;
    }

    void shadow(String servedEntityName) {
        shadow = servedEntityName;
    }
}
