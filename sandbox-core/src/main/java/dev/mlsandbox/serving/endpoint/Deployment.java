package dev.mlsandbox.serving.endpoint;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.mlsandbox.serving.protocol.ServingModel;

/**
 * A config that has loaded: each served entity with its model, and the traffic split. An endpoint
 * swaps its deployment in one write when an update has loaded, so a request is answered wholly by
 * the old config or wholly by the new one. Immutable.
 *
 * @param config        the config
 * @param configVersion 1 for the config an endpoint was created with, one more per update
 * @param served        each served entity by name, in config order
 * @param split         the seeded traffic split over the routes
 * @param readyMillis   when it started serving (epoch milliseconds)
 */
public record Deployment(EndpointConfig config, long configVersion, Map<String, Served> served, TrafficSplit split,
                         long readyMillis) {

    /**
     * A loaded served entity.
     *
     * @param entity     its config
     * @param id         its id within the endpoint (an inference table's {@code served_entity_id})
     * @param model      the model answering its requests
     * @param loadMillis how long loading took (download, read, compile)
     */
    public record Served(ServedEntity entity, String id, ServingModel model, long loadMillis) {
    }

    public Deployment {
        served = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(served));
    }

    /** The served entity the next request goes to. */
    Served route() {
        return served.get(split.next());
    }
}
