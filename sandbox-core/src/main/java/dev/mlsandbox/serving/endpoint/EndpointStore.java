package dev.mlsandbox.serving.endpoint;

import java.util.List;

/**
 * Where endpoint definitions persist, so that a restarted server serves them again: the last
 * config that loaded (or the first one, for an endpoint still loading), never a pending update.
 */
public interface EndpointStore {

    /** A persisted endpoint. */
    record Saved(String name, String id, String creator, long creationMillis, long updatedMillis, long configVersion,
                 EndpointConfig config) {
    }

    void insert(Saved endpoint);

    void update(Saved endpoint);

    void delete(String name);

    List<Saved> all();

    /** Nothing persists: for a library or a test that needs no restart. */
    static EndpointStore inMemory() {
        java.util.Map<String, Saved> rows = new java.util.concurrent.ConcurrentHashMap<>();
        return new EndpointStore() {
            @Override
            public void insert(Saved endpoint) {
                rows.put(endpoint.name(), endpoint);
            }

            @Override
            public void update(Saved endpoint) {
                rows.put(endpoint.name(), endpoint);
            }

            @Override
            public void delete(String name) {
                rows.remove(name);
            }

            @Override
            public List<Saved> all() {
                return List.copyOf(rows.values());
            }
        };
    }
}
