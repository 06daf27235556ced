package dev.mlsandbox.serving.endpoint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mlsandbox.http.Json;
import dev.mlsandbox.http.MlflowException;

/**
 * What an endpoint serves and how requests are split: {@code served_entities} and
 * {@code traffic_config.routes}, validated as Databricks validates a create or update-config
 * request (every route names a served entity, percentages are whole numbers that sum to 100,
 * served entity names are unique). With one served entity and no traffic config, it takes all
 * the traffic. Immutable.
 */
public record EndpointConfig(List<ServedEntity> servedEntities, List<TrafficRoute> routes) {

    /** Endpoint names: alphanumeric characters, dashes and underscores, at most 63 of them. */
    public static final Pattern ENDPOINT_NAME = Pattern.compile("[A-Za-z0-9_-]{1,63}");

    public EndpointConfig {
        servedEntities = List.copyOf(servedEntities);
        routes = List.copyOf(routes);
        validate(servedEntities, routes);
    }

    /** One entity taking all the traffic. */
    public static EndpointConfig of(ServedEntity entity) {
        return new EndpointConfig(List.of(entity), List.of(new TrafficRoute(entity.name(), 100)));
    }

    /** Two entities sharing the traffic: {@code championPercent} to the first, the rest to the second. */
    public static EndpointConfig split(ServedEntity champion, ServedEntity challenger, int championPercent) {
        return new EndpointConfig(List.of(champion, challenger), List.of(new TrafficRoute(champion.name(), championPercent),
                new TrafficRoute(challenger.name(), 100 - championPercent)));
    }

    /** Checks an endpoint name; 400 INVALID_PARAMETER_VALUE naming the rule. */
    public static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw MlflowException.invalid("The endpoint name is required");
        }
        if (!ENDPOINT_NAME.matcher(name).matches()) {
            throw MlflowException.invalid("Invalid endpoint name '" + name + "': an endpoint name can consist of"
                    + " alphanumeric characters, dashes, and underscores, and be at most 63 characters long");
        }
        return name;
    }

    /** Reads a request's {@code config} object (create) or body (update config). */
    public static EndpointConfig parse(JsonNode config) {
        if (config == null || config.isNull() || config.isMissingNode()) {
            throw MlflowException.invalid("config is required: {\"served_entities\": [{\"entity_name\": \"catalog.schema.model\","
                    + " \"entity_version\": \"1\", \"workload_size\": \"Small\", \"scale_to_zero_enabled\": false}]}");
        }
        if (!config.isObject()) {
            throw MlflowException.invalid("config must be an object with served_entities and traffic_config, got " + config);
        }
        if (config.has("served_models") && !config.has("served_entities")) {
            throw MlflowException.invalid("served_models is deprecated and not read by the sandbox: use served_entities"
                    + " (entity_name, entity_version) instead");
        }
        JsonNode list = config.get("served_entities");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw MlflowException.invalid("config.served_entities must list at least one served entity, got "
                    + (list == null ? "nothing" : list.toString()));
        }
        List<ServedEntity> entities = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            entities.add(ServedEntity.read(list.get(i), i));
        }
        JsonNode traffic = config.get("traffic_config");
        List<TrafficRoute> routes = new ArrayList<>();
        if (traffic == null || traffic.isNull()) {
            if (entities.size() > 1) {
                throw MlflowException.invalid("config.traffic_config is required when an endpoint serves more than one entity"
                        + " (" + names(entities) + "): give each a route with a traffic_percentage, summing to 100");
            }
            routes.add(new TrafficRoute(entities.get(0).name(), 100));
        } else {
            JsonNode rs = traffic.get("routes");
            if (rs == null || !rs.isArray() || rs.isEmpty()) {
                throw MlflowException.invalid("config.traffic_config.routes must list at least one route, got "
                        + (rs == null ? "nothing" : rs.toString()));
            }
            for (int i = 0; i < rs.size(); i++) {
                routes.add(readRoute(rs.get(i), i));
            }
        }
        return new EndpointConfig(entities, routes);
    }

    private static TrafficRoute readRoute(JsonNode r, int i) {
        String where = "config.traffic_config.routes[" + i + "]";
        if (!r.isObject()) {
            throw MlflowException.invalid(where + " must be an object with served_entity_name and traffic_percentage, got " + r);
        }
        JsonNode name = r.has("served_entity_name") ? r.get("served_entity_name") : r.get("served_model_name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw MlflowException.invalid(where + ".served_entity_name is required, got " + r);
        }
        JsonNode pct = r.get("traffic_percentage");
        if (pct == null || !pct.isIntegralNumber()) {
            throw MlflowException.invalid(where + ".traffic_percentage must be a whole number from 0 to 100, got "
                    + (pct == null ? "nothing" : pct.toString()));
        }
        return new TrafficRoute(name.asText(), pct.asInt());
    }

    private static void validate(List<ServedEntity> entities, List<TrafficRoute> routes) {
        if (entities.isEmpty()) {
            throw MlflowException.invalid("config.served_entities must list at least one served entity");
        }
        Set<String> names = new LinkedHashSet<>();
        for (ServedEntity e : entities) {
            if (!names.add(e.name())) {
                throw MlflowException.invalid("Served entity name '" + e.name() + "' appears twice in config.served_entities:"
                        + " a served entity name must be unique across an endpoint (give each a name)");
            }
        }
        int sum = 0;
        Set<String> routed = new LinkedHashSet<>();
        for (TrafficRoute r : routes) {
            if (!names.contains(r.servedEntityName())) {
                throw MlflowException.invalid("The traffic config route for '" + r.servedEntityName() + "' does not match any"
                        + " served entity; served entities: " + names);
            }
            if (!routed.add(r.servedEntityName())) {
                throw MlflowException.invalid("Served entity '" + r.servedEntityName() + "' has two routes in"
                        + " config.traffic_config.routes; give each served entity one route");
            }
            if (r.trafficPercentage() < 0 || r.trafficPercentage() > 100) {
                throw MlflowException.invalid("traffic_percentage of route '" + r.servedEntityName() + "' must be from 0 to 100,"
                        + " got " + r.trafficPercentage());
            }
            sum += r.trafficPercentage();
        }
        if (sum != 100) {
            StringBuilder each = new StringBuilder();
            for (TrafficRoute r : routes) {
                each.append(each.length() == 0 ? "" : ", ").append(r.servedEntityName()).append(": ").append(r.trafficPercentage());
            }
            throw MlflowException.invalid("The traffic percentages in config.traffic_config.routes must sum to 100, got "
                    + sum + " (" + each + ")");
        }
    }

    private static String names(List<ServedEntity> entities) {
        List<String> n = new ArrayList<>();
        entities.forEach(e -> n.add(e.name()));
        return String.join(", ", n);
    }

    public Optional<ServedEntity> entity(String name) {
        return servedEntities.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The percentage a served entity receives (0 when it has no route). */
    public int percentage(String servedEntityName) {
        return routes.stream().filter(r -> r.servedEntityName().equals(servedEntityName)).mapToInt(TrafficRoute::trafficPercentage)
                .findFirst().orElse(0);
    }

    /** {@code {"served_entities": [...], "traffic_config": {"routes": [...]}}}, the form {@link #parse} reads. */
    public ObjectNode toJson() {
        ObjectNode n = Json.mapper().createObjectNode();
        ArrayNode se = n.putArray("served_entities");
        servedEntities.forEach(e -> se.add(e.toJson()));
        ArrayNode rs = n.putObject("traffic_config").putArray("routes");
        routes.forEach(r -> rs.add(r.toJson()));
        return n;
    }
}
