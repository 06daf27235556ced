package dev.mlsandbox.serving.endpoint;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mlsandbox.http.Json;

/**
 * One route of {@code config.traffic_config.routes}: the share of requests, in whole percent, that
 * the named served entity answers.
 */
public record TrafficRoute(String servedEntityName, int trafficPercentage) {

    public ObjectNode toJson() {
        return Json.mapper().createObjectNode().put("served_entity_name", servedEntityName)
                .put("traffic_percentage", trafficPercentage);
    }
}
